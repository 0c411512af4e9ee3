import type { DemandStatus, Order, OrderStatus, OrganisationRating } from '@/services/api/types'

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

export const ORDER_STATUS_TEXT: Record<OrderStatus, { text: string; tag: TagType }> = {
  published: { text: '招募中', tag: 'warning' },
  staffed: { text: '已满员', tag: 'info' },
  in_service: { text: '服务中', tag: 'primary' },
  completed: { text: '已完成', tag: 'success' },
  cancelled: { text: '已取消', tag: 'default' },
}

export const DEMAND_STATUS_TEXT: Record<DemandStatus, { text: string; tag: TagType }> = {
  submitted: { text: '待受理', tag: 'warning' },
  accepted: { text: '已下单', tag: 'success' },
  rejected: { text: '已驳回', tag: 'danger' },
  withdrawn: { text: '已撤回', tag: 'default' },
}

export const CHANNEL_TEXT: Record<string, string> = {
  self: '居民自助',
  window: '窗口受理',
  phone: '电话登记',
  visit: '上门走访',
  mailbox: '信箱收集',
}

export const ORGANISATION_RATING_TEXT: Record<OrganisationRating, string> = { excellent: '优', good: '良', fair: '一般' }

const pad = (value: number) => String(value).padStart(2, '0')
const BEIJING_MS = 8 * 3600_000

/** Business times are Beijing time (the spec's Asia/Shanghai), whatever zone the phone is set to. */
function beijing(iso: string | null | undefined): Date | null {
  if (!iso) return null
  const at = Date.parse(iso)
  return Number.isNaN(at) ? null : new Date(at + BEIJING_MS)
}

const dayOf = (at: Date) => `${at.getUTCMonth() + 1}月${at.getUTCDate()}日`
const clockOf = (at: Date) => `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`

/** "11月23日 09:00"; with the year when it is not this year's. */
export function formatTime(iso: string | null | undefined, now = new Date()): string {
  const at = beijing(iso)
  if (!at) return ''
  const text = `${dayOf(at)} ${clockOf(at)}`
  return at.getUTCFullYear() === new Date(now.getTime() + BEIJING_MS).getUTCFullYear() ? text : `${at.getUTCFullYear()}年${text}`
}

export const formatClock = (iso: string | null | undefined): string => {
  const at = beijing(iso)
  return at ? clockOf(at) : ''
}

/** "11月23日 09:00–11:00", or both ends in full when the service crosses midnight. */
export function formatSpan(startsAt: string, endsAt: string): string {
  const start = beijing(startsAt)
  const end = beijing(endsAt)
  if (!start || !end) return ''
  return dayOf(start) === dayOf(end) ? `${formatTime(startsAt)}–${clockOf(end)}` : `${formatTime(startsAt)} 至 ${formatTime(endsAt)}`
}

/** Scans count from 30 min before the start to 2 h after the end (the server's rule). */
export function isScanWindowOpen(order: Pick<Order, 'startsAt' | 'endsAt' | 'status'>, now = new Date()): boolean {
  if (order.status === 'cancelled' || order.status === 'completed') return false
  const opens = Date.parse(order.startsAt) - 30 * 60_000
  const closes = Date.parse(order.endsAt) + 120 * 60_000
  return now.getTime() >= opens && now.getTime() <= closes
}
