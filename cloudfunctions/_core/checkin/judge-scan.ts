import { orderErrors } from '../orders';
import { scannedServiceRecord } from '../records/credit-scanned-service';
import { recordsRepository } from '../records/records.repository';
import type { ActionContext } from '../runtime/action';
import { grantsOf, requireCaller, type Caller } from '../runtime';
import { formatBusinessTime } from '../shared/business-time';
import { DomainError } from '../shared/domain-error';
import { checkinErrors } from './checkin.errors';
import { checkinRepository, type DeviceRow } from './checkin.repository';
import type { ScanInput, ScanVerdict } from './checkin.schemas';
import { parseCheckinCode, signStep, timeStepOf } from './checkin-code';
import { openSecret, sameSignature } from './device-secret-cipher';
import { codeAge, decideScanKind, isWithinScanWindow } from './scan-rules';
import { readScanFacts, recordJudgedScan, type ScanFacts } from './scan-statements';

export interface ScanToJudge {
  scanId: string;
  orderId: string;
  code: string;
  intent: 'auto' | 'in' | 'out';
  walkInReason?: string;
  /** The server's now for an online scan; the phone's signed time for one queued offline. */
  scannedAt: Date;
  /** Set for a scan from a verifier device's offline chain. */
  queued?: { deviceId: string; counter: number };
}

/** What the judge had learned when it refused, kept with the refusal. */
export interface ScanTrace {
  memberId: string | null;
}

/**
 * 扫码核验 online: judged at the server's time, whatever the phone's clock says. A refusal is judged before
 * anything is written, so it is kept in the call's own transaction.
 */
export async function scanOnline(ctx: ActionContext, input: ScanInput): Promise<ScanVerdict> {
  const verifier = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const trace: ScanTrace = { memberId: null };
  try {
    return await judgeScan(ctx, { ...input, scannedAt: now }, trace);
  } catch (error) {
    if (error instanceof DomainError) {
      const refusal = { id: ctx.newId(), scanId: input.scanId, orderId: input.orderId, verifierId: verifier.userId, memberId: trace.memberId,
        deviceId: null, counter: null, offline: false, scannedAt: now, receivedAt: now, code: error.code, message: error.message };
      ctx.keepOnFailure((tx) => checkinRepository.keepRefusal(tx, refusal), { sameTransaction: true });
    }
    throw error;
  }
}

/**
 * Judges one scan of a member's code against an order at `scannedAt`: one statement reads what the rules
 * need, the rules run here, one statement writes the verdict; a refusal writes nothing. A scan id seen
 * before returns its first verdict. One code, one use comes first, before any timing rule.
 */
export async function judgeScan(ctx: ActionContext, scan: ScanToJudge, trace: ScanTrace): Promise<ScanVerdict> {
  const verifier = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const { scannedAt } = scan;
  const code = parseCheckinCode(scan.code);
  const facts = await readScanFacts(ctx.tx, {
    scanId: scan.scanId, orderId: scan.orderId, codeDeviceId: code?.deviceId ?? null, step: code?.step ?? null, scannedAt,
    callersDistricts: grantsOf(verifier, 'district_admin').flatMap((grant) => (grant.orgId ? [grant.orgId] : [])),
  });
  const { seen, order } = facts;
  if (seen) {
    if (seen.verifier_id !== verifier.userId || seen.order_id !== scan.orderId) throw checkinErrors.error('CHECKIN_SCAN_ID_REUSED');
    return earlierVerdict(ctx, seen);
  }

  if (!order) throw orderErrors.error('ORDER_NOT_FOUND');
  const role = verifierRole(verifier, order);
  if (scan.queued && role === 'resident') throw checkinErrors.error('CHECKIN_RESIDENT_ONLINE_ONLY');

  const device = signedDevice(ctx, code, facts.device);
  trace.memberId = device.member_id;
  const who = `${device.member_name}（${device.volunteer_no}）`;
  if (facts.codeUsed) throw checkinErrors.error('CHECKIN_CODE_REPLAYED', who);
  assertFresh(device, code!.step, scannedAt);
  if (device.member_id === verifier.userId) throw checkinErrors.error('CHECKIN_VERIFIER_FORBIDDEN', '不能为自己扫码');
  // A scan queued offline before the order was completed still counts; a cancelled order takes none.
  const closedWhenScanned = order.status === 'completed' ? order.completed_at! <= scannedAt : order.status === 'cancelled';
  if (closedWhenScanned) throw checkinErrors.error('CHECKIN_ORDER_CLOSED');

  let place = facts.place;
  let walkIn: { id: string; reason: string } | null = null;
  if (!place?.accepted && scan.walkInReason) {
    if (role !== 'secretary') throw checkinErrors.error('CHECKIN_WALK_IN_FORBIDDEN');
    if (device.member_community_id !== order.community_id || device.member_left) throw checkinErrors.error('CHECKIN_WALK_IN_NOT_IN_COMMUNITY', who);
    walkIn = { id: ctx.newId(), reason: scan.walkInReason };
    place = { accepted: true, checked_in_at: place?.checked_in_at ?? null, checked_out_at: place?.checked_out_at ?? null };
  }
  if (!place?.accepted) throw checkinErrors.error('CHECKIN_NOT_ASSIGNED', who);
  if (!isWithinScanWindow(scannedAt, order.starts_at, order.ends_at)) {
    throw checkinErrors.error('CHECKIN_OUTSIDE_WINDOW', `本单 ${formatBusinessTime(order.starts_at)} 开始，扫码时间 ${formatBusinessTime(scannedAt)}`);
  }

  const checkedInAt = place.checked_in_at;
  const decision = decideScanKind(
    scan.intent,
    checkedInAt ? { checkedOut: place.checked_out_at !== null, minutesSinceCheckIn: (scannedAt.getTime() - checkedInAt.getTime()) / 60_000 } : undefined,
  );
  if ('refusal' in decision) throw checkinErrors.error(decision.refusal, who);
  if (decision.kind === 'out' && scannedAt < checkedInAt!) throw checkinErrors.error('CHECKIN_OUT_BEFORE_IN', who);
  const { clash } = facts;
  if (clash) {
    throw checkinErrors.error('CHECKIN_OVERLAPS_OTHER_ORDER', `${who}在「${clash.title}」${formatBusinessTime(clash.started_at)} 起的服务${clash.ended_at ? '' : '尚未签退'}`);
  }

  const earned =
    decision.kind === 'out'
      ? scannedServiceRecord(
          {
            order: { startsAt: order.starts_at, endsAt: order.ends_at },
            checkedInAt: checkedInAt!,
            checkedOutAt: scannedAt,
            // The resident scanning the check-out herself is her confirmation that the service happened.
            awaitsResident: order.kind === 'demand' && !order.resident_confirmed_at && role !== 'resident',
          },
          facts.creditedOnCheckInDay,
        )
      : null;
  const written = await recordJudgedScan(ctx.tx, {
    scanId: scan.scanId, orderId: order.id, verifierId: verifier.userId, memberId: device.member_id, scannedAt, receivedAt: now,
    kind: decision.kind, codeDeviceId: device.id, step: code!.step, verifierDeviceId: scan.queued?.deviceId ?? null,
    counter: scan.queued?.counter ?? null, walkIn,
    record: earned && { id: ctx.newId(), status: earned.status, serviceDate: earned.serviceDate, checkedInAt: checkedInAt!,
      minutesMeasured: earned.minutesMeasured, minutesCredited: earned.minutesCredited },
  });
  if (written === 'closed') throw checkinErrors.error('CHECKIN_ORDER_CLOSED');
  if (written === 'replayed') throw checkinErrors.error('CHECKIN_CODE_REPLAYED', who);
  return describeVerdict({
    scanId: scan.scanId, outcome: decision.kind === 'in' ? 'checked_in' : 'checked_out', scannedAt, duplicate: false, credit: earned?.credit ?? null,
    member: { id: device.member_id, name: device.member_name, photoUrl: device.photo_url, volunteerNo: device.volunteer_no },
    order: { id: order.id, title: order.title },
  });
}

type VerifierRole = 'secretary' | 'leader' | 'resident';

/** The secretary of the community (or its district's admin), the order's leader, or the resident whose need it serves. */
function verifierRole(verifier: Caller, order: NonNullable<ScanFacts['order']>): VerifierRole {
  const secretary = grantsOf(verifier, 'secretary').some((grant) => grant.orgId === order.community_id);
  if (secretary || order.in_callers_districts) return 'secretary';
  if (order.leader_member_id === verifier.userId) return 'leader';
  if (order.requester_id === verifier.userId) return 'resident';
  throw checkinErrors.error('CHECKIN_VERIFIER_FORBIDDEN');
}

function signedDevice(ctx: ActionContext, code: ReturnType<typeof parseCheckinCode>, device: ScanFacts['device']): NonNullable<ScanFacts['device']> {
  if (!code || !device) throw checkinErrors.error('CHECKIN_CODE_INVALID');
  const secretHex = openSecret(device.secret_ciphertext, ctx.config.CHECKIN_KEY);
  if (!secretHex) throw checkinErrors.error('CHECKIN_DEVICE_KEY_RETIRED');
  const expected = signStep(secretHex, device.id, code.step);
  if (!sameSignature(expected, code.signature)) throw checkinErrors.error('CHECKIN_CODE_INVALID');
  return device;
}

function assertFresh(device: DeviceRow, step: number, scannedAt: Date) {
  if (device.revoked_at && device.revoked_at <= scannedAt) throw checkinErrors.error('CHECKIN_DEVICE_REVOKED');
  const age = codeAge(step, timeStepOf(scannedAt));
  if (age === 'expired') throw checkinErrors.error('CHECKIN_CODE_EXPIRED', `${device.member_name}（${device.volunteer_no}）`);
  if (age === 'from_future') throw checkinErrors.error('CHECKIN_CODE_FROM_FUTURE');
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
    credit: record
      ? { minutesCredited: record.minutes_credited, pendingApproval: record.status === 'pending_approval', awaitingResident: record.status === 'awaiting_resident' }
      : null,
    member: { id: seen.member_id, name: member.name, photoUrl: member.photo_url, volunteerNo: member.volunteer_no },
    order: { id: seen.order_id, title: member.title },
  });
}

function describeVerdict(scan: {
  scanId: string;
  outcome: 'checked_in' | 'checked_out';
  scannedAt: Date;
  duplicate: boolean;
  credit: { minutesCredited: number; pendingApproval: boolean; awaitingResident: boolean } | null;
  member: ScanVerdict['member'];
  order: ScanVerdict['order'];
}): ScanVerdict {
  const name = scan.member.name;
  const hours = `计 ${((scan.credit?.minutesCredited ?? 0) / 60).toFixed(1)} 小时`;
  const headline =
    scan.outcome === 'checked_in'
      ? `签到成功 · ${name}`
      : scan.credit?.pendingApproval
        ? `签退成功 · ${name} · 当日累计超过8小时，待书记审核`
        : scan.credit?.awaitingResident
          ? `签退成功 · ${name} · ${hours}，待居民确认后计入`
          : `签退成功 · ${name} · ${hours}`;
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
