import { checkinRepository } from '../checkin/checkin.repository';
import { isWithinScanWindow } from '../checkin/scan-rules';
import { assertOrderOpen, refreshOrderStatus } from '../orders';
import { orderErrors } from '../orders/orders.errors';
import type { OrderStatus } from '../orders/order-status';
import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, requireCaller } from '../runtime';
import { formatBusinessTime } from '../shared/business-time';
import { orderHours } from './order-hours';
import { recordErrors } from './records.errors';
import { recordsRepository } from './records.repository';

/**
 * 添加到名单并签到 by hand: a member of the community who came without accepting, and has no phone to
 * show a code, joins the order with the secretary's reason and is checked in at the server's now. The
 * check-out is then closed by hand (补签退) like any forgotten one.
 */
export async function addWalkIn(ctx: ActionContext, input: { orderId: string; memberId: string; reason: string }) {
  const caller = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const [order] = await ctx.tx.query<{ id: string; community_id: string; status: OrderStatus; starts_at: Date; ends_at: Date }>(
    'select id, community_id, status, starts_at, ends_at from orders where id = $1 for update',
    [input.orderId],
  );
  if (!order) throw orderErrors.error('ORDER_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, order.community_id);
  assertOrderOpen(order.status);
  if (!isWithinScanWindow(now, order.starts_at, order.ends_at)) throw recordErrors.error('RECORD_OUTSIDE_ORDER', `本单 ${formatBusinessTime(order.starts_at)} 开始`);
  const [already] = await ctx.tx.query("select 1 from assignments where order_id = $1 and member_id = $2 and status = 'accepted'", [order.id, input.memberId]);
  if (already) throw recordErrors.error('RECORD_ALREADY_ON_ORDER');
  const clash = await recordsRepository.findOverlap(ctx.tx, input.memberId, now, new Date(now.getTime() + 1000), order.id);
  if (clash) throw recordErrors.error('RECORD_OVERLAPS', `「${clash.title}」${formatBusinessTime(clash.started_at)} 起`);
  const added = await checkinRepository.addWalkIn(ctx.tx, {
    id: ctx.newId(), orderId: order.id, memberId: input.memberId, communityId: order.community_id, reason: input.reason, by: caller.userId, now,
  });
  if (!added) throw recordErrors.error('RECORD_MEMBER_NOT_IN_COMMUNITY', undefined, { memberId: '该党员不属于本社区' });
  await checkinRepository.checkInByHand(ctx.tx, order.id, input.memberId, now, caller.userId, input.reason);
  await refreshOrderStatus(ctx.tx, order.id, now);
  return orderHours(ctx, { orderId: order.id });
}
