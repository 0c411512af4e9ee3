import { assertOrderOpen } from './order-status';
import { orderErrors } from './orders.errors';
import type { OrderRow } from './orders.repository';

type AcceptFacts = Pick<OrderRow, 'status' | 'my_status' | 'dispatch' | 'community_id' | 'ends_at'>;

/**
 * Who may take a place on an order, before the place itself is taken: open, not yet taken by this member, open
 * to their community or sent to them, not ended. `orders.accept` enforces it; the calendar asks it for each entry.
 */
export function assertMayAccept(order: AcceptFacts, memberCommunityId: string, now: Date): void {
  assertOrderOpen(order.status);
  if (order.my_status === 'accepted') throw orderErrors.error('ORDER_ALREADY_ACCEPTED');
  const invited = order.my_status === 'invited';
  if (!invited && !(order.dispatch === 'open' && order.community_id === memberCommunityId)) throw orderErrors.error('ORDER_NOT_FOR_YOU');
  if (order.ends_at <= now) throw orderErrors.error('ORDER_ALREADY_ENDED');
}
