import { demandsRepository } from '../demands/demands.repository';
import { notifyOrderChanged } from '../notify/events';
import type { ActionContext } from '../runtime/action';
import { commonErrors } from '../shared/domain-error';
import { assertWithinHorizon } from '../shared/time-horizon';
import { checkPublishingNotice } from './calendar/notice-check';
import { changeSummary } from './change-summary';
import { loadOrderView } from './list-orders';
import { lockManagedOrder } from './manage-order';
import { assertOrderOpen, MAX_ORDER_HOURS, START_GRACE_MINUTES } from './order-status';
import { orderErrors } from './orders.errors';
import { ordersRepository } from './orders.repository';
import type { ChangeOrderInput } from './orders.schemas';

/**
 * 调整活动: the secretary moves an order's time or place before anyone checked in (rain, a room taken), with a reason.
 * A new start alone moves the end with it, keeping the length. An activity moved closer than the district's notice
 * needs 临时通知 as at publishing; a need's order has no notice rule. Everyone accepted or invited, and the resident of
 * a need's order, is told what changed and why; the change is kept on the order.
 */
export async function changeOrder(ctx: ActionContext, input: ChangeOrderInput) {
  const { caller, order } = await lockManagedOrder(ctx, input.orderId);
  assertOrderOpen(order.status);
  const progress = await ordersRepository.progress(ctx.tx, order.id);
  if (progress && progress.checked_in > 0) throw orderErrors.error('ORDER_CHANGE_AFTER_CHECKIN');
  const now = ctx.clock.now();
  const place = (await ordersRepository.placeOf(ctx.tx, order.id))!;

  const startsAt = input.startsAt ? new Date(input.startsAt) : order.starts_at;
  const endsAt = input.endsAt
    ? new Date(input.endsAt)
    : new Date(startsAt.getTime() + (order.ends_at.getTime() - order.starts_at.getTime()));
  const after = { startsAt, endsAt, place: input.place ?? place };
  const before = { startsAt: order.starts_at, endsAt: order.ends_at, place };
  const summary = changeSummary(before, after);
  if (!summary) throw orderErrors.error('ORDER_NOTHING_CHANGED', undefined, { startsAt: '时间和地点都没有变' });

  if (endsAt <= startsAt) throw commonErrors.error('VALIDATION_FAILED', '结束时间须晚于开始时间', { endsAt: '结束时间须晚于开始时间' });
  if (startsAt.getTime() !== order.starts_at.getTime()) {
    if (startsAt.getTime() < now.getTime() - START_GRACE_MINUTES * 60_000) {
      throw orderErrors.error('ORDER_STARTS_IN_PAST', undefined, { startsAt: '开始时间已过' });
    }
    assertWithinHorizon(startsAt, now, { field: 'startsAt', label: '开始时间' });
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_ORDER_HOURS * 3_600_000) {
    throw orderErrors.error('ORDER_TOO_LONG', undefined, { endsAt: `单次服务不能超过${MAX_ORDER_HOURS}小时` });
  }
  const notice = !order.demand_id && startsAt.getTime() !== order.starts_at.getTime()
    ? await checkPublishingNotice(ctx.tx, order.community_id, { startsAt: startsAt.toISOString(), acceptShortNotice: input.acceptShortNotice }, now)
    : undefined;

  const changeId = ctx.newId();
  await ordersRepository.reschedule(ctx.tx, { orderId: order.id, ...after, notice });
  await ordersRepository.recordChange(ctx.tx, { id: changeId, orderId: order.id, by: caller.userId, at: now, reason: input.reason, before, after });
  if (order.demand_id) {
    await demandsRepository.addEvent(ctx.tx, {
      id: ctx.newId(), demandId: order.demand_id, kind: 'order_changed', note: `社区调整了上门服务，${summary}。原因：${input.reason}`, at: now,
    });
  }
  await notifyOrderChanged(ctx.tx, now, { id: changeId, orderId: order.id, reason: input.reason, summary });
  return loadOrderView(ctx, order.id);
}
