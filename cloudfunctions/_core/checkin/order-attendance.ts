import { orderErrors } from '../orders';
import type { ActionContext } from '../runtime/action';
import { managesCommunity, requireCaller } from '../runtime';
import { checkinErrors } from './checkin.errors';
import { checkinRepository } from './checkin.repository';

/** Who accepted an order and who has checked in and out, for whoever may scan on it. */
export async function orderAttendance(ctx: ActionContext, input: { orderId: string }) {
  const caller = requireCaller(ctx.caller);
  const [order] = await ctx.tx.query<{ id: string; title: string; community_id: string; leader_member_id: string | null }>(
    'select id, title, community_id, leader_member_id from orders where id = $1',
    [input.orderId],
  );
  if (!order) throw orderErrors.error('ORDER_NOT_FOUND');
  if (order.leader_member_id !== caller.userId && !(await managesCommunity(ctx.tx, caller, order.community_id))) {
    throw checkinErrors.error('CHECKIN_VERIFIER_FORBIDDEN');
  }
  const rows = await checkinRepository.attendanceOfOrder(ctx.tx, order.id);
  return {
    orderId: order.id,
    title: order.title,
    members: rows.map((row) => ({
      memberId: row.member_id,
      name: row.name,
      volunteerNo: row.volunteer_no,
      checkedInAt: row.checked_in_at?.toISOString() ?? null,
      checkedOutAt: row.checked_out_at?.toISOString() ?? null,
    })),
  };
}
