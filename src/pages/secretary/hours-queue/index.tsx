import { useState } from 'react'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ROUTES } from '@/services/navigation'
import { StatusTabs } from '../shared/status-tabs'
import { QUEUES, isQueueKey, type QueueKey } from '../hours-shared/queues'
import { AwaitingResidentList } from './awaiting-resident-list'
import { DisputeList } from './dispute-list'
import { MissingCheckoutList } from './missing-checkout-list'
import { PendingApprovalList } from './pending-approval-list'
import { RefusedScanList } from './refused-scan-list'
import '../hours-shared/hours.scss'

const LISTS: Record<QueueKey, () => JSX.Element> = {
  pending: PendingApprovalList,
  missing: MissingCheckoutList,
  disputes: DisputeList,
  resident: AwaitingResidentList,
  refused: RefusedScanList,
}

/** One queue of 时长管理, with tabs to the others. */
export default function SecretaryHoursQueuePage() {
  const { params } = useRouter()
  const [queue, setQueue] = useState<QueueKey>(isQueueKey(params.queue) ? params.queue : 'pending')
  const List = LISTS[queue]

  return (
    <PageShell title="时长管理" backTo={ROUTES.secretaryHours}>
      <StatusTabs tabs={QUEUES.map((item) => ({ key: item.key, text: item.tab }))} current={queue} onChange={setQueue} />
      <View className="status-tabs-body">
        <List key={queue} />
      </View>
    </PageShell>
  )
}
