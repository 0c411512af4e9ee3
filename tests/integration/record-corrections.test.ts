import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as records } from '../../cloudfunctions/records/index';
import { makeCheckinCode } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { countRows } from '../support/db-state';
import { buildCommunity, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 09:00 Shanghai.
const START = new Date('2026-11-23T01:00:00Z');
const at = (hhmm: string) => `2026-11-23T${hhmm}:00+08:00`;

describe('补录、更正、申诉: hand entries, corrections and disputes, all audited', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'M', { members: 4, residents: 0 });
    b = await buildCommunity(db, 'N', { members: 1, residents: 0 });
  });
  beforeEach(() => clock.set(START));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  /** A one-hour order 09:30–10:30 that `members` accepted; the clock is then moved to 12:00. */
  async function pastOrder(...members: TestUser[]) {
    const order = await ok(call(orders, 'create', { title: '义诊', category: '医疗卫生服务', place: '社区卫生站', startsAt: at('09:30'), endsAt: at('10:30'), capacity: 4, dispatch: 'open' }, a.secretary));
    for (const member of members) await ok(call(orders, 'accept', { orderId: order.id }, member));
    return order;
  }

  it('should let the secretary enter a service nobody scanned, capped at the scheduled length and kept apart from scans', async () => {
    const member = a.members[0];
    const order = await pastOrder(member);
    clock.set(new Date('2026-11-23T04:00:00Z'));
    const record = await ok(call(records, 'enter', { orderId: order.id, memberId: member.id, startedAt: at('09:30'), endedAt: at('11:30'), reason: '扫码手机没电，现场签到表为证' }, a.secretary));
    expect(record).toMatchObject({ source: 'manual', status: 'credited', hoursMeasured: 2, hoursCredited: 1 });
    const hours = await ok(call(records, 'myHours', {}, member));
    expect(hours).toMatchObject({ manualHours: 1, scannedHours: 0, creditedHours: 1 });
    const history = await ok(call(records, 'history', { recordId: record.id }, member));
    expect(history.entries).toEqual([expect.objectContaining({ action: 'manual_entry', actorName: a.secretary.name, reason: '扫码手机没电，现场签到表为证' })]);
    expect((await failed(call(records, 'enter', { orderId: order.id, memberId: member.id, startedAt: at('09:30'), endedAt: at('10:00'), reason: '再补一次' }, a.secretary))).code).toBe('RECORD_ALREADY_EXISTS');
  });

  it('should refuse hand entries that break the rules, writing nothing', async () => {
    const order = await pastOrder();
    const before = await countRows(db, ['service_records', 'record_audit']);
    const enter = (overrides: Record<string, unknown>, who: TestUser = a.secretary) =>
      failed(call(records, 'enter', { orderId: order.id, memberId: a.members[1].id, startedAt: at('09:30'), endedAt: at('10:30'), reason: '补录', ...overrides }, who));
    expect((await enter({})).code).toBe('RECORD_ORDER_NOT_STARTED');
    clock.set(new Date('2026-11-23T04:00:00Z'));
    expect((await enter({ memberId: b.members[0].id })).code).toBe('RECORD_MEMBER_NOT_IN_COMMUNITY');
    expect((await enter({ endedAt: at('09:00') })).fields).toEqual({ endedAt: '结束时间须晚于开始时间' });
    expect((await enter({ endedAt: at('13:00') })).code).toBe('RECORD_END_IN_FUTURE');
    expect((await enter({}, b.secretary)).code).toBe('FORBIDDEN');
    expect((await enter({}, a.members[0])).code).toBe('FORBIDDEN');
    expect(await countRows(db, ['service_records', 'record_audit'])).toEqual(before);
  });

  it('should correct a scanned record into a hand entry and keep the scanned values in its history', async () => {
    const member = a.members[2];
    const order = await pastOrder(member);
    const device = await ok(call(checkin, 'issueDeviceSecret', {}, member));
    const scan = (scannedAt: string) => {
      clock.set(new Date(scannedAt));
      return ok(call(checkin, 'scan', { scanId: randomUUID(), orderId: order.id, code: makeCheckinCode(device, new Date(scannedAt)) }, a.secretary));
    };
    await scan(at('09:25'));
    const out = await scan(at('09:40'));
    clock.set(new Date('2026-11-23T04:00:00Z'));
    expect(out.minutesCredited).toBe(15);
    const [{ id: recordId }] = await db.query<{ id: string }>('select id from service_records where order_id = $1 and member_id = $2', [order.id, member.id]);

    const corrected = await ok(call(records, 'correct', { recordId, startedAt: at('09:25'), endedAt: at('10:40'), reason: '签退时扫错了人，按现场记录更正' }, a.secretary));
    expect(corrected).toMatchObject({ source: 'manual', hoursCredited: 1 });
    const { entries } = await ok(call(records, 'history', { recordId }, a.secretary));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'correction', before: { source: 'scan', minutesCredited: 15 }, after: { source: 'manual', minutesCredited: 60 } });
    expect((await failed(call(records, 'history', { recordId }, a.members[0]))).code).toBe('FORBIDDEN');
    // 服务时长更正 (issue 16): the member is told, before → after and why, once per change.
    const told = await db.query<{ body: string; page: string }>(`select body, page from notifications where user_id = $1 and kind = 'record_corrected'`, [member.id]);
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('由15分钟改为1小时');
    expect(told[0].body).toContain('签退时扫错了人');
    expect(told[0].page).toBe(`/pages/member/record-detail/index?id=${recordId}`);
  });

  it('should hold hand-entered hours over 8 on one day for approval, like scans', async () => {
    const member = a.members[3];
    const long = await ok(call(orders, 'create', { title: '防汛值守', category: '抢险救灾及突发事件应急', place: '河堤', startsAt: at('09:05'), endsAt: at('17:05'), capacity: 2, dispatch: 'open' }, a.secretary));
    const short = await ok(call(orders, 'create', { title: '夜间巡逻', category: '社区服务', place: '小区', startsAt: at('17:30'), endsAt: at('19:30'), capacity: 2, dispatch: 'open' }, a.secretary));
    clock.set(new Date('2026-11-23T12:00:00Z'));
    const first = await ok(call(records, 'enter', { orderId: long.id, memberId: member.id, startedAt: at('09:05'), endedAt: at('17:05'), reason: '值守登记表' }, a.secretary));
    const second = await ok(call(records, 'enter', { orderId: short.id, memberId: member.id, startedAt: at('17:30'), endedAt: at('19:30'), reason: '巡逻登记表' }, a.secretary));
    expect([first.status, second.status]).toEqual(['credited', 'pending_approval']);
  });

  it('should let a member dispute once at a time and the secretary decide, in words', async () => {
    const member = a.members[0];
    const order = await pastOrder(member);
    clock.set(new Date('2026-11-23T04:00:00Z'));
    const dispute = await ok(call(records, 'dispute', { orderId: order.id, reason: '我全程参加了，但没有记录' }, member));
    expect(dispute).toMatchObject({ status: 'open', recordId: null, memberName: member.name, orderTitle: '义诊' });
    expect((await failed(call(records, 'dispute', { orderId: order.id, reason: '再申诉一次' }, member))).code).toBe('RECORD_DISPUTE_OPEN');
    expect((await failed(call(records, 'dispute', { orderId: order.id, reason: '我也来' }, a.members[1]))).code).toBe('RECORD_NO_SERVICE');

    const open = await ok(call(records, 'listDisputes', { status: 'open' }, a.secretary));
    expect(open.items.map((item: { id: string }) => item.id)).toContain(dispute.id);
    expect((await failed(call(records, 'listDisputes', { communityId: a.communityId }, b.secretary))).code).toBe('FORBIDDEN');

    const resolved = await ok(call(records, 'resolveDispute', { disputeId: dispute.id, decision: 'upheld', resolution: '经核实属实，已补录' }, a.secretary));
    expect(resolved).toMatchObject({ status: 'upheld', resolution: '经核实属实，已补录' });
    expect((await failed(call(records, 'resolveDispute', { disputeId: dispute.id, decision: 'rejected', resolution: '改判' }, a.secretary))).code).toBe('RECORD_DISPUTE_CLOSED');
    // 申诉处理结果 (issue 16): the member who disputed is told the decision in the secretary's words, once.
    const decided = await db.query<{ user_id: string; body: string }>(`select user_id, body from notifications where event_key = $1`, [`dispute-decided:${dispute.id}`]);
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ user_id: member.id, body: expect.stringContaining('经核实属实，已补录') });
    await ok(call(records, 'dispute', { orderId: order.id, reason: '补录的时长不对' }, member));
  });
});
