import { orderErrors } from '../orders/orders.errors';
import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';
import { maskAddress } from '../shared/masking';
import { openDisputesOfOrder } from './disputes';
import { minutesBetween } from './hours-rules';
import { toHours, toRecordView } from './record-view';
import { recordsRepository } from './records.repository';
import type { OrderHoursView } from './records.schemas';

/** 时长管理 of one order: everyone on it or with a record on it, their times, record and open dispute. */
export async function orderHours(ctx: ActionContext, input: { orderId: string }): Promise<OrderHoursView> {
  const caller = requireCaller(ctx.caller);
  const [order] = await ctx.tx.query<{
    id: string; community_id: string; title: string; kind: 'demand' | 'activity'; place: string; starts_at: Date; ends_at: Date; status: string;
    resident_confirmed_at: Date | null;
  }>('select id, community_id, title, kind, place, starts_at, ends_at, status, resident_confirmed_at from orders where id = $1', [input.orderId]);
  if (!order) throw orderErrors.error('ORDER_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, order.community_id);
  const people = await ctx.tx.query<{
    member_id: string; name: string; volunteer_no: string; assignment_status: 'invited' | 'accepted' | 'declined' | 'cancelled' | null;
    walk_in: boolean; checked_in_at: Date | null; checked_out_at: Date | null;
  }>(
    `select m.user_id as member_id, u.name, m.volunteer_no, a.status as assignment_status, coalesce(a.walk_in_reason is not null, false) as walk_in,
            t.checked_in_at, t.checked_out_at
       from (select member_id from assignments where order_id = $1 union select member_id from service_records where order_id = $1) p
       join members m on m.user_id = p.member_id join users u on u.id = m.user_id
       left join assignments a on a.order_id = $1 and a.member_id = p.member_id
       left join attendance t on t.order_id = $1 and t.member_id = p.member_id
      order by a.accepted_at nulls last, u.name`,
    [order.id],
  );
  const records = await recordsRepository.listOfOrder(ctx.tx, order.id);
  const disputes = await openDisputesOfOrder(ctx.tx, order.id);
  return {
    order: {
      // A home service's place is the resident's address: the secretary reveals it through privacy.reveal, logged.
      id: order.id, communityId: order.community_id, title: order.title, kind: order.kind, place: order.kind === 'demand' ? maskAddress(order.place) : order.place,
      startsAt: order.starts_at.toISOString(), endsAt: order.ends_at.toISOString(), status: order.status,
      scheduledHours: toHours(minutesBetween(order.starts_at, order.ends_at)), residentConfirmedAt: order.resident_confirmed_at?.toISOString() ?? null,
    },
    totals: {
      scannedHours: toHours(records.filter((row) => row.source === 'scan').reduce((sum, row) => sum + row.minutes_credited, 0)),
      manualHours: toHours(records.filter((row) => row.source === 'manual').reduce((sum, row) => sum + row.minutes_credited, 0)),
    },
    members: people.map((person) => {
      const record = records.find((row) => row.member_id === person.member_id);
      return {
        memberId: person.member_id, name: person.name, volunteerNo: person.volunteer_no,
        // A member with only a record (entered by hand, never on the list) counts as served.
        assignmentStatus: person.assignment_status ?? 'accepted', walkIn: person.walk_in,
        checkedInAt: person.checked_in_at?.toISOString() ?? null, checkedOutAt: person.checked_out_at?.toISOString() ?? null,
        record: record ? toRecordView(record) : null, openDispute: disputes.find((dispute) => dispute.memberId === person.member_id) ?? null,
      };
    }),
  };
}

/** What waits for the secretary of the community: the counts on each entry of 时长管理. */
export async function hoursQueues(ctx: ActionContext, input: { communityId?: string }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? communityOf(caller, 'secretary');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const now = ctx.clock.now();
  const [row] = await ctx.tx.query<Record<string, string>>(
    `select
       (select count(*) from service_records where certifying_org_id = $1 and status = 'pending_approval') as pending_approval,
       (select count(*) from service_records where certifying_org_id = $1 and status = 'awaiting_resident') as awaiting_resident,
       (select count(*) from attendance t join orders o on o.id = t.order_id
         where o.community_id = $1 and t.checked_out_at is null and o.ends_at < $2) as missing_checkouts,
       (select count(*) from attendance t join orders o on o.id = t.order_id
         where o.community_id = $1 and t.checked_out_at is null and o.ends_at < $2::timestamptz - interval '1 day') as overdue_missing_checkouts,
       (select count(*) from record_disputes d join orders o on o.id = d.order_id where o.community_id = $1 and d.status = 'open') as open_disputes,
       (select count(*) from scan_refusals r join orders o on o.id = r.order_id
         where o.community_id = $1 and r.received_at > $2::timestamptz - interval '7 days') as refused_scans`,
    [communityId, now],
  );
  return {
    pendingApproval: Number(row.pending_approval),
    missingCheckouts: Number(row.missing_checkouts),
    overdueMissingCheckouts: Number(row.overdue_missing_checkouts),
    openDisputes: Number(row.open_disputes),
    awaitingResident: Number(row.awaiting_resident),
    refusedScans: Number(row.refused_scans),
  };
}
