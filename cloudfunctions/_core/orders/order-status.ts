export const ORDER_STATUSES = ['published', 'staffed', 'in_service', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderProgress {
  status: OrderStatus;
  capacity: number;
  accepted: number;
  checkedIn: number;
  checkedOut: number;
}

/**
 * The order's status follows its assignments:
 * published → staffed (every place taken) → in service (someone checked in)
 * → completed (everyone who accepted has checked out). Cancelled and completed are final.
 */
export function deriveOrderStatus(order: OrderProgress): OrderStatus {
  if (order.status === 'cancelled' || order.status === 'completed') return order.status;
  if (order.checkedIn > 0) {
    return order.accepted > 0 && order.checkedOut >= order.accepted ? 'completed' : 'in_service';
  }
  return order.accepted >= order.capacity ? 'staffed' : 'published';
}

export const isClosed = (status: OrderStatus) => status === 'cancelled' || status === 'completed';

/** A member may cancel until `cutoffMinutes` before the start. */
export const cancelDeadline = (startsAt: Date, cutoffMinutes: number) => new Date(startsAt.getTime() - cutoffMinutes * 60_000);

export const MAX_ORDER_HOURS = 24;
/** Publishing an order whose start has just passed is allowed for this long (a secretary typing slowly). */
export const START_GRACE_MINUTES = 10;
