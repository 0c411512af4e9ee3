import { randomUUID } from 'node:crypto';
import { main as notifyFn } from '../../cloudfunctions/notify/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { loadConfig, type AppConfig } from '../../cloudfunctions/_core/config/config';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { PRESETS } from '../../cloudfunctions/_core/assessment/presets';
import { planOrderReminders } from '../../cloudfunctions/_core/notify/planners/order-reminders';
import { quarterNoticeDue } from '../../cloudfunctions/_core/notify/planners/quarter-without-service';
import { reportReminderDue } from '../../cloudfunctions/_core/notify/planners/quarterly-report-due';
import { tick } from '../../cloudfunctions/_core/notify/worker/tick';
import type { SubscribeMessage } from '../../cloudfunctions/_core/notify/wechat/sender';
import { addActivity, addService, setCommunityJoined } from '../support/assessment-fixtures';
import { call, failed, ok } from '../support/call';
import type { SentStatement } from '../support/statement-log';
import { nodesOf, planOf } from '../support/statement-plans';
import { useWallClock } from '../support/clock';
import { buildTwoDistricts, renewTokens, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

let db: Database;
let a: TestCommunity;
let b: TestCommunity;
let other: TestCommunity;
let districtAdmin: TestUser;
let otherDistrictAdmin: TestUser;
let unitAdmin: TestUser;
let config: AppConfig;
let clock: ReturnType<typeof useWallClock>;

/** Beijing time, as the district and its members read it. */
const bj = (text: string) => new Date(`${text}:00+08:00`);
// Tuesday 10 November 2026, 10:00 in Beijing.
const TUESDAY = bj('2026-11-10T10:00');

beforeAll(async () => {
  clock = useWallClock(TUESDAY);
  db = await openSuiteDatabase();
  ({ a, b, other, districtAdmin, otherDistrictAdmin, unitAdmin } = await buildTwoDistricts(db, ['醒甲', '醒乙', '醒外'], { a: { members: 6, residents: 1 }, other: { members: 2 } }));
  config = {
    ...loadConfig(),
    SUBSCRIBE_TEMPLATES: { service_reminder: { id: 'tmpl-reminder', keywords: { thing1: 'activity', time2: 'time', thing3: 'place' } } },
  };
});
afterAll(async () => {
  clock.restore();
  await db.close();
});

/** Sets the wall clock (what the actions read) and gives everyone a session that is valid then. */
async function at(when: Date) {
  clock.set(when);
  await renewTokens(db, a, b, other);
}

let worker = 0;
/** One worker tick at `now`, by a new worker each time unless named (a worker restarted is a new one). */
const tickAt = (now: Date, options: { workerId?: string; sender?: (message: SubscribeMessage) => Promise<void> } = {}) =>
  tick(db, now, { workerId: options.workerId ?? `test-worker-${++worker}`, config, sender: options.sender, budgetMs: 60_000 });

const activity = (community: TestCommunity, startsAt: Date, title: string) =>
  ok<{ id: string }>(call(orders, 'create', {
    title, category: '环保绿化服务', place: '社区文化广场', startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(), capacity: 6, dispatch: 'open', cancelCutoffMinutes: 0,
  }, community.secretary));
const accept = (orderId: string, member: TestUser) => ok(call(orders, 'accept', { orderId }, member));

const remindersOf = (orderId: string) =>
  db.query<{ user_id: string; event_key: string; title: string; body: string; page: string; created_at: Date }>(
    `select user_id, event_key, title, body, page, created_at from notifications
      where kind = 'order_reminder' and event_key like $1 order by created_at, user_id`,
    [`order_reminder:${orderId}:%`],
  );
const keysOf = async (orderId: string) => (await remindersOf(orderId)).map((row) => `${row.user_id}:${row.event_key.split(':')[2]}`).sort();
const key = (member: TestUser, which: 'evening' | 'lead') => `${member.id}:${which}`;

describe('notify.settings / notify.updateSettings', () => {
  beforeEach(() => at(TUESDAY));

  test('a district nobody set answers the defaults (5 working days, 5 working days, 20:00, 60 minutes), never changed', async () => {
    await db.query(`delete from district_settings where district_id = $1`, [other.districtId]);
    expect(await ok(call(notifyFn, 'settings', {}, otherDistrictAdmin))).toEqual({
      noticeWorkingDays: 5, briefDeadlineWorkingDays: 5, reminderEveningTime: '20:00', reminderLeadMinutes: 60, updatedAt: null, updatedBy: null,
    });
  });

  test("the admin saves her own district's timings, with her name and the time; the other district keeps its own", async () => {
    const saved = await ok(call(notifyFn, 'updateSettings', { noticeWorkingDays: 3, briefDeadlineWorkingDays: 7, reminderEveningTime: '19:30', reminderLeadMinutes: 90 }, districtAdmin));
    expect(saved).toEqual({ noticeWorkingDays: 3, briefDeadlineWorkingDays: 7, reminderEveningTime: '19:30', reminderLeadMinutes: 90, updatedAt: TUESDAY.toISOString(), updatedBy: districtAdmin.name });
    expect(await ok(call(notifyFn, 'settings', {}, districtAdmin))).toEqual(saved);
    expect(await db.query(`select notice_working_days, updated_by from district_settings where district_id = $1`, [a.districtId])).toEqual([{ notice_working_days: 3, updated_by: districtAdmin.id }]);
    expect(await ok(call(notifyFn, 'settings', {}, otherDistrictAdmin))).toMatchObject({ reminderEveningTime: '20:00', updatedBy: null });
    // Back to what the other tests of this suite count on: no notice, the default reminders.
    await ok(call(notifyFn, 'updateSettings', { noticeWorkingDays: 0, briefDeadlineWorkingDays: 5, reminderEveningTime: '20:00', reminderLeadMinutes: 60 }, districtAdmin));
  });

  test('a secretary, a member and a unit admin are refused with FORBIDDEN, and nothing changes', async () => {
    const before = await db.query(`select * from district_settings order by district_id`);
    for (const user of [a.secretary, a.members[0], unitAdmin]) {
      expect((await failed(call(notifyFn, 'settings', {}, user))).code).toBe('FORBIDDEN');
      const error = await failed(call(notifyFn, 'updateSettings', { noticeWorkingDays: 1, briefDeadlineWorkingDays: 1, reminderEveningTime: '21:00', reminderLeadMinutes: 0 }, user));
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(await db.query(`select * from district_settings order by district_id`)).toEqual(before);
  });

  test.each([
    [{ noticeWorkingDays: 31 }, 'noticeWorkingDays', '预约预告提前工作日不能大于30'],
    [{ noticeWorkingDays: -1 }, 'noticeWorkingDays', '预约预告提前工作日不能小于0'],
    [{ noticeWorkingDays: 2.5 }, 'noticeWorkingDays', '预约预告提前工作日须为整数'],
    [{ briefDeadlineWorkingDays: 0 }, 'briefDeadlineWorkingDays', '简讯提交期限（工作日）不能小于1'],
    [{ briefDeadlineWorkingDays: '5' }, 'briefDeadlineWorkingDays', '简讯提交期限（工作日）须为数字'],
    [{ reminderEveningTime: '24:00' }, 'reminderEveningTime', '前一晚提醒时间须为时:分，例如 20:00'],
    [{ reminderEveningTime: '8:00' }, 'reminderEveningTime', '前一晚提醒时间须为时:分，例如 20:00'],
    [{ reminderEveningTime: 2000 }, 'reminderEveningTime', '请填写前一晚提醒时间'],
    [{ reminderLeadMinutes: 721 }, 'reminderLeadMinutes', '开始前提醒（分钟）不能大于720'],
    [{ reminderLeadMinutes: undefined }, 'reminderLeadMinutes', '开始前提醒（分钟）须为数字'],
  ])('refuses %j naming the field', async (change, fieldName, message) => {
    const input = { noticeWorkingDays: 0, briefDeadlineWorkingDays: 5, reminderEveningTime: '20:00', reminderLeadMinutes: 60, ...change };
    const error = await failed(call(notifyFn, 'updateSettings', input, districtAdmin));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual({ [fieldName]: message });
  });

  test('00:00 and 23:59, 0 and 720 minutes, 0 and 30 working days are accepted', async () => {
    for (const edge of [
      { noticeWorkingDays: 30, briefDeadlineWorkingDays: 30, reminderEveningTime: '00:00', reminderLeadMinutes: 720 },
      { noticeWorkingDays: 0, briefDeadlineWorkingDays: 1, reminderEveningTime: '23:59', reminderLeadMinutes: 0 },
    ]) {
      expect(await ok(call(notifyFn, 'updateSettings', edge, districtAdmin))).toMatchObject(edge);
    }
    await ok(call(notifyFn, 'updateSettings', { noticeWorkingDays: 0, briefDeadlineWorkingDays: 5, reminderEveningTime: '20:00', reminderLeadMinutes: 60 }, districtAdmin));
  });
});

describe('reminders before the start', () => {
  // Thursday 12 November, 09:00: the evening reminder is due on Wednesday at 20:00, the lead one at 08:00.
  const START = bj('2026-11-12T09:00');

  test('the evening before at 20:00 and an hour before, each once per accepted member, across ticks and a restarted worker', async () => {
    await at(TUESDAY);
    const order = await activity(a, START, '社区环境清洁日');
    const [early, late, quitter, last] = a.members;
    await accept(order.id, early);
    await accept(order.id, quitter);
    await at(bj('2026-11-11T12:00'));
    await ok(call(orders, 'cancelAcceptance', { orderId: order.id, reason: '临时有事' }, quitter));

    await tickAt(bj('2026-11-11T19:59'));
    expect(await keysOf(order.id)).toEqual([]);
    await tickAt(bj('2026-11-11T20:00'));
    expect(await keysOf(order.id)).toEqual([key(early, 'evening')]);
    const [evening] = await remindersOf(order.id);
    expect(evening).toMatchObject({ title: '明天有服务：社区环境清洁日', page: `/pages/member/order-detail/index?id=${order.id}` });
    expect(evening.body).toContain('明天开始。时间：2026-11-12 09:00，地点：社区文化广场');
    await tickAt(bj('2026-11-11T20:05'), { workerId: 'same' });
    await tickAt(bj('2026-11-11T20:05'), { workerId: 'same' });

    // Accepting after the evening reminder's time: not that one (the acceptance just told them), the next one.
    await at(bj('2026-11-11T20:30'));
    await accept(order.id, late);
    await tickAt(bj('2026-11-11T20:35'));
    await tickAt(bj('2026-11-12T07:59'));
    expect(await keysOf(order.id)).toEqual([key(early, 'evening')]);

    await tickAt(bj('2026-11-12T08:00'));
    expect(await keysOf(order.id)).toEqual([key(early, 'evening'), key(early, 'lead'), key(late, 'lead')].sort());
    const lead = (await remindersOf(order.id)).find((row) => row.user_id === late.id)!;
    expect(lead.title).toBe('服务快开始了：社区环境清洁日');
    expect(lead.body).toContain('1小时后开始');
    // A worker restarted (a new one) and the same one again: nothing twice.
    await tickAt(bj('2026-11-12T08:01'), { workerId: 'restarted' });
    await tickAt(bj('2026-11-12T08:02'), { workerId: 'restarted' });

    await at(bj('2026-11-12T08:30'));
    await accept(order.id, last);
    await tickAt(bj('2026-11-12T08:45'));
    await tickAt(bj('2026-11-12T09:00'));
    await tickAt(bj('2026-11-12T09:30'));
    expect(await keysOf(order.id)).toEqual([key(early, 'evening'), key(early, 'lead'), key(late, 'lead')].sort());
    expect((await remindersOf(order.id)).filter((row) => row.user_id === quitter.id || row.user_id === last.id)).toEqual([]);
  });

  test('a worker down through the evening sends no stale evening reminder once the lead one is due; none after the start', async () => {
    await at(TUESDAY);
    const start = bj('2026-11-13T10:00');
    const order = await activity(a, start, '垃圾分类宣传');
    await accept(order.id, a.members[0]);
    await tickAt(bj('2026-11-13T09:10'));
    expect(await keysOf(order.id)).toEqual([key(a.members[0], 'lead')]);

    const missed = await activity(a, bj('2026-11-14T10:00'), '义务理发');
    await accept(missed.id, a.members[0]);
    await tickAt(bj('2026-11-14T10:00'));
    expect(await keysOf(missed.id)).toEqual([]);
  });

  test("the district's own times: at 19:30, none an hour before when the lead minutes are 0, the evening one until the start", async () => {
    await at(TUESDAY);
    await ok(call(notifyFn, 'updateSettings', { noticeWorkingDays: 0, briefDeadlineWorkingDays: 5, reminderEveningTime: '19:30', reminderLeadMinutes: 0 }, districtAdmin));
    try {
      const order = await activity(b, bj('2026-11-16T08:00'), '敬老院探访');
      await accept(order.id, b.members[0]);
      await tickAt(bj('2026-11-15T19:29'));
      expect(await keysOf(order.id)).toEqual([]);
      await tickAt(bj('2026-11-15T19:30'));
      expect(await keysOf(order.id)).toEqual([key(b.members[0], 'evening')]);
      // Accepted after 19:30, before the start: there is no next reminder, so none.
      await at(bj('2026-11-15T21:00'));
      await accept(order.id, b.members[1]);
      await tickAt(bj('2026-11-16T07:59'));
      expect(await keysOf(order.id)).toEqual([key(b.members[0], 'evening')]);
    } finally {
      await at(TUESDAY);
      await ok(call(notifyFn, 'updateSettings', { noticeWorkingDays: 0, briefDeadlineWorkingDays: 5, reminderEveningTime: '20:00', reminderLeadMinutes: 60 }, districtAdmin));
    }
  });

  test('an order moved to another day after its evening reminder is reminded of again the evening before its new day', async () => {
    await at(TUESDAY);
    const member = a.members[3];
    const order = await activity(a, bj('2026-11-24T09:00'), '冬季防火宣传');
    await accept(order.id, member);
    await tickAt(bj('2026-11-23T20:00'));
    await at(bj('2026-11-23T21:00'));
    await ok(call(orders, 'change', { orderId: order.id, startsAt: bj('2026-11-25T09:00').toISOString(), endsAt: bj('2026-11-25T11:00').toISOString(), reason: '天气预报有大雨', acceptShortNotice: true }, a.secretary));
    await tickAt(bj('2026-11-24T08:00'));
    expect((await remindersOf(order.id)).map((row) => row.event_key)).toEqual([`order_reminder:${order.id}:evening:2026-11-24`]);
    await tickAt(bj('2026-11-24T20:00'));
    await tickAt(bj('2026-11-25T08:00'));
    await tickAt(bj('2026-11-25T08:05'));
    const rows = await remindersOf(order.id);
    expect(rows.map((row) => row.event_key)).toEqual([
      `order_reminder:${order.id}:evening:2026-11-24`, `order_reminder:${order.id}:evening:2026-11-25`, `order_reminder:${order.id}:lead:2026-11-25T09:00`,
    ]);
    expect(rows[1].body).toContain('时间：2026-11-25 09:00');
  });

  test('a member who turned 服务开始前提醒 off gets none; a cancelled order reminds nobody', async () => {
    await at(TUESDAY);
    const [quiet, other1] = [a.members[4], a.members[5]];
    await ok(call(notifyFn, 'setPreference', { kind: 'order_reminder', enabled: false }, quiet));
    const order = await activity(a, bj('2026-11-17T09:00'), '便民维修');
    await accept(order.id, quiet);
    await accept(order.id, other1);
    const cancelled = await activity(a, bj('2026-11-17T09:00'), '健康讲座');
    await accept(cancelled.id, other1);
    await ok(call(orders, 'cancel', { orderId: cancelled.id, reason: '讲师生病' }, a.secretary));
    await tickAt(bj('2026-11-16T20:00'));
    expect(await keysOf(order.id)).toEqual([key(other1, 'evening')]);
    expect(await keysOf(cancelled.id)).toEqual([]);
  });

  test('a reminder goes to WeChat once, though the worker sending it died mid-send and another took over', async () => {
    await at(TUESDAY);
    const member = a.members[2];
    await db.query(`update users set wx_openid = $2 where id = $1`, [member.id, `openid-${member.id}`]);
    await db.query(`insert into wechat_subscription_credits (user_id, template_id, credits, updated_at) values ($1, 'tmpl-reminder', 2, now())`, [member.id]);
    const order = await activity(a, bj('2026-11-19T09:00'), '社区义诊');
    await accept(order.id, member);
    const sends: SubscribeMessage[] = [];
    let reached!: () => void;
    const sending = new Promise<void>((resolve) => (reached = resolve));
    // The first worker's send goes out and never comes back: its process died there.
    void tickAt(bj('2026-11-18T20:00'), {
      workerId: 'dies',
      sender: (message) => {
        sends.push(message);
        reached();
        return new Promise<void>(() => undefined);
      },
    });
    await sending;
    const survivor = async (message: SubscribeMessage) => void sends.push(message);
    await tickAt(bj('2026-11-18T20:05'), { sender: survivor });
    await tickAt(bj('2026-11-18T20:10'), { sender: survivor });
    expect(await keysOf(order.id)).toEqual([key(member, 'evening')]);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ touser: `openid-${member.id}`, templateId: 'tmpl-reminder', data: { thing1: { value: '社区义诊' }, time2: { value: '2026年11月19日 09:00' }, thing3: { value: '社区文化广场' } } });
    // The lead one, the next morning, is a message of its own.
    await tickAt(bj('2026-11-19T08:00'), { sender: survivor });
    expect(sends).toHaveLength(2);
  });

  test("is cheap on a large district: its reads go by index, the orders' by their start within two days", async () => {
    await at(TUESDAY);
    const order = await activity(b, bj('2026-11-21T09:00'), '读书会');
    await accept(order.id, b.members[2]);
    const sent: SentStatement[] = [];
    await db.transaction((tx) =>
      planOrderReminders({ query: (sql, params) => (sent.push({ sql, params: params ?? [] }), tx.query(sql, params)) }, bj('2026-11-20T20:00')),
    );
    expect(await keysOf(order.id)).toEqual([key(b.members[2], 'evening')]);
    const [ordersRead, pendingRead] = sent;
    expect(sent.slice(0, 2).map((statement) => /from orders o/.test(statement.sql))).toEqual([true, false]);
    const scans = (plan: Awaited<ReturnType<typeof planOf>>) => nodesOf(plan).filter((node) => node['Relation Name']).map((node) => `${node['Relation Name']}:${node['Node Type']}:${node['Index Name'] ?? ''}`);
    const ordersPlan = scans(await planOf(db, ordersRead));
    expect(ordersPlan.filter((entry) => entry.startsWith('orders:'))).toEqual([expect.stringMatching(/^orders:(Index|Bitmap Heap) Scan:/)]);
    expect(nodesOf(await planOf(db, ordersRead)).some((node) => node['Index Name'] === 'orders_status_start')).toBe(true);
    expect(scans(await planOf(db, pendingRead)).filter((entry) => /Seq Scan/.test(entry))).toEqual([]);
  });
});


/** The user signs in through WeChat and granted one 服务提醒; answers a fake send that keeps what reached them. */
async function onWechat(user: TestUser) {
  await db.query(`update users set wx_openid = $2 where id = $1`, [user.id, `openid-${user.id}`]);
  await db.query(
    `insert into wechat_subscription_credits (user_id, template_id, credits, updated_at) values ($1, 'tmpl-reminder', 1, now())
     on conflict (user_id, template_id) do update set credits = 1`,
    [user.id],
  );
  const sent: { touser: string; data: SubscribeMessage['data'] }[] = [];
  return { sent, send: async (message: SubscribeMessage) => void (message.touser === `openid-${user.id}` && sent.push({ touser: message.touser, data: message.data })) };
}

const rowsOfKind = (kind: string) =>
  db.query<{ user_id: string; event_key: string; title: string; body: string; page: string | null; created_at: Date }>(
    `select user_id, event_key, title, body, page, created_at from notifications where kind = $1 order by event_key`,
    [kind],
  );

describe('本季度尚无服务 (quarter_without_service)', () => {
  beforeAll(async () => {
    // District a (communities a and b) is held to 台山 2012, whose 每季度至少参与义工服务1次 the warnings check; the
    // other district to the default 台山 2020, which asks nothing of a quarter.
    await db.query(
      `insert into assessment_rule_sets (id, district_id, street_id, year, version, preset, document, reason, chosen_by, chosen_at)
       values ($1, $2, null, 2026, 1, null, $3::jsonb, '按区委要求选用', $4, now())`,
      [randomUUID(), a.districtId, JSON.stringify(PRESETS['taishan-2012']), districtAdmin.id],
    );
    for (const member of [...a.members, ...b.members, ...other.members]) await setCommunityJoined(db, member.id, '2024-06-01T02:00:00Z');
    // Everyone served in each of the first three quarters but a's last member, who missed the second: the year's
    // quarterly rule is lost for them already, and the warnings (so this notice) no longer press it.
    for (const community of [a, b]) {
      const orderId = await addActivity(db, { communityId: community.communityId, startsAt: '2026-02-10T09:00:00+08:00', createdBy: community.secretary.id });
      for (const member of community.members) {
        for (const day of ['2026-02-10', '2026-05-10', '2026-08-10']) {
          if (member === a.members[5] && day === '2026-05-10') continue;
          await addService(db, { orderId, memberId: member.id, communityId: community.communityId, serviceDate: day, minutes: 90, createdBy: community.secretary.id });
        }
      }
    }
    const orderId = await addActivity(db, { communityId: a.communityId, startsAt: '2026-10-15T09:00:00+08:00', createdBy: a.secretary.id });
    await addService(db, { orderId, memberId: a.members[0].id, communityId: a.communityId, serviceDate: '2026-10-15', minutes: 90, createdBy: a.secretary.id });
  });

  test('is due from 09:00 on the 1st of the quarter\'s last month until the quarter ends', () => {
    expect(quarterNoticeDue(bj('2026-11-30T23:59'))).toBeNull();
    expect(quarterNoticeDue(bj('2026-12-01T08:59'))).toBeNull();
    expect(quarterNoticeDue(bj('2026-12-01T09:00'))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterNoticeDue(bj('2026-12-31T23:59'))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterNoticeDue(bj('2027-01-01T09:00'))).toBeNull();
    expect(quarterNoticeDue(bj('2027-03-15T09:00'))).toEqual({ year: 2027, quarter: 1 });
  });

  test('on 1 December each member held to the quarter without a service hears it once, across ticks; who served, who lost the rule for the year already, or whose rules ask nothing of a quarter does not', async () => {
    const wechat = await onWechat(a.members[1]);
    await tickAt(bj('2026-12-01T08:59'), { sender: wechat.send });
    expect(await rowsOfKind('quarter_without_service')).toEqual([]);
    await tickAt(bj('2026-12-01T09:00'), { sender: wechat.send });
    expect(wechat.sent).toEqual([{ touser: `openid-${a.members[1].id}`, data: { thing1: { value: '第四季度服务' }, time2: { value: '2026年12月31日 23:59' }, thing3: { value: '测试社区醒甲' } } }]);
    await tickAt(bj('2026-12-01T09:05'), { workerId: 'restarted' });
    await tickAt(bj('2026-12-15T10:00'));
    const rows = await rowsOfKind('quarter_without_service');
    const expected = [...a.members.slice(1, 5), ...b.members].map((member) => `quarter_without_service:${member.id}:2026Q4`).sort();
    expect(rows.map((row) => row.event_key)).toEqual(expected);
    expect(rows.map((row) => row.user_id)).not.toContain(a.members[0].id);
    expect(rows.map((row) => row.user_id)).not.toContain(a.members[5].id);
    expect(rows[0]).toMatchObject({ title: '第四季度您还没有参加服务', page: '/pages/member/order-hall/index', created_at: bj('2026-12-01T09:00') });
    expect(rows[0].body).toContain('第四季度还没有服务，12月31日前需完成1次');
    expect(rows[0].body).toContain('接单大厅');
    // One job per community and quarter, done.
    const jobs = await db.query<{ job_key: string; done_at: Date | null }>(`select job_key, done_at from jobs where kind = 'notify.quarter_without_service' order by job_key`);
    expect(jobs.map((job) => job.job_key)).toEqual([a, b, other].map((community) => `quarter_without_service:${community.communityId}:2026Q4`).sort());
    expect(jobs.every((job) => job.done_at !== null)).toBe(true);
  });
});

describe('季报表报送 (quarterly_report_due)', () => {
  test('is due on the 21st and the 27th of the quarter\'s last month from 09:00, the 21st\'s until the 26th', () => {
    expect(reportReminderDue(bj('2026-12-20T12:00'))).toBeNull();
    expect(reportReminderDue(bj('2026-12-21T08:59'))).toBeNull();
    expect(reportReminderDue(bj('2026-12-21T09:00'))).toEqual({ ref: { year: 2026, quarter: 4 }, day: '2026-12-21' });
    expect(reportReminderDue(bj('2026-12-26T23:00'))).toEqual({ ref: { year: 2026, quarter: 4 }, day: '2026-12-21' });
    expect(reportReminderDue(bj('2026-12-27T08:00'))).toBeNull();
    expect(reportReminderDue(bj('2026-12-28T20:00'))).toEqual({ ref: { year: 2026, quarter: 4 }, day: '2026-12-27' });
    expect(reportReminderDue(bj('2026-12-29T09:00'))).toBeNull();
    expect(reportReminderDue(bj('2026-11-21T09:00'))).toBeNull();
  });

  test('the secretaries and unit admins whose report is not submitted hear it on the 21st and on the 27th, once each', async () => {
    const submit = (ownerColumn: 'community_id' | 'unit_id', ownerId: string, by: string, at: Date) =>
      db.query(
        `insert into quarterly_reports (id, ${ownerColumn}, year, quarter, version, figures, submitted_by, submitted_at) values ($1, $2, 2026, 4, 1, '{}', $3, $4)`,
        [randomUUID(), ownerId, by, at],
      );
    // b's report is in before the first reminder; a's comes between the two; the other district's never.
    await submit('community_id', b.communityId, b.secretary.id, bj('2026-12-18T10:00'));
    const keys = async () => (await rowsOfKind('quarterly_report_due')).map((row) => `${row.user_id}:${row.event_key.split(':')[2]}`).sort();
    const wechat = await onWechat(a.secretary);
    await tickAt(bj('2026-12-21T08:59'), { sender: wechat.send });
    expect(await keys()).toEqual([]);
    await tickAt(bj('2026-12-21T09:00'), { sender: wechat.send });
    expect(wechat.sent).toEqual([{ touser: `openid-${a.secretary.id}`, data: { thing1: { value: '2026年第四季度季报表' }, time2: { value: '2026年12月28日 23:59' }, thing3: { value: '测试社区醒甲' } } }]);
    await tickAt(bj('2026-12-21T09:05'), { workerId: 'restarted' });
    await tickAt(bj('2026-12-22T09:00'));
    const first = [`${a.secretary.id}:2026-12-21`, `${other.secretary.id}:2026-12-21`, `${unitAdmin.id}:2026-12-21`];
    expect(await keys()).toEqual(first.sort());
    const [row] = (await rowsOfKind('quarterly_report_due')).filter((entry) => entry.user_id === a.secretary.id);
    expect(row.title).toBe('季报表请在12月28日前报送');
    expect(row.body).toContain(`测试社区醒甲2026年第四季度的党员义工工作进展情况季报表还没有报送`);
    expect(row.page).toBe(`/pages/reports/quarterly/index?communityId=${a.communityId}&year=2026&quarter=4`);

    await submit('community_id', a.communityId, a.secretary.id, bj('2026-12-24T10:00'));
    await tickAt(bj('2026-12-27T08:59'));
    expect(await keys()).toEqual(first.sort());
    await tickAt(bj('2026-12-27T09:00'));
    await tickAt(bj('2026-12-28T09:00'));
    await tickAt(bj('2026-12-29T09:00'));
    expect(await keys()).toEqual([...first, `${other.secretary.id}:2026-12-27`, `${unitAdmin.id}:2026-12-27`].sort());
    const last = (await rowsOfKind('quarterly_report_due')).find((entry) => entry.event_key.endsWith(':2026-12-27'))!;
    expect(last.title).toBe('季报表明天截止：请在12月28日前报送');
  });
});
