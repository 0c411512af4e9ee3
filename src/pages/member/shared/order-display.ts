import type { Order, TaskPhase } from '@/services/api/types'
import { formatMoment, formatSpan, inBeijing } from '@/services/beijing-time'
import { orderStatusWord, type StatusWord } from '@/services/status-words'

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

/** What the member reads as the order's state, from their own point of view; in 长辈模式 the shorter words. */
export type MemberState = StatusWord

const hasStarted = (order: Pick<Order, 'startsAt'>, now: Date) => now >= new Date(order.startsAt)

export function memberStateOf(order: Order, now: Date = new Date()): MemberState {
  if (order.status === 'cancelled') return { text: '订单已取消', elderText: '已取消', tone: 'muted' }
  const mine = order.myAssignment
  if (mine?.status === 'accepted') {
    if (mine.phase === 'in_service') return { text: '服务中', tone: 'active' }
    if (mine.phase === 'done') return { text: '已完成', tone: 'done' }
    if (hasStarted(order, now)) return { text: '进行中 · 待签到', elderText: '该签到了', tone: 'alert' }
    return { text: '已接单 · 待开始', elderText: '已接单', tone: 'waiting' }
  }
  if (order.status === 'completed' || new Date(order.endsAt) <= now) return { text: '已结束', tone: 'muted' }
  if (mine?.status === 'declined') return { text: '已谢绝', tone: 'muted' }
  const started = hasStarted(order, now)
  const word = orderStatusWord(order, now).text
  if (mine?.status === 'invited') return { text: started ? `${word} · 待您答复` : '待您答复', elderText: '请答复', tone: 'alert' }
  if (placesLeft(order) === 0) return { text: started ? `${word} · 名额已满` : '名额已满', elderText: '满了', tone: 'muted' }
  const accept = mine?.status === 'cancelled' ? '可再次接单' : '可接单'
  return { text: started ? `${word} · ${accept}` : accept, elderText: accept, tone: 'active' }
}

/** The words to show: the shorter ones in 长辈模式 where there are any. */
export const stateText = (state: StatusWord, elder: boolean) => (elder && state.elderText ? state.elderText : state.text)

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

/**
 * What the accept dialog says about being late and cancelling, against the clock: the cut-off only while
 * it is still ahead; once it has passed, that cancelling goes through the community.
 */
export function acceptNotice(order: Pick<Order, 'startsAt' | 'cancelDeadline'>, now: Date = new Date()): string {
  if (now < new Date(order.cancelDeadline)) {
    return `接单后请按时到场。${formatMoment(order.cancelDeadline, now)} 前可以取消，之后不能自行取消。`
  }
  const arrive = hasStarted(order, now) ? '服务已经开始，接单后请尽快到场。' : '接单后请按时到场。'
  return `${arrive}已过取消时限，接单后不能自行取消，如需取消请联系社区。`
}

/** The reminder under an order I accepted and have not checked in to yet. */
export const arrivalNotice = (order: Pick<Order, 'startsAt'>, now: Date = new Date()): string =>
  hasStarted(order, now)
    ? '服务已经开始，请尽快到场，到场后在“签到码”页出示签到码，由书记或现场负责人扫码签到；离开时再扫一次签退。'
    : '请按时到场，到场后在“签到码”页出示签到码，由书记或现场负责人扫码签到；离开时再扫一次签退。'

/** The tabs of 我的任务. 待服务 holds what I accepted and have not checked in to, what is happening now on top. */
export const TASK_PHASES: { phase: TaskPhase; title: string; empty: string; elderEmpty: string }[] = [
  {
    phase: 'upcoming',
    title: '待服务',
    empty: '接单后、签到前的服务会显示在这里，正在进行的排在最上面。可以去接单大厅看看。',
    elderEmpty: '接了单，会显示在这里。',
  },
  {
    phase: 'in_service',
    title: '服务中',
    empty: '签到后、签退前的服务会显示在这里。到场后请出示签到码让书记扫码签到。',
    elderEmpty: '到了现场，请出示签到码。',
  },
  { phase: 'done', title: '已完成', empty: '签退后的服务会显示在这里，时长计入“我的时长”。', elderEmpty: '做完的服务在这里。' },
]
