import type { Demand, DemandStatus, ResidentRating } from '@/services/api/types'
import { formatTime } from '@/services/beijing-time'

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** What a resident reads for each state of a need (and of the order it became). */
export function needStatusOf(need: Demand): { text: string; elderText: string; tag: TagType } {
  if (need.status === 'accepted' && need.order) {
    if (need.rating) return { text: '已评价', elderText: '已评价', tag: 'success' }
    if (awaitsMyConfirmation(need)) return { text: '待您确认服务', elderText: '请您确认', tag: 'warning' }
    if (need.order.status === 'completed') return { text: '待确认评价', elderText: '请您评价', tag: 'warning' }
    if (need.order.status === 'in_service') return { text: '服务中', elderText: '正在上门', tag: 'primary' }
    if (need.order.status === 'cancelled') return { text: '服务已取消', elderText: '已取消', tag: 'default' }
    return { text: '已派单', elderText: '已安排党员', tag: 'info' }
  }
  return BASE_STATUS[need.status]
}

const BASE_STATUS: Record<DemandStatus, { text: string; elderText: string; tag: TagType }> = {
  submitted: { text: '待受理', elderText: '等社区处理', tag: 'warning' },
  accepted: { text: '已受理', elderText: '社区已接收', tag: 'info' },
  rejected: { text: '未受理', elderText: '社区没有接收', tag: 'danger' },
  withdrawn: { text: '已撤回', elderText: '已撤回', tag: 'default' },
}

export const RATING_NAMES: Record<ResidentRating, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}

/** A timeline entry as a short step title: the reject reason is shown in full elsewhere. */
export const stepTitle = (label: string): string => (label.startsWith('社区未受理') ? '社区未受理' : label)

/** The members have checked out and the resident has not confirmed: their hours wait for this confirmation. */
/** A member's hours wait for the resident: the server says so (when she scanned the check-out herself, they do not). */
export const awaitsMyConfirmation = (need: Demand): boolean =>
  need.status === 'accepted' && !!need.order && need.order.awaitingResident && !need.rating

/** While the service is on (not finished, not cancelled) the resident may be the one who scans the member in and out. */
export const mayVerifyAtHome = (need: Demand): boolean =>
  need.status === 'accepted' && !!need.order && ['published', 'staffed', 'in_service'].includes(need.order.status)

/** The resident can confirm and rate once the service has happened and they have not rated yet. */
export const canRate = (need: Demand): boolean =>
  need.status === 'accepted' && !!need.order && !need.rating && (need.order.status === 'completed' || need.order.status === 'in_service')

export function formatWindow(from: string | null, until: string | null): string {
  if (!from && !until) return '时间不限'
  if (from && until) {
    const start = formatTime(from)
    const end = formatTime(until)
    const sameDay = start.split(' ')[0] === end.split(' ')[0]
    return sameDay ? `${start}–${end.split(' ')[1]}` : `${start} 至 ${end}`
  }
  return from ? `${formatTime(from)} 以后` : `${formatTime(until)} 以前`
}
