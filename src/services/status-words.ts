import type { Certificate } from './api/certificates'
import type { CommitmentStatus } from './api/commitments'
import type { Registration, ReportSlip } from './api/registration'
import type { UnitStatistics } from './api/reports'
import type { SuggestionStatus } from './api/suggestions'
import type { Demand, Dispute, DemandStatus, Order, RecordStatus } from './api/types'

// The one status vocabulary: every role reads the same word in the same colour for the same state.
// Tones map to the palette in src/styles/tokens.scss (--dy-tone-*).
export type StatusTone = 'waiting' | 'active' | 'done' | 'muted' | 'alert'

export interface StatusWord {
  text: string
  tone: StatusTone
  /** The same state in plainer words, for 长辈模式. */
  elderText?: string
}

type TimedOrder = Pick<Order, 'status' | 'startsAt' | 'endsAt' | 'capacity' | 'acceptedCount'>

/** An order's state as it is now: the stored status, read against the clock (a started order no longer recruits). */
export function orderStatusWord(order: TimedOrder, now: Date): StatusWord {
  const started = now.getTime() >= Date.parse(order.startsAt)
  const ended = now.getTime() >= Date.parse(order.endsAt)
  switch (order.status) {
    case 'cancelled':
      return { text: '已取消', tone: 'muted' }
    case 'completed':
      return { text: '已完成', tone: 'done' }
    case 'in_service':
      return ended ? { text: '待签退', tone: 'waiting', elderText: '等待签退' } : { text: '进行中', tone: 'active', elderText: '正在服务' }
    default:
      if (ended) return { text: '已结束', tone: 'muted' }
      if (started) return { text: '已开始', tone: 'active', elderText: '已经开始' }
      return order.acceptedCount >= order.capacity
        ? { text: '已满员', tone: 'active', elderText: '人已够' }
        : { text: '招募中', tone: 'waiting', elderText: '正在找人' }
  }
}

export const DEMAND_STATUS_WORDS: Record<DemandStatus, StatusWord> = {
  submitted: { text: '待受理', tone: 'waiting', elderText: '等社区处理' },
  accepted: { text: '已下单', tone: 'active', elderText: '社区已安排' },
  rejected: { text: '未受理', tone: 'alert', elderText: '社区没有接收' },
  withdrawn: { text: '已撤回', tone: 'muted' },
}

type TimedNeed = Pick<Demand, 'status' | 'rating'> & {
  order: Pick<NonNullable<Demand['order']>, 'status' | 'startsAt' | 'awaitingResident' | 'members'> | null
}

/** A need as its resident follows it: the need's status until it becomes an order, then where the service is. */
export function needStatusWord(need: TimedNeed, now: Date): StatusWord {
  const order = need.status === 'accepted' ? need.order : null
  if (!order) return DEMAND_STATUS_WORDS[need.status]
  if (need.rating) return { text: '已评价', tone: 'done' }
  if (order.awaitingResident) return { text: '待您确认', tone: 'waiting', elderText: '请您确认' }
  if (order.status === 'completed') return { text: '待您评价', tone: 'waiting', elderText: '请您评价' }
  if (order.status === 'in_service' || now.getTime() >= Date.parse(order.startsAt)) return { text: '进行中', tone: 'active', elderText: '正在服务' }
  return order.members.length > 0 ? { text: '已安排党员', tone: 'active', elderText: '党员会来' } : DEMAND_STATUS_WORDS.accepted
}

export const RECORD_STATUS_WORDS: Record<RecordStatus, StatusWord> = {
  credited: { text: '已计入', tone: 'done' },
  pending_approval: { text: '待书记审核', tone: 'waiting' },
  awaiting_resident: { text: '待居民确认', tone: 'waiting' },
}

export const DISPUTE_STATUS_WORDS: Record<Dispute['status'], StatusWord> = {
  open: { text: '待书记处理', tone: 'waiting' },
  upheld: { text: '申诉成立', tone: 'done' },
  rejected: { text: '申诉未支持', tone: 'muted' },
}

export const REGISTRATION_STATUS_WORDS: Record<Registration['status'], StatusWord> = {
  pending: { text: '待社区确认', tone: 'waiting', elderText: '等社区确认' },
  confirmed: { text: '已报到', tone: 'done' },
  returned: { text: '被退回', tone: 'alert', elderText: '社区退回了' },
  withdrawn: { text: '已撤回', tone: 'muted' },
}

/** A 志愿服务证明 as its member and its issuer see it. */
export const CERTIFICATE_STATUS_WORDS: Record<Certificate['status'], StatusWord> = {
  requested: { text: '待社区出具', tone: 'waiting', elderText: '等社区出具' },
  issued: { text: '已出具', tone: 'done' },
  refused: { text: '被退回', tone: 'alert', elderText: '社区退回了' },
  revoked: { text: '已作废', tone: 'muted' },
}

/** A 报到单 as its unit sees it; one not used by its 报到截止日期 is late. */
export function slipStatusWord(slip: Pick<ReportSlip, 'result' | 'overdue'>): StatusWord {
  switch (slip.result) {
    case 'reported':
      return { text: '已报到', tone: 'done' }
    case 'pending':
      return { text: '待社区确认', tone: 'waiting' }
    case 'returned':
      return { text: slip.overdue ? '被退回·已逾期' : '被退回', tone: 'alert' }
    case 'cancelled':
      return { text: '已作废', tone: 'muted' }
    default:
      return slip.overdue ? { text: '逾期未报到', tone: 'alert' } : { text: '待报到', tone: 'waiting' }
  }
}

/** A line of the unit's 报到情况统计 明细. */
export const REPORT_DETAIL_WORDS: Record<UnitStatistics['details'][number]['status'], StatusWord> = {
  reported: { text: '已报到', tone: 'done' },
  pending: { text: '待社区确认', tone: 'waiting' },
  returned: { text: '被退回', tone: 'alert' },
  not_reported: { text: '未报到', tone: 'alert' },
  awaiting: { text: '待报到', tone: 'waiting' },
}

export const SUGGESTION_STATUS_WORDS: Record<SuggestionStatus, StatusWord> = {
  submitted: { text: '待处理', tone: 'waiting', elderText: '等社区答复' },
  replied: { text: '已答复', tone: 'done', elderText: '社区已答复' },
  forwarded: { text: '已转交', tone: 'active', elderText: '已转给有关部门' },
  adopted: { text: '已采纳', tone: 'done', elderText: '社区采纳了' },
  withdrawn: { text: '已撤回', tone: 'muted' },
}

export const COMMITMENT_STATUS_WORDS: Record<CommitmentStatus, StatusWord> = {
  committed: { text: '已承诺', tone: 'active', elderText: '还没做完' },
  fulfilled: { text: '待确认', tone: 'waiting', elderText: '等社区确认' },
  confirmed: { text: '已确认', tone: 'done', elderText: '社区已确认' },
  returned: { text: '已退回', tone: 'alert', elderText: '社区请您补充' },
}
