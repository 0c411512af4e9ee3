import { callFunction } from '../api-client'
import type { CreateOrderData, Order, OrderList, OrderStatus, OrganisationRating, Recommendation, RecommendData } from './types'

type Page = { limit: number; offset: number }

/** The secretary's order actions; the member's (accept, decline…) live in orders.ts. */
export const secretaryOrdersApi = {
  create: (data: CreateOrderData) => callFunction<Order>('orders', 'create', data),
  listForCommunity: (page: Page, status?: OrderStatus) =>
    callFunction<OrderList>('orders', 'listForCommunity', status ? { status, page } : { page }),
  get: (orderId: string) => callFunction<Order>('orders', 'get', { orderId }),
  cancel: (orderId: string, reason: string) => callFunction<Order>('orders', 'cancel', { orderId, reason }),
  complete: (orderId: string) => callFunction<Order>('orders', 'complete', { orderId }),
  evaluate: (orderId: string, rating: OrganisationRating, comment = '') =>
    callFunction<Order>('orders', 'evaluate', { orderId, rating, comment }),
  recommend: (data: RecommendData) => callFunction<{ items: Recommendation[] }>('orders', 'recommend', data),
}
