import { callFunction } from '../api-client'
import type { DeclineOrderData, ListMyTasksData, ListOpenOrdersData, Order, OrderList } from './types'

/** The member's side of the orders function: the hall, my tasks, accept / decline / cancel. */
export const ordersApi = {
  get: (orderId: string) => callFunction<Order>('orders', 'get', { orderId }),
  listOpen: (data: ListOpenOrdersData) => callFunction<OrderList>('orders', 'listOpen', data),
  listMine: (data: ListMyTasksData) => callFunction<OrderList>('orders', 'listMine', data),
  accept: (orderId: string) => callFunction<Order>('orders', 'accept', { orderId }),
  decline: (data: DeclineOrderData) => callFunction<Order>('orders', 'decline', data),
  cancelAcceptance: (orderId: string, reason = '') => callFunction<Order>('orders', 'cancelAcceptance', { orderId, reason }),
}
