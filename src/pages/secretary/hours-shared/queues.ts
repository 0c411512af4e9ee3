import type { HoursQueues } from '@/services/api/types'

export type QueueKey = 'pending' | 'missing' | 'disputes' | 'resident' | 'refused'

export interface QueueInfo {
  key: QueueKey
  /** On the hub. */
  title: string
  /** On the queue page's tabs. */
  tab: string
  hint: string
  count: (queues: HoursQueues) => number
}

/** The lists of 时长管理, in the order the hub shows them. */
export const QUEUES: QueueInfo[] = [
  { key: 'pending', title: '超过8小时待审核', tab: '超8小时', hint: '一天超过8小时的时长，通过或核减', count: (q) => q.pendingApproval },
  { key: 'missing', title: '漏签退', tab: '漏签退', hint: '已签到未签退，补录签退时间', count: (q) => q.missingCheckouts },
  { key: 'disputes', title: '申诉待处理', tab: '申诉', hint: '党员对时长的申诉，支持或驳回', count: (q) => q.openDisputes },
  { key: 'resident', title: '待居民确认', tab: '待居民确认', hint: '上门服务等居民确认，可代为确认', count: (q) => q.awaitingResident },
  { key: 'refused', title: '被拒绝的扫码', tab: '被拒扫码', hint: '近7天没有通过的扫码及原因', count: (q) => q.refusedScans },
]

export const isQueueKey = (value: string | undefined): value is QueueKey => QUEUES.some((queue) => queue.key === value)
