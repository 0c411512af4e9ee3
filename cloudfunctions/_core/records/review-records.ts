import { notifyRecordChanged } from '../notify/events';
import { refreshOrderStatus } from '../orders/refresh-order-status';
import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';
import { DomainError } from '../shared/domain-error';
import { handEnteredMinutes } from './hand-entries';
import { DAILY_APPROVAL_THRESHOLD_MINUTES } from './hours-rules';
import { recordErrors } from './records.errors';
import { recordsRepository } from './records.repository';
import { toRecordView } from './record-view';

/** The secretary approves hours held back by the 8-hours-a-day rule; the approval is audited. */
export async function approveRecord(ctx: ActionContext, input: { recordId: string; reason: string }) {
  const caller = requireCaller(ctx.caller);
  const [record] = await ctx.tx.query<{ id: string; certifying_org_id: string; status: string; order_id: string; member_id: string }>(
    'select id, certifying_org_id, status, order_id, member_id from service_records where id = $1 for update',
    [input.recordId],
  );
  if (!record) throw recordErrors.error('RECORD_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, record.certifying_org_id);
  if (record.status !== 'pending_approval') throw recordErrors.error('RECORD_NOT_PENDING');
  await ctx.tx.query("update service_records set status = 'credited' where id = $1", [record.id]);
  await recordsRepository.audit(ctx.tx, {
    id: ctx.newId(), recordId: record.id, actorId: caller.userId, action: 'approve_daily_overrun', reason: input.reason,
    before: { status: 'pending_approval' }, after: { status: 'credited' }, at: ctx.clock.now(),
  });
  return toRecordView((await recordsRepository.findById(ctx.tx, record.id))!);
}

/**
 * 核减: the secretary keeps a day held by the 8-hours rule at 8 hours, crediting only what is left of the
 * day after the member's other credited service; the cut is audited.
 */
export async function cutRecord(ctx: ActionContext, input: { recordId: string; reason: string }) {
  const caller = requireCaller(ctx.caller);
  const [record] = await ctx.tx.query<{ id: string; certifying_org_id: string; status: string; member_id: string; minutes_credited: number; service_date: string }>(
    `select id, certifying_org_id, status, member_id, minutes_credited, to_char(service_date, 'YYYY-MM-DD') as service_date
       from service_records where id = $1 for update`,
    [input.recordId],
  );
  if (!record) throw recordErrors.error('RECORD_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, record.certifying_org_id);
  if (record.status !== 'pending_approval') throw recordErrors.error('RECORD_NOT_PENDING');
  const already = await recordsRepository.creditedOnDay(ctx.tx, record.member_id, record.service_date);
  const minutes = Math.max(0, Math.min(record.minutes_credited, DAILY_APPROVAL_THRESHOLD_MINUTES - already));
  await ctx.tx.query("update service_records set status = 'credited', minutes_credited = $2 where id = $1", [record.id, minutes]);
  const auditId = ctx.newId();
  await recordsRepository.audit(ctx.tx, {
    id: auditId, recordId: record.id, actorId: caller.userId, action: 'cut_daily_overrun', reason: input.reason,
    before: { status: 'pending_approval', minutesCredited: record.minutes_credited }, after: { status: 'credited', minutesCredited: minutes }, at: ctx.clock.now(),
  });
  await notifyRecordChanged(ctx.tx, ctx.clock.now(), { auditId, recordId: record.id, how: 'cut', beforeMinutes: record.minutes_credited, afterMinutes: minutes, reason: input.reason });
  return toRecordView((await recordsRepository.findById(ctx.tx, record.id))!);
}

/** The member adds their own evaluation of a service they did (一事一评): a grade and what they did. */
export async function selfEvaluate(ctx: ActionContext, input: { orderId: string; rating: string; comment: string }) {
  const caller = requireCaller(ctx.caller);
  const record = await recordsRepository.findByOrderAndMember(ctx.tx, input.orderId, caller.userId);
  if (!record) throw recordErrors.error('RECORD_NO_SERVICE');
  const inserted = await ctx.tx.query(
    `insert into evaluations (id, order_id, kind, member_id, rating, comment, created_by, created_at)
     values ($1, $2, 'self', $3, $4, $5, $3, $6) on conflict do nothing returning id`,
    [ctx.newId(), input.orderId, caller.userId, input.rating, input.comment, ctx.clock.now()],
  );
  if (inserted.length === 0) throw recordErrors.error('RECORD_ALREADY_SELF_EVALUATED');
  return toRecordView((await recordsRepository.findByOrderAndMember(ctx.tx, input.orderId, caller.userId))!);
}

/**
 * Check-ins with no check-out on orders that have ended: they are shown to the secretary, never
 * silently dropped nor credited a whole day. Overdue means the service ended over a day ago (000 §三.(二)).
 */
export async function listMissingCheckouts(ctx: ActionContext, input: { communityId?: string }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? communityOf(caller, 'secretary');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const now = ctx.clock.now();
  const rows = await ctx.tx.query<{ order_id: string; title: string; ends_at: Date; member_id: string; name: string; checked_in_at: Date }>(
    `select o.id as order_id, o.title, o.ends_at, t.member_id, u.name, t.checked_in_at
       from attendance t join orders o on o.id = t.order_id join users u on u.id = t.member_id
      where o.community_id = $1 and t.checked_out_at is null and o.ends_at < $2
      order by o.ends_at`,
    [communityId, now],
  );
  return {
    items: rows.map((row) => ({
      orderId: row.order_id,
      title: row.title,
      endsAt: row.ends_at.toISOString(),
      memberId: row.member_id,
      memberName: row.name,
      checkedInAt: row.checked_in_at.toISOString(),
      overdue: now.getTime() - row.ends_at.getTime() > 86_400_000,
    })),
  };
}

/**
 * The secretary closes a forgotten check-out by hand, with a reason. It is a hand entry: within the order's
 * scan window, capped at the scheduled length, and held for approval when the day passes 8 hours.
 */
export async function closeMissingCheckout(ctx: ActionContext, input: { orderId: string; memberId: string; checkedOutAt: string; reason: string }) {
  const caller = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const [open] = await ctx.tx.query<{ community_id: string; title: string; category: string; place: string; starts_at: Date; ends_at: Date; checked_in_at: Date }>(
    `select o.community_id, o.title, o.category, o.place, o.starts_at, o.ends_at, t.checked_in_at
       from attendance t join orders o on o.id = t.order_id
      where t.order_id = $1 and t.member_id = $2 and t.checked_out_at is null for update of t`,
    [input.orderId, input.memberId],
  );
  if (!open) throw recordErrors.error('RECORD_NOT_MISSING_CHECKOUT');
  await assertManagesCommunity(ctx.tx, caller, open.community_id);
  const checkedOutAt = new Date(input.checkedOutAt);
  if (checkedOutAt < open.checked_in_at) throw recordErrors.error('RECORD_CHECKOUT_BEFORE_CHECKIN', undefined, { checkedOutAt: '签退时间不能早于签到时间' });
  if (checkedOutAt > now) throw recordErrors.error('RECORD_CHECKOUT_IN_FUTURE', undefined, { checkedOutAt: '签退时间不能晚于现在' });
  const entry = await handEnteredMinutes(ctx.tx, { startedAt: open.checked_in_at, endedAt: checkedOutAt }, { id: input.orderId, ...open }, input.memberId, now)
    .catch((error: unknown) => {
      // The check-out is the only time the secretary typed here: name that field.
      if (error instanceof DomainError && error.fields) throw new DomainError(error.code, error.message, { checkedOutAt: Object.values(error.fields)[0] });
      throw error;
    });
  const recordId = ctx.newId();
  await ctx.tx.query('update attendance set checked_out_at = $3 where order_id = $1 and member_id = $2', [input.orderId, input.memberId, checkedOutAt]);
  await recordsRepository.insert(ctx.tx, {
    id: recordId, orderId: input.orderId, memberId: input.memberId, certifyingOrgId: open.community_id,
    content: `${open.category}：${open.title}`, place: open.place, serviceDate: entry.serviceDate,
    startedAt: open.checked_in_at, endedAt: checkedOutAt, minutesMeasured: entry.measured, minutesCredited: entry.credited,
    source: 'manual', status: entry.status, createdBy: caller.userId, now,
  });
  const auditId = ctx.newId();
  await recordsRepository.audit(ctx.tx, {
    id: auditId, recordId, actorId: caller.userId, action: 'close_missing_checkout', reason: input.reason,
    before: { checkedInAt: open.checked_in_at, checkedOutAt: null }, after: { checkedOutAt, minutesCredited: entry.credited, status: entry.status }, at: now,
  });
  await notifyRecordChanged(ctx.tx, now, { auditId, recordId, how: 'closed_checkout', beforeMinutes: null, afterMinutes: entry.credited, reason: input.reason });
  await refreshOrderStatus(ctx.tx, input.orderId, now);
  return listMissingCheckouts(ctx, { communityId: open.community_id });
}
