import { timingSafeEqual } from 'node:crypto';
import { isClosed, orderErrors, refreshOrderStatus } from '../orders';
import { creditScannedService } from '../records/credit-scanned-service';
import { recordsRepository } from '../records/records.repository';
import type { ActionContext } from '../runtime/action';
import { managesCommunity, requireCaller, type Caller } from '../runtime';
import { formatBusinessTime } from '../shared/business-time';
import { checkinErrors } from './checkin.errors';
import { checkinRepository, type DeviceRow, type ScanOrderRow } from './checkin.repository';
import type { ScanInput, ScanVerdict } from './checkin.schemas';
import { parseCheckinCode, signStep, timeStepOf } from './checkin-code';
import { decryptSecret } from './device-secret-cipher';
import {
  MAX_QUEUED_SCAN_AGE_DAYS,
  SCANNER_CLOCK_TOLERANCE_SECONDS,
  codeAge,
  decideScanKind,
  isWithinScanWindow,
} from './scan-rules';

/**
 * Judges one scan of a member's code against an order, at the time it was scanned (which may be
 * earlier than now, for scans queued offline). A scan id seen before returns its first verdict.
 */
export async function judgeScan(ctx: ActionContext, input: ScanInput): Promise<ScanVerdict> {
  const verifier = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const seen = await checkinRepository.findScan(ctx.tx, input.scanId);
  if (seen) {
    if (seen.verifier_id !== verifier.userId || seen.order_id !== input.orderId) throw checkinErrors.error('CHECKIN_SCAN_ID_REUSED');
    return earlierVerdict(ctx, seen);
  }

  const scannedAt = input.scannedAt ? new Date(input.scannedAt) : now;
  if (scannedAt.getTime() > now.getTime() + SCANNER_CLOCK_TOLERANCE_SECONDS * 1000) throw checkinErrors.error('CHECKIN_SCAN_TIME_INVALID');
  if (now.getTime() - scannedAt.getTime() > MAX_QUEUED_SCAN_AGE_DAYS * 86_400_000) throw checkinErrors.error('CHECKIN_SCAN_TOO_OLD');

  const order = await checkinRepository.lockOrder(ctx.tx, input.orderId);
  if (!order) throw orderErrors.error('ORDER_NOT_FOUND');
  await assertMayVerify(ctx, verifier, order);

  const device = await verifiedDevice(ctx, input.code, scannedAt);
  const who = `${device.member_name}（${device.volunteer_no}）`;
  if (device.member_id === verifier.userId) throw checkinErrors.error('CHECKIN_VERIFIER_FORBIDDEN', '不能为自己扫码');
  // A scan queued offline before the order was completed still counts; a cancelled order takes none.
  const closedWhenScanned = order.status === 'completed' ? order.completed_at! <= scannedAt : isClosed(order.status);
  if (closedWhenScanned) throw checkinErrors.error('CHECKIN_ORDER_CLOSED');
  const place = await checkinRepository.findPlaceAndAttendance(ctx.tx, order.id, device.member_id);
  if (!place?.accepted) throw checkinErrors.error('CHECKIN_NOT_ASSIGNED', who);
  if (!isWithinScanWindow(scannedAt, order.starts_at, order.ends_at)) {
    throw checkinErrors.error('CHECKIN_OUTSIDE_WINDOW', `本单 ${formatBusinessTime(order.starts_at)} 开始，扫码时间 ${formatBusinessTime(scannedAt)}`);
  }

  const checkedInAt = place.checked_in_at;
  const decision = decideScanKind(
    input.intent,
    checkedInAt ? { checkedOut: place.checked_out_at !== null, minutesSinceCheckIn: (scannedAt.getTime() - checkedInAt.getTime()) / 60_000 } : undefined,
  );
  if ('refusal' in decision) throw checkinErrors.error(decision.refusal, who);
  if (decision.kind === 'out' && scannedAt < checkedInAt!) throw checkinErrors.error('CHECKIN_OUT_BEFORE_IN', who);

  const outcome = decision.kind === 'in' ? 'checked_in' : 'checked_out';
  const fresh = await checkinRepository.recordScanAndUseCode(ctx.tx, {
    id: input.scanId, orderId: order.id, verifierId: verifier.userId, memberId: device.member_id, scannedAt, receivedAt: now, outcome,
    deviceId: device.id, step: parseCheckinCode(input.code)!.step,
  });
  if (!fresh) throw checkinErrors.error('CHECKIN_CODE_REPLAYED', who);

  let credit: { minutesCredited: number; pendingApproval: boolean } | null = null;
  if (decision.kind === 'in') {
    await checkinRepository.checkIn(ctx.tx, order.id, device.member_id, scannedAt, input.scanId);
  } else {
    await checkinRepository.checkOut(ctx.tx, order.id, device.member_id, scannedAt, input.scanId);
    credit = await creditScannedService(ctx.tx, {
      recordId: ctx.newId(),
      order: { id: order.id, communityId: order.community_id, title: order.title, category: order.category, place: order.place, startsAt: order.starts_at, endsAt: order.ends_at },
      memberId: device.member_id,
      checkedInAt: checkedInAt!,
      checkedOutAt: scannedAt,
      verifierId: verifier.userId,
      now,
    });
  }
  await refreshOrderStatus(ctx.tx, order.id, now);
  return describeVerdict({
    scanId: input.scanId, outcome, scannedAt, duplicate: false, credit,
    member: { id: device.member_id, name: device.member_name, photoUrl: device.photo_url, volunteerNo: device.volunteer_no },
    order: { id: order.id, title: order.title },
  });
}

/** The secretary of the community, the order's leader, or the resident whose need it serves. */
async function assertMayVerify(ctx: ActionContext, verifier: Caller, order: ScanOrderRow) {
  if (order.leader_member_id === verifier.userId || order.requester_id === verifier.userId) return;
  if (await managesCommunity(ctx.tx, verifier, order.community_id)) return;
  throw checkinErrors.error('CHECKIN_VERIFIER_FORBIDDEN');
}

async function verifiedDevice(ctx: ActionContext, text: string, scannedAt: Date): Promise<DeviceRow> {
  const code = parseCheckinCode(text);
  const device = code && (await checkinRepository.findDevice(ctx.tx, code.deviceId));
  if (!code || !device) throw checkinErrors.error('CHECKIN_CODE_INVALID');
  const expected = Buffer.from(signStep(decryptSecret(device.secret_ciphertext, ctx.config.CHECKIN_KEY), device.id, code.step));
  const given = Buffer.from(code.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw checkinErrors.error('CHECKIN_CODE_INVALID');
  if (device.revoked_at && device.revoked_at <= scannedAt) throw checkinErrors.error('CHECKIN_DEVICE_REVOKED');
  const age = codeAge(code.step, timeStepOf(scannedAt));
  if (age === 'expired') throw checkinErrors.error('CHECKIN_CODE_EXPIRED', `${device.member_name}（${device.volunteer_no}）`);
  if (age === 'from_future') throw checkinErrors.error('CHECKIN_CODE_FROM_FUTURE');
  return device;
}

/** The verdict a scan got the first time, for an upload that comes again. */
async function earlierVerdict(
  ctx: ActionContext,
  seen: { id: string; order_id: string; member_id: string; outcome: 'checked_in' | 'checked_out'; scanned_at: Date },
): Promise<ScanVerdict> {
  const [member] = await ctx.tx.query<{ name: string; photo_url: string | null; volunteer_no: string; title: string }>(
    `select u.name, u.photo_url, m.volunteer_no, o.title
       from members m join users u on u.id = m.user_id, orders o where m.user_id = $1 and o.id = $2`,
    [seen.member_id, seen.order_id],
  );
  const record = seen.outcome === 'checked_out' ? await recordsRepository.findByOrderAndMember(ctx.tx, seen.order_id, seen.member_id) : undefined;
  return describeVerdict({
    scanId: seen.id, outcome: seen.outcome, scannedAt: seen.scanned_at, duplicate: true,
    credit: record ? { minutesCredited: record.minutes_credited, pendingApproval: record.status === 'pending_approval' } : null,
    member: { id: seen.member_id, name: member.name, photoUrl: member.photo_url, volunteerNo: member.volunteer_no },
    order: { id: seen.order_id, title: member.title },
  });
}

function describeVerdict(scan: {
  scanId: string;
  outcome: 'checked_in' | 'checked_out';
  scannedAt: Date;
  duplicate: boolean;
  credit: { minutesCredited: number; pendingApproval: boolean } | null;
  member: ScanVerdict['member'];
  order: ScanVerdict['order'];
}): ScanVerdict {
  const name = scan.member.name;
  const headline =
    scan.outcome === 'checked_in'
      ? `签到成功 · ${name}`
      : scan.credit?.pendingApproval
        ? `签退成功 · ${name} · 当日累计超过8小时，待书记审核`
        : `签退成功 · ${name} · 计 ${((scan.credit?.minutesCredited ?? 0) / 60).toFixed(1)} 小时`;
  return {
    scanId: scan.scanId,
    outcome: scan.outcome,
    duplicate: scan.duplicate,
    scannedAt: scan.scannedAt.toISOString(),
    member: scan.member,
    order: scan.order,
    minutesCredited: scan.credit?.minutesCredited ?? null,
    pendingApproval: scan.credit?.pendingApproval ?? false,
    headline,
  };
}
