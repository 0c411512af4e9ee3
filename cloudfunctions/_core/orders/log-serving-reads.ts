import { logFullReads, type FullRead } from '../privacy/access-log';
import type { ActionContext } from '../runtime/action';
import { fullValuesShown } from './order-view';
import type { OrderRow } from './orders.repository';

/**
 * A member serving a home service reads the resident's full phone and address in the order itself; each read
 * is logged as privacy.reveal's are: once per call, person and field, however many of their orders it shows.
 */
export async function logServingReads(ctx: ActionContext, viewerId: string, rows: OrderRow[], purpose: string): Promise<void> {
  const reads = new Map<string, FullRead>();
  for (const row of rows) {
    for (const field of fullValuesShown(row, viewerId)) {
      // A need recorded on a resident's behalf has no account: its contact is the subject.
      const key = `${row.requester_id ?? `demand:${row.demand_id}`}:${field}`;
      if (reads.has(key)) continue;
      reads.set(key, {
        id: ctx.newId(), viewerId, subjectUserId: row.requester_id, demandId: row.demand_id, communityId: row.community_id,
        field, purpose, at: ctx.clock.now(),
      });
    }
  }
  await logFullReads(ctx.tx, [...reads.values()]);
}
