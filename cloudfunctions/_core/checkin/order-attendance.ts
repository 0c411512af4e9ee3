import { orderErrors } from '../orders';
import type { ActionContext } from '../runtime/action';
import { managesCommunity, requireCaller } from '../runtime';
import { checkinErrors } from './checkin.errors';
import { checkinRepository } from './checkin.repository';

/** Who accepted an order and who has checked in and out, for whoever may scan on it (secretary, leader, the resident served). */
export async function orderAttendance(ctx: ActionContext, input: { orderId: string }) {
  const caller = requireCaller(ctx.caller);
  const [order] = await ctx.tx.query<{ id: string; title: string; community_id: string; leader_member_id: string | null; requester_id: string | null }>(
    'select o.id, o.title, o.community_id, o.leader_member_id, d.resident_id as requester_id from orders o left join demands d on d.id = o.demand_id where o.id = $1',
    [input.orderId],
  );
  if (!order) throw orderErrors.error('ORDER_NOT_FOUND');
  const verifies = order.leader_member_id === caller.userId || order.requester_id === caller.userId;
  if (!verifies && !(await managesCommunity(ctx.tx, caller, order.community_id))) {
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
