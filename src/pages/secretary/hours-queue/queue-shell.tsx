import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { PageShell, type EmptyState, type PageStatus } from '@/components/page-shell'
import type { ApiError } from '@/services/api/types'

interface QueueShellProps {
  status: PageStatus
  error: ApiError | null
  onRetry: () => void
  /** What an empty queue means and when something will come. */
  empty: EmptyState
  children: ReactNode
}

/** One queue under the 时长管理 tabs: its loading, empty and error states, then its cards. */
export function QueueShell({ status, error, onRetry, empty, children }: QueueShellProps) {
  return (
    <PageShell requireLogin={false} status={status} error={error} onRetry={onRetry} empty={empty}>
      <View className="hours-page">{children}</View>
    </PageShell>
  )
}
