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

/** Scans count from 30 min before the start to 2 h after the end (the server's rule). */
export function isScanWindowOpen(order: Pick<Order, 'startsAt' | 'endsAt' | 'status'>, now = new Date()): boolean {
  if (order.status === 'cancelled' || order.status === 'completed') return false
  const opens = Date.parse(order.startsAt) - 30 * 60_000
  const closes = Date.parse(order.endsAt) + 120 * 60_000
  return now.getTime() >= opens && now.getTime() <= closes
}
