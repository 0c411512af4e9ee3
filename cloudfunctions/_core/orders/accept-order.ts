import { notifyOrderAccepted } from '../notify/events';
import type { ActionContext } from '../runtime/action';
import { communityOf, requireCaller } from '../runtime';
import { assertMayAccept } from './accept-rules';
import { assertOrderOpen, cancelDeadline } from './order-status';
import { orderErrors } from './orders.errors';
import { ordersRepository } from './orders.repository';
import { loadOrderView } from './list-orders';
import { refreshOrderStatus } from './refresh-order-status';

/** 党员接单: takes a place if one is left, never beyond capacity, however many accept at once. */
export async function acceptOrder(ctx: ActionContext, input: { orderId: string }) {
  const caller = requireCaller(ctx.caller);
  const communityId = communityOf(caller, 'member');
  const now = ctx.clock.now();
  const order = await ordersRepository.findForViewer(ctx.tx, input.orderId, caller.userId);
  if (!order) throw orderErrors.error('ORDER_NOT_FOUND');
  assertMayAccept(order, communityId, now);

  if (!(await ordersRepository.takePlaceIfAvailable(ctx.tx, order.id))) throw orderErrors.error('ORDER_FULL');
  // A concurrent accept by the same member loses here, and its transaction gives the place back.
  if (!(await ordersRepository.markAccepted(ctx.tx, ctx.newId(), order.id, caller.userId, now))) {
    throw orderErrors.error('ORDER_ALREADY_ACCEPTED');
  }
  await refreshOrderStatus(ctx.tx, order.id, now);
  await notifyOrderAccepted(ctx.tx, now, order.id, caller.userId);
  return loadOrderView(ctx, order.id);
}

/** A member turns down an order sent to them. */
export async function declineOrder(ctx: ActionContext, input: { orderId: string; reason: string }) {
  const caller = requireCaller(ctx.caller);
  const order = await ordersRepository.lock(ctx.tx, input.orderId);
  if (!order) throw orderErrors.error('ORDER_NOT_FOUND');
  const assignment = await ordersRepository.findAssignment(ctx.tx, input.orderId, caller.userId);
  if (assignment?.status !== 'invited') throw orderErrors.error('ORDER_NOT_INVITED');
  assertOrderOpen(order.status);
  await ordersRepository.closeAssignment(ctx.tx, input.orderId, caller.userId, 'declined', input.reason, ctx.clock.now());
  return loadOrderView(ctx, input.orderId);
}

/** A member gives their place back, up to the order's cut-off before the start. */
export async function cancelAcceptance(ctx: ActionContext, input: { orderId: string; reason: string }) {
  const caller = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  if (!(await ordersRepository.lock(ctx.tx, input.orderId))) throw orderErrors.error('ORDER_NOT_FOUND');
  const order = (await ordersRepository.findForViewer(ctx.tx, input.orderId, caller.userId))!;
  const assignment = await ordersRepository.findAssignment(ctx.tx, order.id, caller.userId);
  if (assignment?.status !== 'accepted') throw orderErrors.error('ORDER_NOT_ACCEPTED');
  assertOrderOpen(order.status);
  const deadline = cancelDeadline(order.starts_at, order.cancel_cutoff_minutes);
  if (now >= deadline || order.my_checked_in_at) {
    throw orderErrors.error('ORDER_CANCEL_TOO_LATE', `开始前${order.cancel_cutoff_minutes}分钟内不能自行取消`);
  }
  await ordersRepository.closeAssignment(ctx.tx, order.id, caller.userId, 'cancelled', input.reason, now);
  await ordersRepository.releasePlace(ctx.tx, order.id);
  await refreshOrderStatus(ctx.tx, order.id, now);
  return loadOrderView(ctx, order.id);
}
