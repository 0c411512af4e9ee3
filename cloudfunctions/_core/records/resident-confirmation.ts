import type { Executor } from '../db/database';
import { orderErrors } from '../orders/orders.errors';
import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, requireCaller } from '../runtime';
import { needsDailyApproval } from './hours-rules';
import { orderHours } from './order-hours';
import { recordErrors } from './records.errors';
import { recordsRepository } from './records.repository';

/**
 * A home service's hours count once the resident confirmed it happened: each record waiting on that
 * confirmation is counted now (or held for approval, should the day pass 8 hours), and audited.
 */
export async function releaseAwaitingRecords(
  tx: Executor,
  change: { orderId: string; actorId: string; action: string; reason: string; now: Date; newId: () => string },
) {
  const waiting = await tx.query<{ id: string; member_id: string; minutes_credited: number; service_date: string }>(
    `select id, member_id, minutes_credited, to_char(service_date, 'YYYY-MM-DD') as service_date
       from service_records where order_id = $1 and status = 'awaiting_resident' order by started_at for update`,
    [change.orderId],
  );
  for (const record of waiting) {
    const already = await recordsRepository.creditedOnDay(tx, record.member_id, record.service_date);
    const status = needsDailyApproval(already, record.minutes_credited) ? 'pending_approval' : 'credited';
    await tx.query('update service_records set status = $2 where id = $1', [record.id, status]);
    await recordsRepository.audit(tx, {
      id: change.newId(), recordId: record.id, actorId: change.actorId, action: change.action, reason: change.reason,
      before: { status: 'awaiting_resident' }, after: { status }, at: change.now,
    });
  }
}

/** The secretary confirms a home service on the resident's behalf (no phone, or confirmed by telephone), with a reason. */
export async function confirmForResident(ctx: ActionContext, input: { orderId: string; reason: string }) {
  const caller = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const [order] = await ctx.tx.query<{ id: string; community_id: string; kind: string; resident_confirmed_at: Date | null }>(
    'select id, community_id, kind, resident_confirmed_at from orders where id = $1 for update',
    [input.orderId],
  );
  if (!order) throw orderErrors.error('ORDER_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, order.community_id);
  if (order.kind !== 'demand') throw recordErrors.error('RECORD_NOT_HOME_SERVICE');
  const [waiting] = await ctx.tx.query("select 1 from service_records where order_id = $1 and status = 'awaiting_resident'", [order.id]);
  if (!waiting) throw recordErrors.error('RECORD_NOTHING_TO_CONFIRM');
  await ctx.tx.query('update orders set resident_confirmed_at = coalesce(resident_confirmed_at, $2) where id = $1', [order.id, now]);
  await releaseAwaitingRecords(ctx.tx, { orderId: order.id, actorId: caller.userId, action: 'resident_confirmed_by_secretary', reason: input.reason, now, newId: ctx.newId });
  return orderHours(ctx, { orderId: order.id });
}
