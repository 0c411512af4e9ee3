import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as records } from '../../cloudfunctions/records/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import { makeCheckinCode, type DeviceSecret } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { countRows } from '../support/db-state';
import { buildCommunity, renewTokens, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const CHINESE = /[\u4e00-\u9fa5]/;
/** Monday 2026-11-23 09:00 in Shanghai. */
const START = new Date('2026-11-23T01:00:00Z');

describe('服务时长的完整性: every path that credits time obeys the same rules', () => {
  let db: Database;
  let a: TestCommunity;
  const clock = useWallClock(START);
  // Each test has a day of its own: a member serving in one test is not free in the next's.
  let testNumber = 0;
  let today = START;
  const at = (minutes: number) => new Date(today.getTime() + minutes * 60_000);
  const iso = (minutes: number) => at(minutes).toISOString();

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'H', { members: 6, residents: 1 });
  });
  beforeEach(async () => {
    today = new Date(START.getTime() + testNumber++ * 86_400_000);
    clock.set(today);
    await renewTokens(db, a);
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const m = (i: number) => a.members[i];
  const device = (who: TestUser): Promise<DeviceSecret> => ok(call(checkin, 'issueDeviceSecret', {}, who));
  const scan = (orderId: string, code: string, verifier: TestUser = a.secretary, extra: Record<string, unknown> = {}) =>
    call(checkin, 'scan', { scanId: randomUUID(), orderId, code, ...extra }, verifier);
  const scanNow = async (orderId: string, secret: DeviceSecret, verifier: TestUser = a.secretary) => ok(scan(orderId, makeCheckinCode(secret, new Date()), verifier));

  async function order(fromMinute: number, toMinute: number, overrides: Record<string, unknown> = {}) {
    return ok(call(orders, 'create', {
      title: '社区活动', category: '社区服务', place: '社区广场', startsAt: iso(fromMinute), endsAt: iso(toMinute), capacity: 3, dispatch: 'open', ...overrides,
    }, a.secretary));
  }
  async function accepted(fromMinute: number, toMinute: number, who: TestUser[], overrides: Record<string, unknown> = {}) {
    const created = await order(fromMinute, toMinute, { capacity: Math.max(who.length, 1), ...overrides });
    for (const member of who) await ok(call(orders, 'accept', { orderId: created.id }, member));
    return created;
  }
  const statusOf = async (orderId: string) => (await db.query<{ status: string }>('select status from orders where id = $1', [orderId]))[0].status;
  const everything = async () => ({
    counts: await countRows(db),
    orders: await db.query('select id, status, accepted_count, cancel_reason from orders order by id'),
    assignments: await db.query('select order_id, member_id, status from assignments order by order_id, member_id'),
  });

  describe('one member, one place at a time', () => {
    it('should refuse a hand entry overlapping the member’s record on another order, naming it, and take one that does not', async () => {
      const first = await order(0, 60, { title: '楼道清扫' });
      const second = await order(30, 90, { title: '义诊服务' });
      clock.set(at(180));
      await ok(call(records, 'enter', { orderId: first.id, memberId: m(0).id, startedAt: iso(0), endedAt: iso(60), reason: '签到表为证' }, a.secretary));
      const before = await everything();

      const error = await failed(call(records, 'enter', { orderId: second.id, memberId: m(0).id, startedAt: iso(30), endedAt: iso(90), reason: '签到表为证' }, a.secretary));

      expect(error.code).toBe('RECORD_OVERLAPS');
      expect(error.message).toContain('楼道清扫');
      expect(await everything()).toEqual(before);
      const later = await ok(call(records, 'enter', { orderId: second.id, memberId: m(0).id, startedAt: iso(60), endedAt: iso(90), reason: '签到表为证' }, a.secretary));
      expect(later.hoursCredited).toBe(0.5);
    });

    it('should refuse a correction that moves a record onto the member’s other service', async () => {
      const first = await order(0, 60);
      const second = await order(60, 120);
      clock.set(at(200));
      await ok(call(records, 'enter', { orderId: first.id, memberId: m(1).id, startedAt: iso(0), endedAt: iso(60), reason: '签到表' }, a.secretary));
      const other = await ok(call(records, 'enter', { orderId: second.id, memberId: m(1).id, startedAt: iso(60), endedAt: iso(120), reason: '签到表' }, a.secretary));
      const error = await failed(call(records, 'correct', { recordId: other.id, startedAt: iso(40), endedAt: iso(120), reason: '按签到表更正' }, a.secretary));
      expect(error.code).toBe('RECORD_OVERLAPS');
    });

    it('should show a directed order to its leader, though not sent to them', async () => {
      const led = await order(60, 120, { dispatch: 'directed', inviteeIds: [m(0).id], leaderMemberId: m(5).id });
      expect(await ok(call(orders, 'get', { orderId: led.id }, m(5)))).toMatchObject({ id: led.id, leaderMemberId: m(5).id, leaderName: m(5).name });
      expect((await failed(call(orders, 'get', { orderId: led.id }, m(4)))).code).toBe('FORBIDDEN');
    });

    it('should tell the member, before accepting, which accepted order the new one overlaps', async () => {
      const first = await accepted(60, 180, [m(2)], { title: '敬老院探访' });
      const second = await order(120, 240);
      const seen = await ok(call(orders, 'get', { orderId: second.id }, m(2)));
      expect(seen.myClashes).toEqual([{ id: first.id, title: '敬老院探访', startsAt: iso(60), endsAt: iso(180) }]);
      expect((await ok(call(orders, 'get', { orderId: second.id }, m(3)))).myClashes).toEqual([]);
    });
  });

  describe('the order life cycle', () => {
    it('should keep an open activity with free places open after its only member checks out, and in the hall', async () => {
      const activity = await accepted(0, 120, [m(0)], { capacity: 3 });
      const secret = await device(m(0));
      await scanNow(activity.id, secret);
      clock.set(at(10));
      await scanNow(activity.id, secret);
      expect(await statusOf(activity.id)).toBe('in_service');

      const hall = await ok(call(orders, 'listOpen', {}, m(1)));
      expect(hall.items.map((item: { id: string }) => item.id)).toContain(activity.id);
      expect((await ok(call(orders, 'accept', { orderId: activity.id }, m(1)))).acceptedCount).toBe(2);
      const scanner = await ok(call(checkin, 'verifiableOrders', {}, a.secretary));
      expect(scanner.items.map((item: { id: string }) => item.id)).toContain(activity.id);
      expect((await ok(call(orders, 'complete', { orderId: activity.id }, a.secretary))).status).toBe('completed');
    });

    it('should complete a full order when its last member checks out', async () => {
      const full = await accepted(0, 60, [m(0), m(1)]);
      const [one, two] = [await device(m(0)), await device(m(1))];
      await scanNow(full.id, one);
      await scanNow(full.id, two);
      clock.set(at(30));
      await scanNow(full.id, one);
      expect(await statusOf(full.id)).toBe('in_service');
      await scanNow(full.id, two);
      expect(await statusOf(full.id)).toBe('completed');
    });

    it('should refuse to complete before the start when nobody checked in', async () => {
      const later = await accepted(60, 120, [m(0)]);
      const before = await everything();
      expect((await failed(call(orders, 'complete', { orderId: later.id }, a.secretary))).code).toBe('ORDER_NOT_STARTED');
      expect(await everything()).toEqual(before);
    });

    /** A directed order sent to three members, one of whom accepted, then closed as `state`. */
    async function closed(state: 'cancelled' | 'completed') {
      const created = await order(0, 60, { dispatch: 'directed', inviteeIds: [m(0).id, m(1).id, m(2).id], capacity: 1 });
      await ok(call(orders, 'accept', { orderId: created.id }, m(0)));
      const secret = await device(m(0));
      if (state === 'cancelled') await ok(call(orders, 'cancel', { orderId: created.id, reason: '天气原因取消' }, a.secretary));
      else {
        await scanNow(created.id, secret);
        clock.set(at(30));
        await scanNow(created.id, secret);
        clock.set(at(31));
      }
      expect(await statusOf(created.id)).toBe(state);
      return { id: created.id, secret };
    }

    it.each(['cancelled', 'completed'] as const)('should refuse every member and secretary action on a %s order, changing nothing', async (state) => {
      const closedOrder = await closed(state);
      const actions: [string, () => Promise<unknown>, string][] = [
        ['accept', () => call(orders, 'accept', { orderId: closedOrder.id }, m(1)), 'ORDER_CLOSED'],
        ['decline', () => call(orders, 'decline', { orderId: closedOrder.id, reason: '有事' }, m(2)), 'ORDER_CLOSED'],
        ['cancelAcceptance', () => call(orders, 'cancelAcceptance', { orderId: closedOrder.id, reason: '有事' }, m(0)), 'ORDER_CLOSED'],
        ['cancel', () => call(orders, 'cancel', { orderId: closedOrder.id, reason: '再取消一次' }, a.secretary), 'ORDER_CLOSED'],
        ['complete', () => call(orders, 'complete', { orderId: closedOrder.id }, a.secretary), 'ORDER_CLOSED'],
        ['addWalkIn', () => call(records, 'addWalkIn', { orderId: closedOrder.id, memberId: m(3).id, reason: '现场参加' }, a.secretary), 'ORDER_CLOSED'],
        ['scan', () => scan(closedOrder.id, makeCheckinCode(closedOrder.secret, new Date())), 'CHECKIN_ORDER_CLOSED'],
      ];
      for (const [name, act, code] of actions) {
        const before = await everything();
        const error = await failed(act() as ReturnType<typeof call>);
        expect([name, error.code]).toEqual([name, code]);
        expect(error.message).toMatch(CHINESE);
        expect(await everything()).toEqual(before);
        clock.advanceMinutes(1);
      }
    });

    it('should return a need to the pool when its order is cancelled, tell the resident why, and let it be dispatched again', async () => {
      const [resident] = a.residents;
      const need = await ok(call(demands, 'post', {
        category: '社区服务', subItem: '家电、水电维修', description: '厨房水龙头漏水', address: '测试小区1栋101室', contactPhone: '13800001111',
      }, resident));
      const first = await ok(call(orders, 'create', {
        demandId: need.id, title: '家电、水电维修·上门服务', category: '社区服务', startsAt: iso(60), endsAt: iso(120), capacity: 1, dispatch: 'open',
      }, a.secretary));
      clock.advanceMinutes(5);
      await ok(call(orders, 'cancel', { orderId: first.id, reason: '维修师傅临时有事' }, a.secretary));

      const seen = await ok(call(demands, 'get', { demandId: need.id }, resident));
      expect(seen).toMatchObject({ status: 'submitted', order: null });
      expect(seen.timeline.at(-1).label).toBe('社区取消了这次派单：维修师傅临时有事。需求已退回待受理，社区将重新安排');
      const pool = await ok(call(demands, 'listForCommunity', { status: 'submitted' }, a.secretary));
      expect(pool.items.map((item: { id: string }) => item.id)).toContain(need.id);

      clock.advanceMinutes(5);
      const again = await ok(call(orders, 'create', {
        demandId: need.id, title: '家电、水电维修·上门服务', category: '社区服务', startsAt: iso(120), endsAt: iso(180), capacity: 1, dispatch: 'open',
      }, a.secretary));
      const now = await ok(call(demands, 'get', { demandId: need.id }, resident));
      expect(now).toMatchObject({ status: 'accepted', order: { id: again.id } });
    });

    it('should refuse an order title from a need that names the resident', async () => {
      const [resident] = a.residents;
      const need = await ok(call(demands, 'post', {
        category: '医疗卫生服务', description: '上门量血压', address: '测试小区1栋101室', contactPhone: '13800001111',
      }, resident));
      const before = await everything();
      const error = await failed(call(orders, 'create', {
        demandId: need.id, title: `医疗保健·${resident.name}`, category: '医疗卫生服务', startsAt: iso(60), endsAt: iso(120), capacity: 1, dispatch: 'open',
      }, a.secretary));
      expect(error).toMatchObject({ code: 'ORDER_TITLE_NAMES_RESIDENT', fields: { title: expect.stringMatching(CHINESE) } });
      expect(await everything()).toEqual(before);
    });
  });

  describe('scans', () => {
    it('should refuse the same code offered again on the same order as a replay, before any timing rule', async () => {
      const activity = await accepted(0, 60, [m(0)]);
      const secret = await device(m(0));
      const code = makeCheckinCode(secret, new Date());
      await ok(scan(activity.id, code));
      expect((await failed(scan(activity.id, code))).code).toBe('CHECKIN_CODE_REPLAYED');
    });
  });

  describe('the 8-hours-a-day rule on every path that credits time', () => {
    it('should hold a closed missing check-out that takes the day past 8 hours, capped at the scheduled length', async () => {
      const long = await order(0, 470);
      const short = await accepted(480, 540, [m(4)]);
      clock.set(at(480));
      await scanNow(short.id, await device(m(4)));
      clock.set(at(20 * 60));
      await ok(call(records, 'enter', { orderId: long.id, memberId: m(4).id, startedAt: iso(0), endedAt: iso(470), reason: '值守登记表' }, a.secretary));

      await ok(call(records, 'closeMissingCheckout', { orderId: short.id, memberId: m(4).id, checkedOutAt: iso(660), reason: '忘记签退，电话核实' }, a.secretary));

      const [closedRecord] = await db.query<{ minutes_credited: number; status: string }>('select minutes_credited, status from service_records where order_id = $1', [short.id]);
      expect(closedRecord).toEqual({ minutes_credited: 60, status: 'pending_approval' });
      const queues = await ok(call(records, 'queues', {}, a.secretary));
      expect(queues.pendingApproval).toBeGreaterThanOrEqual(1);
    });

    it('should cut a held day to 8 hours in all, audited', async () => {
      const long = await order(0, 470);
      const short = await order(480, 540);
      clock.set(at(600));
      await ok(call(records, 'enter', { orderId: long.id, memberId: m(5).id, startedAt: iso(0), endedAt: iso(470), reason: '值守登记表' }, a.secretary));
      const held = await ok(call(records, 'enter', { orderId: short.id, memberId: m(5).id, startedAt: iso(480), endedAt: iso(540), reason: '巡逻登记表' }, a.secretary));
      expect(held).toMatchObject({ status: 'pending_approval', dayCreditedHours: 7.83 });
      clock.advanceMinutes(1);

      const cut = await ok(call(records, 'cut', { recordId: held.id, reason: '当日已满8小时' }, a.secretary));

      expect(cut).toMatchObject({ status: 'credited', hoursCredited: 0.17, dayCreditedHours: null });
      const history = await ok(call(records, 'history', { recordId: held.id }, m(5)));
      expect(history.entries.at(-1)).toMatchObject({ action: 'cut_daily_overrun', reason: '当日已满8小时', after: { status: 'credited', minutesCredited: 10 } });
      expect((await failed(call(records, 'cut', { recordId: held.id, reason: '再核减' }, a.secretary))).code).toBe('RECORD_NOT_PENDING');
    });
  });

  describe('corrections and hand entries stay within their order', () => {
    it.each([
      ['a start a day before the order', -24 * 60, 60, 'startedAt'],
      ['a start long before the scan window opens', -31, 60, 'startedAt'],
      ['an end after the scan window closes', 0, 60 + 121, 'endedAt'],
    ])('should refuse %s as RECORD_OUTSIDE_ORDER, naming the field', async (_case, from, to, field) => {
      const served = await order(0, 60);
      clock.set(at(20 * 60));
      const record = await ok(call(records, 'enter', { orderId: served.id, memberId: m(0).id, startedAt: iso(0), endedAt: iso(60), reason: '签到表' }, a.secretary));
      const before = await everything();
      const error = await failed(call(records, 'correct', { recordId: record.id, startedAt: iso(from), endedAt: iso(to), reason: '更正' }, a.secretary));
      expect(error).toMatchObject({ code: 'RECORD_OUTSIDE_ORDER', fields: { [field]: expect.stringMatching(CHINESE) } });
      expect(await everything()).toEqual(before);
    });

    it('should refuse a start of year 0001', async () => {
      const served = await order(0, 60);
      clock.set(at(20 * 60));
      const record = await ok(call(records, 'enter', { orderId: served.id, memberId: m(1).id, startedAt: iso(0), endedAt: iso(60), reason: '签到表' }, a.secretary));
      const error = await failed(call(records, 'correct', { recordId: record.id, startedAt: '0001-01-01T00:00:00+08:00', endedAt: iso(60), reason: '更正' }, a.secretary));
      expect(['RECORD_OUTSIDE_ORDER', 'VALIDATION_FAILED']).toContain(error.code);
      expect((await ok(call(records, 'history', { recordId: record.id }, a.secretary))).record.hoursCredited).toBe(1);
    });

    it('should credit a hand entry at most the scheduled length', async () => {
      const served = await order(0, 60);
      clock.set(at(20 * 60));
      const record = await ok(call(records, 'enter', { orderId: served.id, memberId: m(2).id, startedAt: iso(-30), endedAt: iso(180), reason: '签到表' }, a.secretary));
      expect(record).toMatchObject({ hoursMeasured: 3.5, hoursCredited: 1 });
    });
  });

  describe('时长管理 for the secretary', () => {
    it('should add a walk-in by hand, show everyone’s hours on the order, and close the walk-in’s check-out', async () => {
      const activity = await accepted(0, 120, [m(0)]);
      await scanNow(activity.id, await device(m(0)));
      clock.set(at(5));

      const view = await ok(call(records, 'addWalkIn', { orderId: activity.id, memberId: m(3).id, reason: '老党员没有手机，现场参加' }, a.secretary));

      expect(view.members).toEqual(expect.arrayContaining([
        expect.objectContaining({ memberId: m(0).id, walkIn: false, checkedInAt: iso(0), record: null }),
        expect.objectContaining({ memberId: m(3).id, walkIn: true, assignmentStatus: 'accepted', checkedInAt: iso(5) }),
      ]));
      expect((await failed(call(records, 'addWalkIn', { orderId: activity.id, memberId: m(3).id, reason: '再加一次' }, a.secretary))).code).toBe('RECORD_ALREADY_ON_ORDER');
      clock.set(at(100));
      await ok(call(records, 'closeMissingCheckout', { orderId: activity.id, memberId: m(3).id, checkedOutAt: iso(95), reason: '活动结束时离开' }, a.secretary));
      const after = await ok(call(records, 'orderHours', { orderId: activity.id }, a.secretary));
      expect(after.members.find((row: { memberId: string }) => row.memberId === m(3).id).record).toMatchObject({ source: 'manual', hoursCredited: 1.5 });
      expect(after.totals).toEqual({ scannedHours: 0, manualHours: 1.5 });
      expect((await failed(call(records, 'orderHours', { orderId: activity.id }, m(0)))).code).toBe('FORBIDDEN');
    });

    it('should hold a home service scanned by the secretary until the resident confirms, or the secretary on her behalf', async () => {
      const [resident] = a.residents;
      const need = await ok(call(demands, 'post', {
        category: '社区服务', subItem: '家电、水电维修', description: '客厅的灯不亮了', address: '测试小区1栋101室', contactPhone: '13800001111',
      }, resident));
      const home = await ok(call(orders, 'create', {
        demandId: need.id, title: '家电、水电维修·上门服务', category: '社区服务', startsAt: iso(0), endsAt: iso(60), capacity: 1, dispatch: 'open',
      }, a.secretary));
      await ok(call(orders, 'accept', { orderId: home.id }, m(1)));
      const secret = await device(m(1));
      await scanNow(home.id, secret);
      clock.set(at(45));
      const out = await scanNow(home.id, secret);
      expect(out.headline).toContain('待居民确认');
      expect((await ok(call(demands, 'get', { demandId: need.id }, resident))).order).toMatchObject({ id: home.id, awaitingResident: true });
      expect((await ok(call(records, 'queues', {}, a.secretary))).awaitingResident).toBeGreaterThanOrEqual(1);
      expect(await ok(call(records, 'myHours', {}, m(1)))).toMatchObject({ awaitingResidentHours: 0.75 });

      const confirmed = await ok(call(records, 'confirmForResident', { orderId: home.id, reason: '居民没有智能手机，电话确认' }, a.secretary));

      const row = confirmed.members[0];
      expect(row.record).toMatchObject({ status: 'credited', residentConfirmed: true });
      const history = await ok(call(records, 'history', { recordId: row.record.id }, m(1)));
      expect(history.entries).toEqual([expect.objectContaining({ action: 'resident_confirmed_by_secretary', actorName: a.secretary.name, reason: '居民没有智能手机，电话确认' })]);
      expect((await failed(call(records, 'confirmForResident', { orderId: home.id, reason: '再确认' }, a.secretary))).code).toBe('RECORD_NOTHING_TO_CONFIRM');
    });

    it('should keep a member who has no phone, with a volunteer number and no login, and credit their service by hand', async () => {
      const kept = await ok(call(registration, 'keepMemberWithoutPhone', { name: '王大爷', gridId: a.gridIds[0], reason: '年事已高，没有手机' }, a.secretary));
      expect(kept).toMatchObject({ name: '王大爷', volunteerNo: expect.stringMatching(/^DY\d+$/) });
      expect(await db.query('select phone, password_hash, no_phone_reason from users where id = $1', [kept.memberId]))
        .toEqual([{ phone: null, password_hash: null, no_phone_reason: '年事已高，没有手机' }]);
      expect((await failed(call(registration, 'keepMemberWithoutPhone', { name: '李奶奶', reason: '没有手机' }, m(0)))).code).toBe('FORBIDDEN');

      const activity = await order(0, 90);
      await ok(call(records, 'addWalkIn', { orderId: activity.id, memberId: kept.memberId, reason: '没有手机，书记现场登记' }, a.secretary));
      clock.set(at(100));
      await ok(call(records, 'closeMissingCheckout', { orderId: activity.id, memberId: kept.memberId, checkedOutAt: iso(90), reason: '活动结束' }, a.secretary));
      const view = await ok(call(records, 'orderHours', { orderId: activity.id }, a.secretary));
      expect(view.members).toEqual([expect.objectContaining({ name: '王大爷', walkIn: true, record: expect.objectContaining({ hoursCredited: 1.5, source: 'manual' }) })]);
    });

    it('should let a member see their disputes with the secretary’s decision', async () => {
      const served = await accepted(0, 60, [m(2)]);
      clock.set(at(90));
      const dispute = await ok(call(records, 'dispute', { orderId: served.id, reason: '我去了但是没扫上码' }, m(2)));
      expect((await ok(call(records, 'queues', {}, a.secretary))).openDisputes).toBeGreaterThanOrEqual(1);
      expect((await ok(call(records, 'orderHours', { orderId: served.id }, a.secretary))).members[0].openDispute).toMatchObject({ id: dispute.id });
      await ok(call(records, 'resolveDispute', { disputeId: dispute.id, decision: 'upheld', resolution: '已按签到表补录' }, a.secretary));
      const mine = await ok(call(records, 'myDisputes', {}, m(2)));
      expect(mine.items[0]).toMatchObject({ id: dispute.id, status: 'upheld', resolution: '已按签到表补录' });
    });
  });
});
