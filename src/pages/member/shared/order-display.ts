import type { Order, TaskPhase } from '@/services/api/types'
import { formatSpan, inBeijing } from '@/services/beijing-time'

/** "2.5 小时", without a trailing ".0". */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10
  return `${rounded % 1 === 0 ? rounded.toFixed(0) : rounded.toFixed(1)} 小时`
}

/** 「与已接的「…」10:00–12:00 时间重叠…」 for each accepted order of mine that overlaps this one (the server finds them). */
export function clashWarnings(order: Pick<Order, 'startsAt' | 'myClashes'>, now: Date = new Date()): string[] {
  const day = inBeijing(order.startsAt).format('YYYY-MM-DD')
  return (order.myClashes ?? []).map((clash) => {
    const sameDay = inBeijing(clash.startsAt).format('YYYY-MM-DD') === day && inBeijing(clash.endsAt).format('YYYY-MM-DD') === day
    const when = sameDay
      ? `${inBeijing(clash.startsAt).format('HH:mm')}–${inBeijing(clash.endsAt).format('HH:mm')}`
      : formatSpan(clash.startsAt, clash.endsAt, now)
    return `与已接的「${clash.title}」${when} 时间重叠，同一时间只能在一处服务`
  })
}

export const placesLeft = (order: Pick<Order, 'capacity' | 'acceptedCount'>): number => Math.max(0, order.capacity - order.acceptedCount)

export const isInvitation = (order: Order): boolean => order.myAssignment?.status === 'invited'

/** Invitations sent to me come before the open orders; otherwise the server's order stands. */
export const invitationsFirst = (orders: Order[]): Order[] => [
  ...orders.filter(isInvitation),
  ...orders.filter((order) => !isInvitation(order)),
]

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** What the member reads as the order's state, from their own point of view. */
export interface MemberState {
  text: string
  tag: TagType
}

export function memberStateOf(order: Order, now: Date = new Date()): MemberState {
  if (order.status === 'cancelled') return { text: '订单已取消', tag: 'default' }
  const mine = order.myAssignment
  if (mine?.status === 'accepted') {
    if (mine.phase === 'in_service') return { text: '服务中', tag: 'primary' }
    if (mine.phase === 'done') return { text: '已完成', tag: 'success' }
    return { text: '已接单 · 待开始', tag: 'info' }
  }
  if (mine?.status === 'invited') return { text: '待您答复', tag: 'warning' }
  if (mine?.status === 'declined') return { text: '已谢绝', tag: 'default' }
  if (order.status === 'completed' || new Date(order.endsAt) <= now) return { text: '已结束', tag: 'default' }
  if (placesLeft(order) === 0) return { text: '名额已满', tag: 'default' }
  if (mine?.status === 'cancelled') return { text: '可再次接单', tag: 'primary' }
  return { text: '可接单', tag: 'primary' }
}

export interface MemberActions {
  canAccept: boolean
  canDecline: boolean
  canCancel: boolean
  /** Accepted and not yet started, but past the cut-off: say so instead of offering the button. */
  cancelTooLate: boolean
}

/** Which of 接单 / 谢绝 / 取消接单 the member may try now; the server has the last word. */
export function memberActionsOf(order: Order, now: Date = new Date()): MemberActions {
  const mine = order.myAssignment
  const open = order.status !== 'cancelled' && order.status !== 'completed' && new Date(order.endsAt) > now
  const accepted = mine?.status === 'accepted'
  const reachable = mine?.status === 'invited' || order.dispatch === 'open'
  const beforeCutoff = now < new Date(order.cancelDeadline)
  const notStarted = accepted && mine?.phase === 'upcoming'
  return {
    canAccept: open && !accepted && reachable && mine?.status !== 'declined' && placesLeft(order) > 0,
    canDecline: open && mine?.status === 'invited',
    canCancel: open && notStarted && beforeCutoff,
    cancelTooLate: open && notStarted && !beforeCutoff,
  }
}

export const TASK_PHASES: { phase: TaskPhase; title: string; empty: string }[] = [
  { phase: 'upcoming', title: '待开始', empty: '接单后，还没开始的服务会显示在这里。可以去接单大厅看看。' },
  { phase: 'in_service', title: '服务中', empty: '签到后、签退前的服务会显示在这里。到场后请出示签到码让书记扫码签到。' },
  { phase: 'done', title: '已完成', empty: '签退后的服务会显示在这里，时长计入“我的时长”。' },
]
