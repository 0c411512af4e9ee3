import type { Executor } from '../db/database';
import { notifyPleaseRate } from '../notify/events';
import { deriveOrderStatus } from './order-status';
import { ordersRepository } from './orders.repository';

/** Re-derives the order's status from its assignments and attendance after any change to them. */
export async function refreshOrderStatus(tx: Executor, orderId: string, now: Date) {
  const progress = await ordersRepository.progress(tx, orderId);
  if (!progress) return undefined;
  const next = deriveOrderStatus({
    status: progress.status,
    capacity: progress.capacity,
    placesTaken: progress.places_taken,
    serving: progress.serving,
    checkedIn: progress.checked_in,
    checkedOut: progress.checked_out,
  });
  if (next !== progress.status) {
    await ordersRepository.setStatus(tx, orderId, next, now);
    if (next === 'completed') await notifyPleaseRate(tx, now, orderId);
  }
  return next;
}
