import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, requireCaller } from '../runtime';
import { demandsRepository } from '../demands/demands.repository';
import { notifyOrderCancelled, notifyPleaseRate } from '../notify/events';
import { assertOrderOpen } from './order-status';
import { orderErrors } from './orders.errors';
import { ordersRepository } from './orders.repository';
import { loadOrderView } from './list-orders';

export async function lockManagedOrder(ctx: ActionContext, orderId: string) {
  const caller = requireCaller(ctx.caller);
  const order = await ordersRepository.lock(ctx.tx, orderId);
  if (!order) throw orderErrors.error('ORDER_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, order.community_id);
  return { caller, order };
}

/**
 * The secretary calls an order off, with a reason every member who accepted will see. A need's order gives
 * the need back to the pool (待受理), with the reason in its timeline, so that it can be dispatched again.
 */
export async function cancelOrder(ctx: ActionContext, input: { orderId: string; reason: string }) {
  const { order } = await lockManagedOrder(ctx, input.orderId);
  assertOrderOpen(order.status);
  const progress = await ordersRepository.progress(ctx.tx, order.id);
  if (progress && progress.checked_in > 0) throw orderErrors.error('ORDER_HAS_CHECKED_IN');
  const now = ctx.clock.now();
  await ordersRepository.cancel(ctx.tx, order.id, input.reason, now);
  if (order.demand_id) {
    await demandsRepository.setStatus(ctx.tx, order.demand_id, 'submitted', now);
    await demandsRepository.addEvent(ctx.tx, {
      id: ctx.newId(), demandId: order.demand_id, kind: 'order_cancelled', note: `社区取消了这次派单：${input.reason}。需求已退回待受理，社区将重新安排`, at: now,
    });
  }
  await notifyOrderCancelled(ctx.tx, now, order.id);
  return loadOrderView(ctx, order.id);
}

/**
 * The secretary closes an order once nobody is still checked in; members who never came
 * stay on it as accepted without attendance (a no-show).
 */
export async function completeOrder(ctx: ActionContext, input: { orderId: string }) {
  const { order } = await lockManagedOrder(ctx, input.orderId);
  assertOrderOpen(order.status);
  const progress = await ordersRepository.progress(ctx.tx, order.id);
  if (order.starts_at > ctx.clock.now() && progress?.checked_in === 0) throw orderErrors.error('ORDER_NOT_STARTED');
  const stillIn = await ctx.tx.query<{ name: string }>(
    `select u.name from attendance t join users u on u.id = t.member_id
      where t.order_id = $1 and t.checked_out_at is null order by u.name`,
    [order.id],
  );
  if (stillIn.length > 0) throw orderErrors.error('ORDER_MEMBERS_STILL_IN', stillIn.map((row) => row.name).join('、'));
  await ordersRepository.setStatus(ctx.tx, order.id, 'completed', ctx.clock.now());
  await notifyPleaseRate(ctx.tx, ctx.clock.now(), order.id);
  return loadOrderView(ctx, order.id);
}

/** 一事一评: the organisation's evaluation of a completed order (优/良/一般, 004 附件5). */
export async function evaluateOrder(ctx: ActionContext, input: { orderId: string; rating: string; comment: string }) {
  const { caller, order } = await lockManagedOrder(ctx, input.orderId);
  if (order.status !== 'completed') throw orderErrors.error('ORDER_NOT_COMPLETED');
  const inserted = await ctx.tx.query(
    `insert into evaluations (id, order_id, kind, rating, comment, created_by, created_at)
     values ($1, $2, 'organisation', $3, $4, $5, $6) on conflict do nothing returning id`,
    [ctx.newId(), order.id, input.rating, input.comment, caller.userId, ctx.clock.now()],
  );
  if (inserted.length === 0) throw orderErrors.error('ORDER_ALREADY_EVALUATED');
  return loadOrderView(ctx, order.id);
}
