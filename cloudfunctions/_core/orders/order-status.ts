import { orderErrors } from './orders.errors';

export const ORDER_STATUSES = ['published', 'staffed', 'in_service', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderProgress {
  status: OrderStatus;
  capacity: number;
  /** Places taken by accepting (walk-ins added on the day take none). */
  placesTaken: number;
  /** Everyone on the order: who accepted and who was added on the day. */
  serving: number;
  checkedIn: number;
  checkedOut: number;
}

/**
 * The order's status follows its assignments:
 * published → staffed (every place taken) → in service (someone checked in) → completed.
 * It completes by itself only when every place is taken and everyone on it has checked out; with places
 * still free it stays open to accept until its end, and the secretary completes it. Cancelled and
 * completed are final.
 */
export function deriveOrderStatus(order: OrderProgress): OrderStatus {
  if (isClosed(order.status)) return order.status;
  const full = order.placesTaken >= order.capacity;
  if (order.checkedIn > 0) return full && order.checkedOut >= order.serving ? 'completed' : 'in_service';
  return full ? 'staffed' : 'published';
}

export const isClosed = (status: OrderStatus) => status === 'cancelled' || status === 'completed';

/** The one check every action on an order goes through: cancelled and completed take none. */
export function assertOrderOpen(status: OrderStatus): void {
  if (status === 'cancelled') throw orderErrors.error('ORDER_CLOSED', '订单已取消');
  if (status === 'completed') throw orderErrors.error('ORDER_CLOSED', '订单已完成');
}

/** A member may cancel until `cutoffMinutes` before the start. */
export const cancelDeadline = (startsAt: Date, cutoffMinutes: number) => new Date(startsAt.getTime() - cutoffMinutes * 60_000);

export const MAX_ORDER_HOURS = 24;
/** Publishing an order whose start has just passed is allowed for this long (a secretary typing slowly). */
export const START_GRACE_MINUTES = 10;
