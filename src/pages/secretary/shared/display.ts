import type { Order, OrganisationRating } from '@/services/api/types'

export const CHANNEL_TEXT: Record<string, string> = {
  self: '居民自助',
  window: '窗口受理',
  phone: '电话登记',
  visit: '上门走访',
  mailbox: '信箱收集',
}

export const ORGANISATION_RATING_TEXT: Record<OrganisationRating, string> = { excellent: '优', good: '良', fair: '一般' }

/** Scans count from 30 min before the start to 2 h after the end (the server's rule). */
export function isScanWindowOpen(order: Pick<Order, 'startsAt' | 'endsAt' | 'status'>, now = new Date()): boolean {
  if (order.status === 'cancelled' || order.status === 'completed') return false
  const opens = Date.parse(order.startsAt) - 30 * 60_000
  const closes = Date.parse(order.endsAt) + 120 * 60_000
  return now.getTime() >= opens && now.getTime() <= closes
}
