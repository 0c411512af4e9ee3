import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import type { StatusTone } from '@/services/status-words'
import './index.scss'

export interface StatusTagProps {
  tone: StatusTone
  children: ReactNode
}

/** A status in the one palette every role shares: waiting, active, done, muted (closed) or alert. */
export function StatusTag({ tone, children }: StatusTagProps) {
  return <Text className={`dy-status-tag dy-status-tag--${tone}`}>{children}</Text>
}
