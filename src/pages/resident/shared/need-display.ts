import type { Demand, ResidentRating } from '@/services/api/types'
import { formatTime } from '@/services/beijing-time'

/** What the resident called it (买药代购), or the catalogue's category for a need filed by category only. */
export const needTitle = (need: Pick<Demand, 'kindName' | 'category' | 'subItem'>): string =>
  need.kindName ?? `${need.category}${need.subItem ? ` · ${need.subItem}` : ''}`

/** 张一、李二: the members who will come (or came), once anyone accepted. */
export const helperNames = (need: Pick<Demand, 'order'>): string => (need.order?.members ?? []).map((member) => member.name).join('、')

/** The service is still ahead or going on: the resident may want to reach someone. */
export const isUnderway = (need: Pick<Demand, 'status' | 'order'>): boolean =>
  need.status === 'submitted' || (need.status === 'accepted' && !!need.order && ['published', 'staffed', 'in_service'].includes(need.order.status))

export const RATING_NAMES: Record<ResidentRating, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}

/** A timeline entry as a short step title: the reject reason is shown in full elsewhere. */
export const stepTitle = (label: string): string => (label.startsWith('社区未受理') ? '社区未受理' : label)

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
