import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as records } from '../../cloudfunctions/records/index';
import { appendToChain, makeCheckinCode, type DeviceSecret } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, inMinutes, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { countRows } from '../support/db-state';
import { buildCommunity, sessionTokenFor, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const CHINESE = /[\u4e00-\u9fa5]/;
/** 09:00 in Shanghai. */
const START = new Date('2026-11-23T01:00:00Z');
/** Each test runs on a day of its own, from 09:00: a member serving in one test's order is not free in the next's. */
let today = START;
const at = (minutesAfterStart: number) => new Date(today.getTime() + minutesAfterStart * 60_000);

type QueuedScan = ReturnType<typeof appendToChain>;

/** A verifier's phone: its own device secret and the head of the chain of scans it queued offline. */
interface Phone {
  verifier: TestUser;
  device: { deviceId: string; secretHex: string };
  head: { counter: number; hash: string };
}
interface QueuedResult {
  scanId: string;
  ok: boolean;
  verdict: { outcome: string; duplicate: boolean; minutesCredited: number | null; pendingApproval: boolean; headline: string } | null;
  error: { code: string; message: string } | null;
}

describe('离线扫码: uploading scans queued offline', () => {
  let db: Database;
  let community: TestCommunity;
  const devices = new Map<string, DeviceSecret>();
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'Q', { members: 14, residents: 0 });
  });
  // Every test starts at 09:00 of its own day with fresh phones, so that no two tests share a member's code.
  let testNumber = 0;
  let phone: Phone;
  beforeEach(async () => {
    today = new Date(START.getTime() + testNumber++ * 86_400_000);
    clock.set(today);
    // Every test starts days after the last and may move on a week more: everyone signs in again, for the default 14 days.
    for (const who of [community.secretary, ...community.members]) who.token = await sessionTokenFor(db, who.id, new Date(), 24 * 14);
    for (const member of community.members) devices.set(member.id, await ok(call(checkin, 'issueDeviceSecret', {}, member)));
    phone = await phoneOf(community.secretary);
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const member = (i: number) => community.members[i];
  const deviceOf = (who: TestUser) => devices.get(who.id)!;

  /** An open order from `fromMinute` to `toMinute` after now, accepted by `accepted`. */
  async function orderAcceptedBy(accepted: TestUser[], fromMinute: number, toMinute: number, overrides: Record<string, unknown> = {}) {
    const order = await ok(call(orders, 'create', {
      title: '村委会门前清扫', category: '环保绿化服务', place: '村委会', startsAt: inMinutes(fromMinute), endsAt: inMinutes(toMinute),
      capacity: Math.max(accepted.length, 1), dispatch: 'open', ...overrides,
    }, community.secretary));
    for (const who of accepted) await ok(call(orders, 'accept', { orderId: order.id }, who));
    return order as { id: string };
  }

  async function phoneOf(verifier: TestUser): Promise<Phone> {
    const device = await ok(call(checkin, 'issueVerifierDevice', {}, verifier));
    return { verifier, device, head: { counter: device.lastCounter, hash: device.lastHash } };
  }

  /** A scan as a verifier's phone keeps it while offline: the code shown then, the moment, signed onto the phone's chain. */
  const queued = (
    orderId: string,
    who: TestUser,
    scannedAt: Date,
    options: { on?: Phone; code?: string; scanId?: string; intent?: 'auto' | 'in' | 'out' } = {},
  ): QueuedScan => {
    const on = options.on ?? phone;
    const entry = appendToChain(on.device, on.head, {
      scanId: options.scanId ?? randomUUID(), orderId, code: options.code ?? makeCheckinCode(deviceOf(who), scannedAt),
      intent: options.intent ?? 'auto', scannedAt: scannedAt.toISOString(),
    });
    on.head = { counter: entry.counter, hash: entry.hash };
    return entry;
  };

  const upload = async (scans: QueuedScan[], on: Phone = phone) =>
    (await ok<{ results: QueuedResult[] }>(call(checkin, 'uploadQueue', { deviceId: on.device.deviceId, scans }, on.verifier))).results;
  const resultOf = (results: QueuedResult[], scan: QueuedScan) => results.find((result) => result.scanId === scan.scanId)!;

  const recordsOf = (orderId: string) =>
    db.query<{ member_id: string; minutes_measured: number; minutes_credited: number; source: string; status: string }>(
      'select member_id, minutes_measured, minutes_credited, source, status from service_records where order_id = $1 order by member_id',
      [orderId],
    );
  const attendanceOf = (orderId: string) =>
    db.query<{ member_id: string; checked_in_at: Date; checked_out_at: Date | null }>(
      'select member_id, checked_in_at, checked_out_at from attendance where order_id = $1 order by member_id',
      [orderId],
    );

  it('should sort an in/out pair uploaded in reverse order by scan time and credit one record', async () => {
    const who = member(0);
    const order = await orderAcceptedBy([who], 10, 70);
    const checkIn = queued(order.id, who, at(8));
    const checkOut = queued(order.id, who, at(63));
    clock.set(at(180));

    const results = await upload([checkOut, checkIn]);

    expect(resultOf(results, checkIn)).toMatchObject({ ok: true, error: null, verdict: { outcome: 'checked_in', duplicate: false } });
    expect(resultOf(results, checkOut)).toMatchObject({ ok: true, verdict: { outcome: 'checked_out', minutesCredited: 55, pendingApproval: false } });
    expect(await attendanceOf(order.id)).toEqual([{ member_id: who.id, checked_in_at: at(8), checked_out_at: at(63) }]);
    expect(await recordsOf(order.id)).toEqual([{ member_id: who.id, minutes_measured: 55, minutes_credited: 55, source: 'scan', status: 'credited' }]);
    expect(await db.query('select received_at from scans where order_id = $1', [order.id])).toEqual([
      { received_at: at(180) },
      { received_at: at(180) },
    ]);
    expect((await db.query('select status from orders where id = $1', [order.id]))[0].status).toBe('completed');
  });

  it('should answer a batch uploaded twice with duplicates and count it once', async () => {
    const who = member(2);
    const order = await orderAcceptedBy([who], 10, 70);
    const batch = [queued(order.id, who, at(9)), queued(order.id, who, at(70))];
    clock.set(at(120));
    await upload(batch);
    const before = await countRows(db);
    clock.advanceMinutes(30);

    const again = await upload(batch);

    expect(again).toHaveLength(2);
    for (const result of again) expect(result).toMatchObject({ ok: true, error: null, verdict: { duplicate: true } });
    expect(resultOf(again, batch[1]).verdict).toMatchObject({ outcome: 'checked_out', minutesCredited: 61 });
    expect(await countRows(db)).toEqual(before);
    expect(await attendanceOf(order.id)).toHaveLength(1);
    expect(await recordsOf(order.id)).toEqual([expect.objectContaining({ member_id: who.id, minutes_credited: 61 })]);
    expect(await db.query('select received_at from scans where order_id = $1', [order.id])).toEqual([
      { received_at: at(120) },
      { received_at: at(120) },
    ]);
  });

  it('should keep the good scans of a batch and give the bad one in the middle its own error', async () => {
    const [first, second, third] = [member(3), member(4), member(5)];
    const order = await orderAcceptedBy([first, second, third], 10, 70);
    const good1 = queued(order.id, first, at(5));
    const genuine = makeCheckinCode(deviceOf(second), at(6));
    const bad = queued(order.id, second, at(6), { code: genuine.slice(0, -1) + (genuine.endsWith('0') ? '1' : '0') });
    const good2 = queued(order.id, third, at(7));
    clock.set(at(60));

    const results = await upload([good1, bad, good2]);

    expect(results.map((result) => result.scanId)).toEqual([good1.scanId, bad.scanId, good2.scanId]);
    expect(resultOf(results, good1)).toMatchObject({ ok: true, verdict: { outcome: 'checked_in' } });
    expect(resultOf(results, good2)).toMatchObject({ ok: true, verdict: { outcome: 'checked_in' } });
    const refused = resultOf(results, bad);
    expect(refused).toMatchObject({ ok: false, verdict: null, error: { code: 'CHECKIN_CODE_INVALID' } });
    expect(refused.error!.message).toMatch(CHINESE);
    expect((await attendanceOf(order.id)).map((row) => row.member_id).sort()).toEqual([first.id, third.id].sort());
    expect(await db.query('select id from scans where order_id = $1 order by scanned_at', [order.id])).toEqual([
      { id: good1.scanId },
      { id: good2.scanId },
    ]);
    expect(await db.query('select scan_id from checkin_code_uses where scan_id = $1', [bad.scanId])).toEqual([]);
  });

  it('should not let a garbled code in the middle sink the whole batch', async () => {
    const [first, third] = [member(6), member(7)];
    const order = await orderAcceptedBy([first, third], 10, 70);
    const good1 = queued(order.id, first, at(5));
    const garbled = queued(order.id, first, at(6), { code: `DY1.${'0'.repeat(36)}.5000000.${'0'.repeat(20)}` });
    const good2 = queued(order.id, third, at(7));
    clock.set(at(60));

    const results = await upload([good1, garbled, good2]);

    expect(resultOf(results, garbled)).toMatchObject({ ok: false, error: { code: 'CHECKIN_CODE_INVALID' } });
    expect(results.filter((result) => result.ok)).toHaveLength(2);
    expect(await attendanceOf(order.id)).toHaveLength(2);
  });

  it('should refuse a scan id another verifier already used as CHECKIN_SCAN_ID_REUSED, keeping the first scan', async () => {
    const [who, other, leader] = [member(8), member(9), member(10)];
    const order = await orderAcceptedBy([who, other], 10, 70, { leaderMemberId: leader.id });
    const mine = queued(order.id, who, at(5));
    clock.set(at(30));
    await upload([mine]);
    const before = await countRows(db);
    const leaderPhone = await phoneOf(leader);

    const results = await upload([queued(order.id, other, at(31), { on: leaderPhone, scanId: mine.scanId })], leaderPhone);

    expect(results).toEqual([
      { scanId: mine.scanId, ok: false, verdict: null, error: { code: 'CHECKIN_SCAN_ID_REUSED', message: expect.stringMatching(CHINESE) } },
    ]);
    expect(await countRows(db)).toEqual(before);
    expect(await db.query('select verifier_id, member_id from scans where id = $1', [mine.scanId])).toEqual([
      { verifier_id: community.secretary.id, member_id: who.id },
    ]);
    expect(await attendanceOf(order.id)).toEqual([expect.objectContaining({ member_id: who.id })]);
  });

  it('should count a scan of the old phone made before the member took a new one', async () => {
    const who = member(11);
    const order = await orderAcceptedBy([who], 10, 70);
    const oldPhone = deviceOf(who);
    const offlineScan = queued(order.id, who, at(9));
    clock.set(at(20));
    await ok(call(checkin, 'issueDeviceSecret', {}, who));
    const afterward = queued(order.id, who, at(25), { code: makeCheckinCode(oldPhone, at(25)) });
    clock.set(at(40));

    const results = await upload([offlineScan, afterward]);

    expect(resultOf(results, offlineScan)).toMatchObject({ ok: true, verdict: { outcome: 'checked_in' } });
    expect(resultOf(results, afterward)).toMatchObject({ ok: false, error: { code: 'CHECKIN_DEVICE_REVOKED' } });
    expect(await attendanceOf(order.id)).toEqual([{ member_id: who.id, checked_in_at: at(9), checked_out_at: null }]);
  });

  it('should count scans queued before the secretary completed the order from another phone', async () => {
    const [online, offline] = [member(7), member(8)];
    const order = await orderAcceptedBy([online, offline], 10, 70);
    const queuedIn = queued(order.id, offline, at(12));
    const queuedOut = queued(order.id, offline, at(68));
    clock.set(at(11));
    await ok(call(checkin, 'scan', { scanId: randomUUID(), orderId: order.id, code: makeCheckinCode(deviceOf(online), new Date()) }, community.secretary));
    clock.set(at(69));
    await ok(call(checkin, 'scan', { scanId: randomUUID(), orderId: order.id, code: makeCheckinCode(deviceOf(online), new Date()) }, community.secretary));
    clock.set(at(75));
    expect((await ok(call(orders, 'complete', { orderId: order.id }, community.secretary))).status).toBe('completed');
    clock.set(at(90));

    const results = await upload([queuedIn, queuedOut]);

    expect(results.map((result) => [result.ok, result.error?.code ?? null])).toEqual([[true, null], [true, null]]);
    expect(await recordsOf(order.id)).toEqual([
      { member_id: online.id, minutes_measured: 58, minutes_credited: 58, source: 'scan', status: 'credited' },
      { member_id: offline.id, minutes_measured: 56, minutes_credited: 56, source: 'scan', status: 'credited' },
    ].sort((x, y) => x.member_id.localeCompare(y.member_id)));
    expect(await db.query('select status, completed_at from orders where id = $1', [order.id])).toEqual([{ status: 'completed', completed_at: at(75) }]);
    const late = await upload([queued(order.id, offline, at(90))]);
    expect(late[0].error?.code).toBe('CHECKIN_ORDER_CLOSED');
  });

  it('should cap a check-out 3 hours after check-in on a 1-hour order at 90 minutes', async () => {
    const who = member(0);
    const order = await orderAcceptedBy([who], 10, 70);
    const batch = [queued(order.id, who, at(10)), queued(order.id, who, at(190))];
    clock.set(at(200));

    const results = await upload(batch);

    expect(resultOf(results, batch[1]).verdict).toMatchObject({ outcome: 'checked_out', minutesCredited: 90, headline: expect.stringContaining('计 1.5 小时') });
    expect(await recordsOf(order.id)).toEqual([{ member_id: who.id, minutes_measured: 180, minutes_credited: 90, source: 'scan', status: 'credited' }]);
  });

  describe('more than 8 hours on one day', () => {
    it('should credit exactly 8 hours on a day without approval', async () => {
      const who = member(12);
      const morning = await orderAcceptedBy([who], 10, 310);
      const afternoon = await orderAcceptedBy([who], 320, 500);
      clock.set(at(520));

      const results = await upload([
        queued(morning.id, who, at(10)), queued(morning.id, who, at(310)),
        queued(afternoon.id, who, at(320)), queued(afternoon.id, who, at(500)),
      ]);

      expect(results.every((result) => result.ok && !result.verdict!.pendingApproval)).toBe(true);
      expect([...(await recordsOf(morning.id)), ...(await recordsOf(afternoon.id))].map((r) => [r.minutes_credited, r.status])).toEqual([
        [300, 'credited'],
        [180, 'credited'],
      ]);
    });

    it('should hold back the hours that take a member past 8 on a day, until the secretary approves them', async () => {
      const who = member(13);
      const morning = await orderAcceptedBy([who], 10, 310);
      const afternoon = await orderAcceptedBy([who], 320, 500);
      const evening = await orderAcceptedBy([who], 510, 570);
      clock.set(at(600));

      const results = await upload([
        queued(morning.id, who, at(10)), queued(morning.id, who, at(310)),
        queued(afternoon.id, who, at(320)), queued(afternoon.id, who, at(500)),
        queued(evening.id, who, at(510)), queued(evening.id, who, at(570)),
      ]);

      const lastOut = results.at(-1)!;
      expect(lastOut).toMatchObject({ ok: true, verdict: { outcome: 'checked_out', minutesCredited: 60, pendingApproval: true } });
      expect(lastOut.verdict!.headline).toContain('待书记审核');
      const [held] = await db.query<{ id: string; status: string; minutes_credited: number }>(
        'select id, status, minutes_credited from service_records where order_id = $1',
        [evening.id],
      );
      expect(held).toMatchObject({ status: 'pending_approval', minutes_credited: 60 });
      const hours = await ok(call(records, 'myHours', {}, who));
      expect(hours).toMatchObject({ creditedHours: 8, scannedHours: 8, pendingHours: 1, services: 2 });
      expect(hours.byQuarter[3]).toEqual({ quarter: 4, hours: 8, services: 2 });

      const approved = await ok(call(records, 'approve', { recordId: held.id, reason: '重阳节活动延时，情况属实' }, community.secretary));

      expect(approved).toMatchObject({ id: held.id, status: 'credited', hoursCredited: 1 });
      expect((await db.query('select status from service_records where id = $1', [held.id]))[0].status).toBe('credited');
      expect(await db.query('select actor_id, action, reason, before, after from record_audit where record_id = $1', [held.id])).toEqual([
        {
          actor_id: community.secretary.id, action: 'approve_daily_overrun', reason: '重阳节活动延时，情况属实',
          before: { status: 'pending_approval' }, after: { status: 'credited' },
        },
      ]);
      expect(await ok(call(records, 'myHours', {}, who))).toMatchObject({ creditedHours: 9, pendingHours: 0, services: 3 });
      const again = await failed(call(records, 'approve', { recordId: held.id, reason: '再次审核' }, community.secretary));
      expect(again.code).toBe('RECORD_NOT_PENDING');
      expect(await countRows(db, ['record_audit'])).toEqual({ record_audit: 1 });
    });

    it('should hold back a single 9-hour service', async () => {
      const who = member(1);
      const order = await orderAcceptedBy([who], 10, 550);
      const batch = [queued(order.id, who, at(10)), queued(order.id, who, at(550))];
      clock.set(at(560));

      const results = await upload(batch);

      expect(resultOf(results, batch[1]).verdict).toMatchObject({ minutesCredited: 540, pendingApproval: true });
      expect(await recordsOf(order.id)).toEqual([expect.objectContaining({ minutes_credited: 540, status: 'pending_approval' })]);
      const hours = await ok(call(records, 'myHours', {}, who));
      expect(hours.pendingHours).toBe(9);
      expect(hours.creditedHours).toBeLessThan(9);
    });
  });

  describe('a forgotten check-out', () => {
    const scanNow = (orderId: string, who: TestUser) =>
      ok(call(checkin, 'scan', { scanId: randomUUID(), orderId, code: makeCheckinCode(deviceOf(who), new Date()) }, community.secretary));

    it('should list check-ins without check-out on ended orders, overdue after a day', async () => {
      const [late, recent] = [member(2), member(3)];
      const old = await orderAcceptedBy([late], 10, 70);
      clock.set(at(10));
      await scanNow(old.id, late);
      clock.set(at(70 + 24 * 60 - 30));
      const fresh = await orderAcceptedBy([recent], 0, 30);
      await scanNow(fresh.id, recent);
      clock.set(at(70 + 24 * 60 + 1));

      const { items } = await ok(call(records, 'missingCheckouts', {}, community.secretary));

      const mine = items.filter((item: { orderId: string }) => [old.id, fresh.id].includes(item.orderId));
      expect(mine).toEqual([
        { orderId: old.id, title: '村委会门前清扫', endsAt: at(70).toISOString(), memberId: late.id, memberName: late.name, checkedInAt: at(10).toISOString(), overdue: true },
        expect.objectContaining({ orderId: fresh.id, memberId: recent.id, overdue: false }),
      ]);
    });

    it('should let the secretary close it by hand as a hand entry, capped at the scheduled length, audited', async () => {
      const who = member(4);
      const order = await orderAcceptedBy([who], 10, 70);
      clock.set(at(10));
      await scanNow(order.id, who);
      clock.set(at(70 + 26 * 60));
      const listed = await ok(call(records, 'missingCheckouts', {}, community.secretary));
      expect(listed.items).toContainEqual(expect.objectContaining({ orderId: order.id, memberId: who.id, overdue: true }));

      const after = await ok(call(records, 'closeMissingCheckout', {
        orderId: order.id, memberId: who.id, checkedOutAt: at(190).toISOString(), reason: '党员忘记签退，已电话核实',
      }, community.secretary));

      expect(after.items.map((item: { orderId: string }) => item.orderId)).not.toContain(order.id);
      expect(await recordsOf(order.id)).toEqual([{ member_id: who.id, minutes_measured: 180, minutes_credited: 60, source: 'manual', status: 'credited' }]);
      const [record] = await db.query<{ id: string }>('select id from service_records where order_id = $1', [order.id]);
      const audit = await db.query('select actor_id, action, reason, after from record_audit where record_id = $1', [record.id]);
      expect(audit).toEqual([{
        actor_id: community.secretary.id, action: 'close_missing_checkout', reason: '党员忘记签退，已电话核实',
        after: { checkedOutAt: at(190).toISOString(), minutesCredited: 60, status: 'credited' },
      }]);
      expect(await db.query('select checked_out_at, check_out_scan_id from attendance where order_id = $1', [order.id])).toEqual([
        { checked_out_at: at(190), check_out_scan_id: null },
      ]);
      expect((await db.query('select status from orders where id = $1', [order.id]))[0].status).toBe('completed');
      expect(await ok(call(records, 'myHours', {}, who))).toMatchObject({ manualHours: 1, scannedHours: 0, creditedHours: 1 });
      const twice = await failed(call(records, 'closeMissingCheckout', {
        orderId: order.id, memberId: who.id, checkedOutAt: at(100).toISOString(), reason: '再补一次',
      }, community.secretary));
      expect(twice.code).toBe('RECORD_NOT_MISSING_CHECKOUT');
      expect(twice.message).toMatch(CHINESE);
    });

    it('should refuse a hand check-out before the check-in with RECORD_CHECKOUT_BEFORE_CHECKIN, writing nothing', async () => {
      const who = member(5);
      const order = await orderAcceptedBy([who], 10, 70);
      await scanNow(order.id, who);
      clock.set(at(3 * 24 * 60));
      const before = await countRows(db);

      const error = await failed(call(records, 'closeMissingCheckout', {
        orderId: order.id, memberId: who.id, checkedOutAt: at(-5).toISOString(), reason: '补录签退',
      }, community.secretary));

      expect(error).toMatchObject({ code: 'RECORD_CHECKOUT_BEFORE_CHECKIN', fields: { checkedOutAt: expect.stringMatching(CHINESE) } });
      expect(await countRows(db)).toEqual(before);
      expect(await attendanceOf(order.id)).toEqual([expect.objectContaining({ checked_out_at: null })]);
    });
  });

  describe('a queue the server can trust: the verifier phone’s signed chain', () => {
    const refusalCodes = async (orderId: string) =>
      (await db.query<{ code: string }>('select code from scan_refusals where order_id = $1 order by counter nulls first, received_at', [orderId])).map((row) => row.code);

    it('should refuse every scan of a phone the server never issued, and keep each refusal', async () => {
      const who = member(0);
      const order = await orderAcceptedBy([who], 10, 70);
      const stranger: Phone = { verifier: community.secretary, device: { deviceId: randomUUID(), secretHex: 'ab'.repeat(20) }, head: { counter: 0, hash: '0'.repeat(64) } };
      const batch = [queued(order.id, who, at(9), { on: stranger }), queued(order.id, who, at(60), { on: stranger })];
      clock.set(at(90));
      const before = await countRows(db);

      const error = await failed(call(checkin, 'uploadQueue', { deviceId: stranger.device.deviceId, scans: batch }, community.secretary));

      expect(error.code).toBe('CHECKIN_DEVICE_UNKNOWN');
      expect(error.message).toMatch(CHINESE);
      expect(await countRows(db)).toEqual(before);
      expect(await refusalCodes(order.id)).toEqual(['CHECKIN_DEVICE_UNKNOWN', 'CHECKIN_DEVICE_UNKNOWN']);
    });

    it('should refuse another user’s phone as unknown: a device belongs to the verifier it was issued to', async () => {
      const who = member(1);
      const order = await orderAcceptedBy([who], 10, 70);
      const scan = queued(order.id, who, at(9));
      clock.set(at(30));
      const error = await failed(call(checkin, 'uploadQueue', { deviceId: phone.device.deviceId, scans: [scan] }, member(2)));
      expect(error.code).toBe('CHECKIN_DEVICE_UNKNOWN');
      expect(await attendanceOf(order.id)).toEqual([]);
    });

    it('should take a queue only in chain order: a missing entry is refused until it comes, then both count', async () => {
      const who = member(3);
      const order = await orderAcceptedBy([who], 10, 70);
      const checkIn = queued(order.id, who, at(9));
      const checkOut = queued(order.id, who, at(62));
      clock.set(at(90));

      const gap = await upload([checkOut]);
      expect(gap).toEqual([{ scanId: checkOut.scanId, ok: false, verdict: null, error: { code: 'CHECKIN_QUEUE_OUT_OF_ORDER', message: expect.stringMatching(CHINESE) } }]);
      expect(await attendanceOf(order.id)).toEqual([]);

      const whole = await upload([checkIn, checkOut]);
      expect(whole.map((result) => [result.ok, result.verdict?.outcome])).toEqual([[true, 'checked_in'], [true, 'checked_out']]);
      expect(await recordsOf(order.id)).toEqual([expect.objectContaining({ member_id: who.id, minutes_credited: 53 })]);
    });

    it('should refuse an entry whose contents were changed after signing, and every entry after it', async () => {
      const [first, second] = [member(4), member(5)];
      const order = await orderAcceptedBy([first, second], 10, 70);
      const genuine = queued(order.id, first, at(9));
      const forged = { ...genuine, scannedAt: at(11).toISOString() };
      const next = queued(order.id, second, at(12));
      clock.set(at(30));

      const results = await upload([forged, next]);

      expect(results.map((result) => result.error?.code)).toEqual(['CHECKIN_QUEUE_SIGNATURE_INVALID', 'CHECKIN_QUEUE_BROKEN']);
      expect(await attendanceOf(order.id)).toEqual([]);
      expect(await refusalCodes(order.id)).toEqual(['CHECKIN_QUEUE_SIGNATURE_INVALID', 'CHECKIN_QUEUE_BROKEN']);
    });

    it('should refuse an entry whose time goes backwards, as the phone’s clock was set back', async () => {
      const [first, second] = [member(6), member(7)];
      const order = await orderAcceptedBy([first, second], 10, 70);
      const later = queued(order.id, first, at(20));
      const earlier = queued(order.id, second, at(15));
      clock.set(at(30));

      const results = await upload([later, earlier]);

      expect(results.map((result) => [result.ok, result.error?.code ?? null])).toEqual([[true, null], [false, 'CHECKIN_QUEUE_TIME_BACKWARDS']]);
      expect((await attendanceOf(order.id)).map((row) => row.member_id)).toEqual([first.id]);
    });

    it('should refuse an entry dated before the phone’s last online contact', async () => {
      const [first, second] = [member(8), member(9)];
      const order = await orderAcceptedBy([first, second], 10, 70);
      clock.set(at(20));
      await upload([queued(order.id, first, at(12))]);
      // The upload at 09:20 was the phone's last contact: a scan claiming 09:15 was not made offline since.
      const backdated = queued(order.id, second, at(15));
      clock.set(at(40));

      const results = await upload([backdated]);

      expect(results[0].error?.code).toBe('CHECKIN_QUEUE_BEFORE_SYNC');
      expect((await attendanceOf(order.id)).map((row) => row.member_id)).toEqual([first.id]);
    });

    it('should refuse a queued time ahead of the server’s, a scan older than 7 days, and a check-out before an online check-in', async () => {
      const [ahead, old, late] = [member(10), member(11), member(12)];
      const order = await orderAcceptedBy([ahead, old, late], 10, 70);
      const lateOut = queued(order.id, late, at(12), { intent: 'out' });
      clock.set(at(15));
      await ok(call(checkin, 'scan', { scanId: randomUUID(), orderId: order.id, code: makeCheckinCode(deviceOf(late), new Date()), intent: 'in' }, community.secretary));
      expect((await upload([lateOut]))[0].error?.code).toBe('CHECKIN_OUT_BEFORE_IN');

      const future = queued(order.id, ahead, at(25));
      expect((await upload([future]))[0].error?.code).toBe('CHECKIN_SCAN_TIME_INVALID');

      const oldPhone = await phoneOf(community.secretary);
      const stale = queued(order.id, old, at(20), { on: oldPhone });
      clock.set(at(20 + 8 * 24 * 60));
      expect((await upload([stale], oldPhone))[0].error?.code).toBe('CHECKIN_SCAN_TOO_OLD');
    });

    it('should give a resident no offline device, and list every refused scan for the secretary', async () => {
      const resident = await buildCommunity(db, 'R', { members: 0, residents: 1 });
      const noDevice = await failed(call(checkin, 'issueVerifierDevice', {}, resident.residents[0]));
      expect(noDevice.code).toBe('CHECKIN_NO_VERIFIER_DEVICE');

      const who = member(13);
      const order = await orderAcceptedBy([who], 10, 70);
      const forged = { ...queued(order.id, who, at(9)), scannedAt: at(10).toISOString() };
      clock.set(at(30));
      await upload([forged]);
      await failed(call(checkin, 'scan', { scanId: randomUUID(), orderId: order.id, code: makeCheckinCode(deviceOf(member(0)), new Date()) }, community.secretary));

      const { items } = await ok(call(checkin, 'refusedScans', { orderId: order.id }, community.secretary));
      expect(items).toEqual([
        expect.objectContaining({ offline: false, code: 'CHECKIN_NOT_ASSIGNED', memberName: member(0).name, verifierName: community.secretary.name, orderTitle: '村委会门前清扫' }),
        expect.objectContaining({ offline: true, code: 'CHECKIN_QUEUE_SIGNATURE_INVALID', scannedAt: at(10).toISOString(), receivedAt: at(30).toISOString() }),
      ]);
      const queues = await ok(call(records, 'queues', {}, community.secretary));
      expect(queues.refusedScans).toBeGreaterThanOrEqual(2);
    });

    it('should never deadlock two phones uploading queues for the same orders in opposite order, and lose no scan', async () => {
      const people = [member(0), member(1), member(2), member(3)];
      const first = await orderAcceptedBy(people.slice(0, 2), 10, 70);
      const second = await orderAcceptedBy(people.slice(2), 10, 70);
      const leaderPhone = await phoneOf(community.secretary);
      const mine = [queued(first.id, people[0], at(9)), queued(second.id, people[2], at(10))];
      const theirs = [queued(second.id, people[3], at(9), { on: leaderPhone }), queued(first.id, people[1], at(10), { on: leaderPhone })];
      clock.set(at(30));

      const [a, b] = await Promise.all([upload(mine), upload(theirs, leaderPhone)]);

      expect([...a, ...b].map((result) => [result.ok, result.error?.code ?? null])).toEqual([[true, null], [true, null], [true, null], [true, null]]);
      expect((await attendanceOf(first.id)).length + (await attendanceOf(second.id)).length).toBe(4);
    });
  });
});
