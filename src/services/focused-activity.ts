import type { Order } from './api/types'

/** 「红色先锋服务队集中性活动」 for an order marked as a team's 集中性活动, else null. */
export const focusedActivityText = (order: Pick<Order, 'focusedTeam'>): string | null =>
  order.focusedTeam ? `${order.focusedTeam.name}集中性活动` : null
