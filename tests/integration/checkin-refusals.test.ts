import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { checkinErrors, makeCheckinCode, type DeviceSecret } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import type { Envelope } from '../../cloudfunctions/_core/shared/envelope';
import { call, failed, inMinutes, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { countRows } from '../support/db-state';
import { buildCommunity, renewTokens, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const CHINESE = /[\u4e00-\u9fa5]/;
const START = new Date('2026-11-23T01:00:00Z');
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe('扫码核验: every refusal a scan can produce', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  const devices = new Map<string, DeviceSecret>();
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'A', { members: 8, residents: 1 });
    b = await buildCommunity(db, 'B', { members: 1, residents: 0 });
  });
  // A code is good once per device and 30-second step, across orders too: each test starts with fresh phones,
  // four hours after the last, since a member checked in on one test's order is serving there (one place at a time).
  let testNumber = 0;
  let today = START;
  beforeEach(async () => {
    today = new Date(START.getTime() + testNumber++ * 4 * 3_600_000);
    clock.set(today);
    await renewTokens(db, a, b);
    for (const member of a.members) devices.set(member.id, await ok(call(checkin, 'issueDeviceSecret', {}, member)));
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const deviceOf = (member: TestUser) => devices.get(member.id)!;

  /** An open order starting in 10 minutes for an hour, accepted by `accepted`. */
  async function orderAcceptedBy(accepted: TestUser[], overrides: Record<string, unknown> = {}) {
    const order = await ok(call(orders, 'create', {
      title: '帮老人代购药品', category: '爱心扶助', place: '社区卫生站', startsAt: inMinutes(10), endsAt: inMinutes(70),
      capacity: Math.max(accepted.length, 1), dispatch: 'open', ...overrides,
    }, a.secretary));
    for (const member of accepted) await ok(call(orders, 'accept', { orderId: order.id }, member));
    return order as { id: string };
  }

  const scan = (
    orderId: string,
    verifier: TestUser,
    options: { device?: DeviceSecret; code?: string; codeAt?: Date; intent?: string; scanId?: string; walkInReason?: string },
  ) => {
    const code = options.code ?? makeCheckinCode(options.device!, options.codeAt ?? new Date());
    return call(checkin, 'scan', {
      scanId: options.scanId ?? randomUUID(),
      orderId,
      code,
      ...(options.intent ? { intent: options.intent } : {}),
      ...(options.walkInReason ? { walkInReason: options.walkInReason } : {}),
    }, verifier);
  };

  /** Everything a scan may write, read straight from the database. */
  const scanState = async () => ({
    counts: await countRows(db, ['scans', 'checkin_code_uses', 'attendance', 'service_records', 'record_audit']),
    attendance: await db.query('select * from attendance order by order_id, member_id'),
    orders: await db.query('select id, status, accepted_count from orders order by id'),
  });

  const refusalsKept = async () => (await db.query<{ code: string }>('select code from scan_refusals order by received_at, id')).map((row) => row.code);

  /** Asserts the scan was refused with `code`, in Chinese, that nothing was written but the kept refusal. */
  async function expectRefused(act: () => Promise<Envelope<unknown>>, code: string, { kept = true } = {}) {
    const before = await scanState();
    const refusalsBefore = (await refusalsKept()).length;
    const error = await failed(act());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(CHINESE);
    expect(await scanState()).toEqual(before);
    const refusals = await refusalsKept();
    expect(refusals.slice(refusalsBefore)).toEqual(kept ? [code] : []);
    return error;
  }

  const attendanceOf = (orderId: string) =>
    db.query<{ member_id: string; checked_in_at: Date; checked_out_at: Date | null }>(
      'select member_id, checked_in_at, checked_out_at from attendance where order_id = $1',
      [orderId],
    );

  it('should refuse a code whose signature was tampered with as CHECKIN_CODE_INVALID', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    const code = makeCheckinCode(deviceOf(member), new Date());
    const tampered = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');

    await expectRefused(() => scan(order.id, a.secretary, { code: tampered }), 'CHECKIN_CODE_INVALID');
    expect(await attendanceOf(order.id)).toEqual([]);
  });

  it.each([
    ['plain text', '你好，我是党员'],
    ['a web address', 'https://example.com/checkin?member=1'],
    ['a code of another format', 'DY2.abc.123.0123456789abcdef0123'],
  ])('should refuse %s, which is not a check-in code, as CHECKIN_CODE_INVALID', async (_case, text) => {
    const order = await orderAcceptedBy([a.members[0]]);
    await expectRefused(() => scan(order.id, a.secretary, { code: text }), 'CHECKIN_CODE_INVALID');
  });

  it('should refuse a well-formed code of a device that does not exist as CHECKIN_CODE_INVALID', async () => {
    const order = await orderAcceptedBy([a.members[0]]);
    const ghost = { deviceId: randomUUID(), secretHex: deviceOf(a.members[0]).secretHex };
    await expectRefused(() => scan(order.id, a.secretary, { device: ghost }), 'CHECKIN_CODE_INVALID');
  });

  it('should refuse a code whose device id is 36 hex digits but no uuid as CHECKIN_CODE_INVALID, not a system error', async () => {
    const order = await orderAcceptedBy([a.members[0]]);
    const code = makeCheckinCode(deviceOf(a.members[0]), new Date()).replace(/^DY1\.[0-9a-f-]{36}\./, `DY1.${'a'.repeat(36)}.`);
    await expectRefused(() => scan(order.id, a.secretary, { code }), 'CHECKIN_CODE_INVALID');
  });

  it('should refuse a code made for a step 3 minutes before the scan as CHECKIN_CODE_EXPIRED', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    const error = await expectRefused(
      () => scan(order.id, a.secretary, { device: deviceOf(member), codeAt: minutesFromNow(-3) }),
      'CHECKIN_CODE_EXPIRED',
    );
    expect(error.message).toContain(member.name);
  });

  it('should accept a code of the step just before the scan (read as it turned)', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    const verdict = await ok(scan(order.id, a.secretary, { device: deviceOf(member), codeAt: new Date(Date.now() - 30_000) }));
    expect(verdict.outcome).toBe('checked_in');
    expect(await attendanceOf(order.id)).toHaveLength(1);
  });

  it('should refuse a code made for a step after the scan as CHECKIN_CODE_FROM_FUTURE', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    await expectRefused(
      () => scan(order.id, a.secretary, { device: deviceOf(member), codeAt: minutesFromNow(3) }),
      'CHECKIN_CODE_FROM_FUTURE',
    );
  });

  it('should refuse the same code scanned twice as CHECKIN_CODE_REPLAYED, keeping one attendance row', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    const code = makeCheckinCode(deviceOf(member), new Date());
    const first = await ok(scan(order.id, a.secretary, { code }));
    expect(first.outcome).toBe('checked_in');

    await expectRefused(() => scan(order.id, a.secretary, { code, intent: 'out' }), 'CHECKIN_CODE_REPLAYED');

    expect(await attendanceOf(order.id)).toEqual([expect.objectContaining({ member_id: member.id, checked_out_at: null })]);
    expect(await db.query('select id from scans where order_id = $1', [order.id])).toHaveLength(1);
  });

  it('should refuse the old phone’s code after the member took a new phone as CHECKIN_DEVICE_REVOKED', async () => {
    const member = a.members[7];
    const order = await orderAcceptedBy([member]);
    const oldPhone = deviceOf(member);
    clock.advanceMinutes(1);
    const newPhone = await ok(call(checkin, 'issueDeviceSecret', {}, member));
    devices.set(member.id, newPhone);
    const revoked = await db.query('select revoked_at from member_devices where id = $1', [oldPhone.deviceId]);
    expect(revoked[0].revoked_at).toBeInstanceOf(Date);
    clock.advanceMinutes(1);

    await expectRefused(() => scan(order.id, a.secretary, { device: oldPhone }), 'CHECKIN_DEVICE_REVOKED');
    expect((await ok(scan(order.id, a.secretary, { device: newPhone }))).outcome).toBe('checked_in');
  });

  it('should refuse a member who did not accept the order as CHECKIN_NOT_ASSIGNED, naming them', async () => {
    const order = await orderAcceptedBy([a.members[0]]);
    const stranger = a.members[1];
    const error = await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(stranger) }), 'CHECKIN_NOT_ASSIGNED');
    expect(error.message).toContain(stranger.name);
  });

  it('should refuse a member who cancelled their acceptance as CHECKIN_NOT_ASSIGNED', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member], { startsAt: inMinutes(180), endsAt: inMinutes(240), cancelCutoffMinutes: 60 });
    await ok(call(orders, 'cancelAcceptance', { orderId: order.id, reason: '临时有事' }, member));
    clock.advanceMinutes(160);
    await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(member) }), 'CHECKIN_NOT_ASSIGNED');
  });

  it('should refuse a scan 3 hours before the start as CHECKIN_OUTSIDE_WINDOW', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member], { startsAt: inMinutes(180), endsAt: inMinutes(240) });
    const error = await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(member) }), 'CHECKIN_OUTSIDE_WINDOW');
    const beijing = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(error.message).toContain(`本单 ${beijing(new Date(today.getTime() + 180 * 60_000))} 开始，扫码时间 ${beijing(today)}`);
  });

  it('should refuse a scan more than 2 hours after the end as CHECKIN_OUTSIDE_WINDOW', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    clock.advanceMinutes(70 + 121);
    await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(member) }), 'CHECKIN_OUTSIDE_WINDOW');
  });

  it('should refuse a scan on a cancelled order as CHECKIN_ORDER_CLOSED', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    await ok(call(orders, 'cancel', { orderId: order.id, reason: '暴雨取消' }, a.secretary));
    await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(member) }), 'CHECKIN_ORDER_CLOSED');
  });

  it('should refuse a second check-in with intent "in" as CHECKIN_ALREADY_IN', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    await ok(scan(order.id, a.secretary, { device: deviceOf(member), intent: 'in' }));
    clock.advanceMinutes(1);

    await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(member), intent: 'in' }), 'CHECKIN_ALREADY_IN');
    expect(await attendanceOf(order.id)).toEqual([expect.objectContaining({ checked_out_at: null })]);
  });

  it('should refuse an automatic second scan within 10 minutes of check-in as CHECKIN_JUST_CHECKED_IN, and take an explicit 签退', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    await ok(scan(order.id, a.secretary, { device: deviceOf(member) }));
    clock.advanceMinutes(1);

    await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(member) }), 'CHECKIN_JUST_CHECKED_IN');
    expect(await attendanceOf(order.id)).toEqual([expect.objectContaining({ checked_in_at: today, checked_out_at: null })]);

    const checkedOut = await ok(scan(order.id, a.secretary, { device: deviceOf(member), intent: 'out' }));
    expect(checkedOut).toMatchObject({ outcome: 'checked_out', minutesCredited: 1 });
  });

  it('should refuse a check-out with intent "out" before any check-in as CHECKIN_NOT_CHECKED_IN', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(member), intent: 'out' }), 'CHECKIN_NOT_CHECKED_IN');
    expect(await attendanceOf(order.id)).toEqual([]);
  });

  it('should refuse a third scan after check-in and check-out as CHECKIN_ALREADY_OUT while others still serve', async () => {
    const [member, stillServing] = a.members;
    const order = await orderAcceptedBy([member, stillServing]);
    await ok(scan(order.id, a.secretary, { device: deviceOf(stillServing) }));
    await ok(scan(order.id, a.secretary, { device: deviceOf(member) }));
    clock.advanceMinutes(60);
    expect((await ok(scan(order.id, a.secretary, { device: deviceOf(member) }))).outcome).toBe('checked_out');
    clock.advanceMinutes(1);

    await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(member) }), 'CHECKIN_ALREADY_OUT');
    expect(await db.query('select minutes_credited from service_records where order_id = $1', [order.id])).toEqual([{ minutes_credited: 60 }]);
  });

  it('should refuse a scan after everyone checked out as CHECKIN_ORDER_CLOSED, the order being completed', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    await ok(scan(order.id, a.secretary, { device: deviceOf(member) }));
    clock.advanceMinutes(60);
    await ok(scan(order.id, a.secretary, { device: deviceOf(member) }));
    expect((await db.query('select status from orders where id = $1', [order.id]))[0].status).toBe('completed');
    clock.advanceMinutes(1);

    await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(member) }), 'CHECKIN_ORDER_CLOSED');
  });

  it('should refuse another community’s secretary as CHECKIN_VERIFIER_FORBIDDEN', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    await expectRefused(() => scan(order.id, b.secretary, { device: deviceOf(member) }), 'CHECKIN_VERIFIER_FORBIDDEN');
  });

  it('should refuse a plain member of the community as CHECKIN_VERIFIER_FORBIDDEN', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    await expectRefused(() => scan(order.id, a.members[2], { device: deviceOf(member) }), 'CHECKIN_VERIFIER_FORBIDDEN');
  });

  it('should refuse a resident who did not post the need as CHECKIN_VERIFIER_FORBIDDEN', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    await expectRefused(() => scan(order.id, a.residents[0], { device: deviceOf(member) }), 'CHECKIN_VERIFIER_FORBIDDEN');
  });

  it('should refuse an order leader scanning their own code as CHECKIN_VERIFIER_FORBIDDEN', async () => {
    const leader = a.members[3];
    const order = await orderAcceptedBy([leader], { leaderMemberId: leader.id });
    const error = await expectRefused(() => scan(order.id, leader, { device: deviceOf(leader) }), 'CHECKIN_VERIFIER_FORBIDDEN');
    expect(error.message).toContain('不能为自己扫码');
  });

  it('should judge an online scan at the server’s time: a 15-minute-old code sent with a 15-minute-old scannedAt is CHECKIN_CODE_EXPIRED', async () => {
    const member = a.members[0];
    const order = await orderAcceptedBy([member]);
    const fifteenMinutesAgo = minutesFromNow(-15);
    const screenshot = makeCheckinCode(deviceOf(member), fifteenMinutesAgo);
    const before = await scanState();
    const error = await failed(call(checkin, 'scan', { scanId: randomUUID(), orderId: order.id, code: screenshot, scannedAt: fifteenMinutesAgo.toISOString() }, a.secretary));
    expect(error.code).toBe('CHECKIN_CODE_EXPIRED');
    expect(await scanState()).toEqual(before);
  });

  it('should refuse a second check-in of a member serving on an overlapping order as CHECKIN_OVERLAPS_OTHER_ORDER, naming it', async () => {
    const member = a.members[0];
    const first = await orderAcceptedBy([member], { title: '楼道清扫' });
    const second = await orderAcceptedBy([member], { title: '义诊' });
    const third = await orderAcceptedBy([member], { title: '文艺演出' });
    await ok(scan(first.id, a.secretary, { device: deviceOf(member) }));
    clock.advanceMinutes(1);

    const error = await expectRefused(() => scan(second.id, a.secretary, { device: deviceOf(member) }), 'CHECKIN_OVERLAPS_OTHER_ORDER');
    expect(error.message).toContain('楼道清扫');
    clock.advanceMinutes(15);
    await ok(scan(first.id, a.secretary, { device: deviceOf(member) }));
    clock.advanceMinutes(1);
    // Checked out of the first at 16 minutes: the third order from now on is no overlap.
    expect((await ok(scan(third.id, a.secretary, { device: deviceOf(member) }))).outcome).toBe('checked_in');
    expect(await db.query("select order_id from attendance where member_id = $1 and checked_in_at >= $2 order by checked_in_at", [member.id, today]))
      .toEqual([{ order_id: first.id }, { order_id: third.id }]);
  });

  it('should let the secretary add a member who did not accept (添加到名单并签到), with a reason, and refuse others that', async () => {
    const [accepted, walkIn, leader] = a.members.slice(0, 3);
    const order = await orderAcceptedBy([accepted], { leaderMemberId: leader.id });
    await expectRefused(() => scan(order.id, a.secretary, { device: deviceOf(walkIn) }), 'CHECKIN_NOT_ASSIGNED');
    clock.advanceMinutes(1);
    await expectRefused(() => scan(order.id, leader, { device: deviceOf(walkIn), walkInReason: '现场报名' }), 'CHECKIN_WALK_IN_FORBIDDEN');
    clock.advanceMinutes(1);

    const verdict = await ok(scan(order.id, a.secretary, { device: deviceOf(walkIn), walkInReason: '现场报名参加' }));
    expect(verdict).toMatchObject({ outcome: 'checked_in', member: { id: walkIn.id } });
    expect(await db.query('select status, walk_in_reason, added_by from assignments where order_id = $1 and member_id = $2', [order.id, walkIn.id]))
      .toEqual([{ status: 'accepted', walk_in_reason: '现场报名参加', added_by: a.secretary.id }]);
    expect((await db.query('select accepted_count from orders where id = $1', [order.id]))[0].accepted_count).toBe(1);
  });

  it('should refuse to add a member of another community to the list as CHECKIN_WALK_IN_NOT_IN_COMMUNITY', async () => {
    const order = await orderAcceptedBy([a.members[0]]);
    const outsider = b.members[0];
    const device = await ok(call(checkin, 'issueDeviceSecret', {}, outsider));
    await expectRefused(() => scan(order.id, a.secretary, { device, walkInReason: '现场报名' }), 'CHECKIN_WALK_IN_NOT_IN_COMMUNITY');
  });

  it('should refuse a scan id already used by another verifier as CHECKIN_SCAN_ID_REUSED', async () => {
    const [member, other, leader] = a.members.slice(0, 3);
    const order = await orderAcceptedBy([member, other], { leaderMemberId: leader.id });
    const scanId = randomUUID();
    await ok(scan(order.id, a.secretary, { device: deviceOf(member), scanId }));

    await expectRefused(() => scan(order.id, leader, { device: deviceOf(other), scanId }), 'CHECKIN_SCAN_ID_REUSED');
    expect(await attendanceOf(order.id)).toEqual([expect.objectContaining({ member_id: member.id })]);
  });

  it('should refuse a scan id already used on another order as CHECKIN_SCAN_ID_REUSED', async () => {
    const member = a.members[0];
    const first = await orderAcceptedBy([member]);
    const second = await orderAcceptedBy([member]);
    const scanId = randomUUID();
    await ok(scan(first.id, a.secretary, { device: deviceOf(member), scanId }));
    clock.advanceMinutes(1);

    await expectRefused(() => scan(second.id, a.secretary, { device: deviceOf(member), scanId }), 'CHECKIN_SCAN_ID_REUSED');
  });

  it('should answer ORDER_NOT_FOUND for an order that does not exist', async () => {
    await expectRefused(() => scan(randomUUID(), a.secretary, { device: deviceOf(a.members[0]) }), 'ORDER_NOT_FOUND');
  });

  it('should refuse a check-in secret to someone who is not a member as CHECKIN_NOT_A_MEMBER', async () => {
    const before = await countRows(db, ['member_devices']);
    const error = await failed(call(checkin, 'issueDeviceSecret', {}, a.residents[0]));
    expect(error.code).toBe('CHECKIN_NOT_A_MEMBER');
    expect(error.message).toMatch(CHINESE);
    expect(await countRows(db, ['member_devices'])).toEqual(before);
  });

  it('should have a test above for every code of the checkin context', () => {
    const tested = [
      'CHECKIN_NOT_A_MEMBER', 'CHECKIN_CODE_INVALID', 'CHECKIN_CODE_EXPIRED', 'CHECKIN_CODE_FROM_FUTURE', 'CHECKIN_CODE_REPLAYED',
      'CHECKIN_DEVICE_REVOKED', 'CHECKIN_NOT_ASSIGNED', 'CHECKIN_OUTSIDE_WINDOW', 'CHECKIN_ORDER_CLOSED', 'CHECKIN_ALREADY_IN',
      'CHECKIN_ALREADY_OUT', 'CHECKIN_NOT_CHECKED_IN', 'CHECKIN_JUST_CHECKED_IN', 'CHECKIN_VERIFIER_FORBIDDEN', 'CHECKIN_SCAN_ID_REUSED',
      'CHECKIN_OVERLAPS_OTHER_ORDER', 'CHECKIN_WALK_IN_FORBIDDEN', 'CHECKIN_WALK_IN_NOT_IN_COMMUNITY',
    ];
    // Offline queues (offline-queue.test.ts) have their own: chain order, device, times.
    const queueCodes = [
      'CHECKIN_OUT_BEFORE_IN', 'CHECKIN_SCAN_TIME_INVALID', 'CHECKIN_SCAN_TOO_OLD', 'CHECKIN_RESIDENT_ONLINE_ONLY', 'CHECKIN_NO_VERIFIER_DEVICE',
      'CHECKIN_DEVICE_UNKNOWN', 'CHECKIN_QUEUE_OUT_OF_ORDER', 'CHECKIN_QUEUE_SIGNATURE_INVALID', 'CHECKIN_QUEUE_TIME_BACKWARDS',
      'CHECKIN_QUEUE_BEFORE_SYNC', 'CHECKIN_QUEUE_BROKEN',
    ];
    // A code sealed under a retired CHECKIN_KEY: checkin-key-change.test.ts.
    const keyCodes = ['CHECKIN_DEVICE_KEY_RETIRED'];
    expect(Object.keys(checkinErrors.catalogue).sort()).toEqual([...tested, ...queueCodes, ...keyCodes].sort());
  });

  describe('verifiers other than the secretary', () => {
    it('should let the order’s leader check a member in and out', async () => {
      const [member, leader] = [a.members[4], a.members[5]];
      const order = await orderAcceptedBy([member], { leaderMemberId: leader.id });

      const checkedIn = await ok(scan(order.id, leader, { device: deviceOf(member) }));
      clock.advanceMinutes(45);
      const checkedOut = await ok(scan(order.id, leader, { device: deviceOf(member) }));

      expect(checkedIn).toMatchObject({ outcome: 'checked_in', duplicate: false, member: { id: member.id, name: member.name } });
      expect(checkedOut).toMatchObject({ outcome: 'checked_out', minutesCredited: 45, pendingApproval: false });
      expect(await db.query('select verifier_id, outcome from scans where order_id = $1 order by scanned_at', [order.id])).toEqual([
        { verifier_id: leader.id, outcome: 'checked_in' },
        { verifier_id: leader.id, outcome: 'checked_out' },
      ]);
      expect(await db.query('select member_id, minutes_credited, source, created_by from service_records where order_id = $1', [order.id]))
        .toEqual([{ member_id: member.id, minutes_credited: 45, source: 'scan', created_by: leader.id }]);
    });

    it('should let the resident who posted the need check the member in', async () => {
      const [resident] = a.residents;
      const member = a.members[6];
      const need = await ok(call(demands, 'post', {
        category: '社区服务', subItem: '家电、水电维修', description: '厨房水龙头漏水', address: '测试小区1栋101室', contactPhone: '13800001111',
      }, resident));
      const order = await orderAcceptedBy([member], { demandId: need.id, place: undefined });

      const verdict = await ok(scan(order.id, resident, { device: deviceOf(member) }));

      expect(verdict).toMatchObject({ outcome: 'checked_in', headline: `签到成功 · ${member.name}` });
      expect(await db.query('select verifier_id, member_id from scans where order_id = $1', [order.id])).toEqual([
        { verifier_id: resident.id, member_id: member.id },
      ]);
      expect(await attendanceOf(order.id)).toEqual([expect.objectContaining({ member_id: member.id, checked_in_at: today })]);
    });
  });
});
