import type { Executor } from '../db/database';
import { notifyDisputeDecided } from '../notify/events';
import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';
import { recordErrors } from './records.errors';
import { recordsRepository } from './records.repository';

interface DisputeRow {
  id: string; order_id: string; order_title: string; member_id: string; member_name: string; record_id: string | null;
  reason: string; status: 'open' | 'upheld' | 'rejected'; resolution: string | null; created_at: Date; resolved_at: Date | null;
}

const SELECT_DISPUTE = `
  select d.id, d.order_id, o.title as order_title, d.member_id, u.name as member_name, d.record_id, d.reason, d.status,
         d.resolution, d.created_at, d.resolved_at, o.community_id
    from record_disputes d join orders o on o.id = d.order_id join users u on u.id = d.member_id`;

const toDisputeView = (row: DisputeRow) => ({
  id: row.id,
  orderId: row.order_id,
  orderTitle: row.order_title,
  memberId: row.member_id,
  memberName: row.member_name,
  recordId: row.record_id,
  reason: row.reason,
  status: row.status,
  resolution: row.resolution,
  createdAt: row.created_at.toISOString(),
  resolvedAt: row.resolved_at?.toISOString() ?? null,
});

/** 申诉: a member disputes their record on an order they served (or its absence); one open dispute at a time. */
export async function disputeRecord(ctx: ActionContext, input: { orderId: string; reason: string }) {
  const caller = requireCaller(ctx.caller);
  const record = await recordsRepository.findByOrderAndMember(ctx.tx, input.orderId, caller.userId);
  const [accepted] = await ctx.tx.query("select 1 from assignments where order_id = $1 and member_id = $2 and status = 'accepted'", [input.orderId, caller.userId]);
  if (!record && !accepted) throw recordErrors.error('RECORD_NO_SERVICE', '只能对自己服务过的订单申诉');
  const id = ctx.newId();
  const inserted = await ctx.tx.query(
    `insert into record_disputes (id, order_id, member_id, record_id, reason, created_at) values ($1, $2, $3, $4, $5, $6)
     on conflict do nothing returning id`,
    [id, input.orderId, caller.userId, record?.id ?? null, input.reason, ctx.clock.now()],
  );
  if (inserted.length === 0) throw recordErrors.error('RECORD_DISPUTE_OPEN');
  const [row] = await ctx.tx.query<DisputeRow>(`${SELECT_DISPUTE} where d.id = $1`, [id]);
  return toDisputeView(row);
}

/** A member's disputes on one order, newest first, with their decisions. */
export async function disputesOf(tx: Executor, orderId: string, memberId: string) {
  const rows = await tx.query<DisputeRow>(`${SELECT_DISPUTE} where d.order_id = $1 and d.member_id = $2 order by d.created_at desc`, [orderId, memberId]);
  return rows.map(toDisputeView);
}

export async function openDisputesOfOrder(tx: Executor, orderId: string) {
  const rows = await tx.query<DisputeRow>(`${SELECT_DISPUTE} where d.order_id = $1 and d.status = 'open'`, [orderId]);
  return rows.map(toDisputeView);
}

/** My disputes and what the secretary decided, newest first. */
export async function myDisputes(ctx: ActionContext) {
  const caller = requireCaller(ctx.caller);
  const rows = await ctx.tx.query<DisputeRow>(`${SELECT_DISPUTE} where d.member_id = $1 order by d.created_at desc limit 100`, [caller.userId]);
  return { items: rows.map(toDisputeView) };
}

/** The community's disputes, open first, for its secretary. */
export async function listDisputes(ctx: ActionContext, input: { communityId?: string; status?: string }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? communityOf(caller, 'secretary');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const rows = await ctx.tx.query<DisputeRow>(
    `${SELECT_DISPUTE} where o.community_id = $1 and ($2::text is null or d.status = $2)
      order by (d.status = 'open') desc, d.created_at desc limit 200`,
    [communityId, input.status ?? null],
  );
  return { items: rows.map(toDisputeView) };
}

/** The secretary decides a dispute, in words the member reads; a correction, if due, is a separate audited action. */
export async function resolveDispute(ctx: ActionContext, input: { disputeId: string; decision: 'upheld' | 'rejected'; resolution: string }) {
  const caller = requireCaller(ctx.caller);
  const [row] = await ctx.tx.query<DisputeRow & { community_id: string }>(`${SELECT_DISPUTE} where d.id = $1 for update of d`, [input.disputeId]);
  if (!row) throw recordErrors.error('RECORD_DISPUTE_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, row.community_id);
  if (row.status !== 'open') throw recordErrors.error('RECORD_DISPUTE_CLOSED');
  await ctx.tx.query(
    'update record_disputes set status = $2, resolution = $3, resolved_by = $4, resolved_at = $5 where id = $1',
    [row.id, input.decision, input.resolution, caller.userId, ctx.clock.now()],
  );
  await notifyDisputeDecided(ctx.tx, ctx.clock.now(), { id: row.id, orderId: row.order_id, memberId: row.member_id, decision: input.decision, resolution: input.resolution });
  const [updated] = await ctx.tx.query<DisputeRow>(`${SELECT_DISPUTE} where d.id = $1`, [row.id]);
  return toDisputeView(updated);
}
