import { callFunction } from '../api-client'
import type {
  ChangeOrderData,
  CreateOrderData,
  DeclineOrderData,
  ListMyTasksData,
  ListOpenOrdersData,
  Order,
  OrderList,
  OrderStatus,
  OrganisationRating,
  Recommendation,
  RecommendData,
} from './types'

type Page = { limit: number; offset: number }

/** The orders cloud function: the member's hall and tasks, and the secretary's dispatch and follow-up. */
export const ordersApi = {
  get: (orderId: string) => callFunction<Order>('orders', 'get', { orderId }),
  listOpen: (data: ListOpenOrdersData) => callFunction<OrderList>('orders', 'listOpen', data),
  listMine: (data: ListMyTasksData) => callFunction<OrderList>('orders', 'listMine', data),
  accept: (orderId: string) => callFunction<Order>('orders', 'accept', { orderId }),
  decline: (data: DeclineOrderData) => callFunction<Order>('orders', 'decline', data),
  cancelAcceptance: (orderId: string, reason = '') => callFunction<Order>('orders', 'cancelAcceptance', { orderId, reason }),
  create: (data: CreateOrderData) => callFunction<Order>('orders', 'create', data),
  listForCommunity: (page: Page, status?: OrderStatus) =>
    callFunction<OrderList>('orders', 'listForCommunity', status ? { status, page } : { page }),
  change: (data: ChangeOrderData) => callFunction<Order>('orders', 'change', data),
  cancel: (orderId: string, reason: string) => callFunction<Order>('orders', 'cancel', { orderId, reason }),
  complete: (orderId: string) => callFunction<Order>('orders', 'complete', { orderId }),
  evaluate: (orderId: string, rating: OrganisationRating, comment = '') =>
    callFunction<Order>('orders', 'evaluate', { orderId, rating, comment }),
  recommend: (data: RecommendData) => callFunction<{ items: Recommendation[] }>('orders', 'recommend', data),
}
