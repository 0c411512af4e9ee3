import type { Executor } from '../db/database';
import { notifyRecordChanged } from '../notify/events';
import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, requireCaller } from '../runtime';
import { WINDOW_CLOSES_AFTER_END_MINUTES, WINDOW_OPENS_BEFORE_START_MINUTES, isWithinScanWindow } from '../checkin/scan-rules';
import { businessDate, formatBusinessTime } from '../shared/business-time';
import { minutesBetween, needsDailyApproval } from './hours-rules';
import { recordErrors } from './records.errors';
import { recordsRepository } from './records.repository';
import { disputesOf } from './disputes';
import { toRecordView } from './record-view';

interface HandTimes {
  startedAt: string;
  endedAt: string;
  reason: string;
}

const scanWindowOpens = (startsAt: Date) => new Date(startsAt.getTime() - WINDOW_OPENS_BEFORE_START_MINUTES * 60_000);
const scanWindowCloses = (endsAt: Date) => new Date(endsAt.getTime() + WINDOW_CLOSES_AFTER_END_MINUTES * 60_000);

/**
 * A hand entry lies within the order's scan window, never counts more than its scheduled length, never
 * overlaps the member's service elsewhere, and a day over 8 hours still waits for approval: typing hours
 * in is no way round the rules a scan is held to.
 */
export async function handEnteredMinutes(
  tx: Executor,
  times: { startedAt: string | Date; endedAt: string | Date },
  order: { id: string; starts_at: Date; ends_at: Date },
  memberId: string,
  now: Date,
  replacing?: { minutes: number; date: string; status: string },
) {
  const startedAt = new Date(times.startedAt);
  const endedAt = new Date(times.endedAt);
  if (endedAt <= startedAt) throw recordErrors.error('RECORD_END_BEFORE_START', undefined, { endedAt: '结束时间须晚于开始时间' });
  if (endedAt > now) throw recordErrors.error('RECORD_END_IN_FUTURE', undefined, { endedAt: '结束时间不能晚于现在' });
  const window = `${formatBusinessTime(scanWindowOpens(order.starts_at))} 至 ${formatBusinessTime(scanWindowCloses(order.ends_at))}`;
  if (!isWithinScanWindow(startedAt, order.starts_at, order.ends_at)) {
    throw recordErrors.error('RECORD_OUTSIDE_ORDER', window, { startedAt: `开始时间须在 ${window} 之间` });
  }
  if (!isWithinScanWindow(endedAt, order.starts_at, order.ends_at)) {
    throw recordErrors.error('RECORD_OUTSIDE_ORDER', window, { endedAt: `结束时间须在 ${window} 之间` });
  }
  const clash = await recordsRepository.findOverlap(tx, memberId, startedAt, endedAt, order.id);
  if (clash) throw recordErrors.error('RECORD_OVERLAPS', `「${clash.title}」${formatBusinessTime(clash.started_at)} 起`);
  const measured = minutesBetween(startedAt, endedAt);
  const credited = Math.min(measured, minutesBetween(order.starts_at, order.ends_at));
  const serviceDate = businessDate(startedAt);
  let already = await recordsRepository.creditedOnDay(tx, memberId, serviceDate);
  if (replacing && replacing.date === serviceDate && replacing.status === 'credited') already -= replacing.minutes;
  const status = needsDailyApproval(already, credited) ? ('pending_approval' as const) : ('credited' as const);
  return { startedAt, endedAt, measured, credited, serviceDate, status };
}

/** 补录: the secretary records a service nobody scanned, with a reason; kept as a hand entry, apart from scans. */
export async function enterRecord(ctx: ActionContext, input: HandTimes & { orderId: string; memberId: string }) {
  const caller = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const [order] = await ctx.tx.query<{ id: string; community_id: string; title: string; category: string; place: string; starts_at: Date; ends_at: Date; status: string }>(
    'select id, community_id, title, category, place, starts_at, ends_at, status from orders where id = $1 for update',
    [input.orderId],
  );
  if (!order) throw recordErrors.error('RECORD_NOT_FOUND', '订单不存在');
  await assertManagesCommunity(ctx.tx, caller, order.community_id);
  if (order.status === 'cancelled') throw recordErrors.error('RECORD_ORDER_CANCELLED');
  if (order.starts_at > now) throw recordErrors.error('RECORD_ORDER_NOT_STARTED');
  const [member] = await ctx.tx.query('select 1 from members where user_id = $1 and community_id = $2', [input.memberId, order.community_id]);
  if (!member) throw recordErrors.error('RECORD_MEMBER_NOT_IN_COMMUNITY', undefined, { memberId: '该党员不属于本社区' });
  const [open] = await ctx.tx.query('select 1 from attendance where order_id = $1 and member_id = $2 and checked_out_at is null', [order.id, input.memberId]);
  if (open) throw recordErrors.error('RECORD_OPEN_CHECKIN');
  if (await recordsRepository.findByOrderAndMember(ctx.tx, order.id, input.memberId)) throw recordErrors.error('RECORD_ALREADY_EXISTS');

  const entry = await handEnteredMinutes(ctx.tx, input, order, input.memberId, now);
  const recordId = ctx.newId();
  await recordsRepository.insert(ctx.tx, {
    id: recordId, orderId: order.id, memberId: input.memberId, certifyingOrgId: order.community_id,
    content: `${order.category}：${order.title}`, place: order.place, serviceDate: entry.serviceDate,
    startedAt: entry.startedAt, endedAt: entry.endedAt, minutesMeasured: entry.measured, minutesCredited: entry.credited,
    source: 'manual', status: entry.status, createdBy: caller.userId, now,
  });
  const auditId = ctx.newId();
  await recordsRepository.audit(ctx.tx, {
    id: auditId, recordId, actorId: caller.userId, action: 'manual_entry', reason: input.reason, before: null,
    after: { startedAt: entry.startedAt, endedAt: entry.endedAt, minutesCredited: entry.credited, status: entry.status }, at: now,
  });
  await notifyRecordChanged(ctx.tx, now, { auditId, recordId, how: 'manual_entry', beforeMinutes: null, afterMinutes: entry.credited, reason: input.reason });
  return toRecordView((await recordsRepository.findById(ctx.tx, recordId))!);
}

/** 更正: the secretary changes a record's times with a reason; the record becomes a hand entry, the original stays in the audit trail. */
export async function correctRecord(ctx: ActionContext, input: HandTimes & { recordId: string }) {
  const caller = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const [record] = await ctx.tx.query<{
    id: string; certifying_org_id: string; member_id: string; started_at: Date; ended_at: Date; minutes_credited: number;
    source: string; status: string; service_date: string; order_id: string; starts_at: Date; ends_at: Date;
  }>(
    `select r.id, r.certifying_org_id, r.member_id, r.started_at, r.ended_at, r.minutes_credited, r.source, r.status,
            to_char(r.service_date, 'YYYY-MM-DD') as service_date, r.order_id, o.starts_at, o.ends_at
       from service_records r join orders o on o.id = r.order_id where r.id = $1 for update of r`,
    [input.recordId],
  );
  if (!record) throw recordErrors.error('RECORD_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, record.certifying_org_id);
  const entry = await handEnteredMinutes(ctx.tx, input, { id: record.order_id, starts_at: record.starts_at, ends_at: record.ends_at }, record.member_id, now, {
    minutes: record.minutes_credited, date: record.service_date, status: record.status,
  });
  // A home service the resident has not confirmed stays unconfirmed, whatever the times say.
  const status = record.status === 'awaiting_resident' ? record.status : entry.status;
  await ctx.tx.query(
    `update service_records set started_at = $2, ended_at = $3, minutes_measured = $4, minutes_credited = $5,
            service_date = $6, status = $7, source = 'manual' where id = $1`,
    [record.id, entry.startedAt, entry.endedAt, entry.measured, entry.credited, entry.serviceDate, status],
  );
  const auditId = ctx.newId();
  await recordsRepository.audit(ctx.tx, {
    id: auditId, recordId: record.id, actorId: caller.userId, action: 'correction', reason: input.reason,
    before: { startedAt: record.started_at, endedAt: record.ended_at, minutesCredited: record.minutes_credited, source: record.source, status: record.status },
    after: { startedAt: entry.startedAt, endedAt: entry.endedAt, minutesCredited: entry.credited, source: 'manual', status },
    at: now,
  });
  await notifyRecordChanged(ctx.tx, now, {
    auditId, recordId: record.id, how: 'correction', beforeMinutes: record.minutes_credited, afterMinutes: entry.credited, reason: input.reason,
  });
  return toRecordView((await recordsRepository.findById(ctx.tx, record.id))!);
}

/** Who changed a record, when, why, from what to what: for the secretary and the record's member. */
export async function recordHistory(ctx: ActionContext, input: { recordId: string }) {
  const caller = requireCaller(ctx.caller);
  const record = await recordsRepository.findById(ctx.tx, input.recordId);
  if (!record) throw recordErrors.error('RECORD_NOT_FOUND');
  if (record.member_id !== caller.userId) await assertManagesCommunity(ctx.tx, caller, record.certifying_org_id);
  const rows = await ctx.tx.query<{ action: string; actor_name: string; reason: string; before: unknown; after: unknown; at: Date }>(
    `select a.action, u.name as actor_name, a.reason, a.before, a.after, a.at
       from record_audit a join users u on u.id = a.actor_id where a.record_id = $1 order by a.at, a.id`,
    [record.id],
  );
  return {
    record: toRecordView(record),
    entries: rows.map((row) => ({ action: row.action, actorName: row.actor_name, reason: row.reason, before: row.before, after: row.after, at: row.at.toISOString() })),
    disputes: await disputesOf(ctx.tx, record.order_id, record.member_id),
  };
}
