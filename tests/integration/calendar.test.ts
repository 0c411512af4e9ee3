import { main as orders } from '../../cloudfunctions/orders/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok, refusedUnchanged } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildTwoDistricts, renewTokens, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

let db: Database;
let a: TestCommunity;
let b: TestCommunity;
let clock: ReturnType<typeof useWallClock>;

// Wednesday 2 December 2026, 10:00 in Beijing.
const WEDNESDAY = new Date('2026-12-02T02:00:00Z');

beforeAll(async () => {
  clock = useWallClock(WEDNESDAY);
  db = await openSuiteDatabase();
  ({ a, b } = await buildTwoDistricts(db, ['历甲', '历乙', '历外'], { a: { members: 3, residents: 1 } }));
  // The district of a and b asks for the default five working days (test districts otherwise ask for none).
  await db.query('update district_settings set notice_working_days = 5 where district_id = $1', [a.districtId]);
});
afterAll(async () => {
  clock.restore();
  await db.close();
});

const activity = (startsAt: string, extra: Record<string, unknown> = {}) => ({
  title: '社区环境清洁日', category: '环保绿化服务', place: '社区文化广场', startsAt,
  endsAt: new Date(new Date(startsAt).getTime() + 2 * 3_600_000).toISOString(), capacity: 2, dispatch: 'open', ...extra,
});
const orderCount = async () => (await db.query<{ n: string }>('select count(*) as n from orders'))[0].n;

describe('预约预告 at publishing', () => {
  beforeEach(() => clock.set(WEDNESDAY));

  test('an activity on 12月9日 is refused, naming 开始时间 and the earliest date, 12月10日 (周四); it writes nothing', async () => {
    const error = await refusedUnchanged(orderCount, () => call(orders, 'create', activity('2026-12-09T09:00:00+08:00'), a.secretary), 'ORDER_SHORT_NOTICE');
    expect(error.message).toBe('按规定活动须提前5个工作日发布，最早可安排在12月10日（周四）；确需临时安排请勾选“临时通知”');
    expect(error.fields).toEqual({ startsAt: '开始时间距今不足5个工作日，最早可安排在12月10日（周四）' });
    const notice = await ok(call(orders, 'publishingNotice', { startsAt: '2026-12-09T09:00:00+08:00' }, a.secretary));
    expect(notice).toMatchObject({ workingDays: 4, required: 5, short: true, earliestDate: '2026-12-10', covered: true, uncoveredNote: null, holidays: [] });
  });

  test('12月10日 meets the notice; a short one acknowledged as 临时通知 is stored and shown as short', async () => {
    const onTime = await ok(call(orders, 'create', activity('2026-12-10T09:00:00+08:00'), a.secretary));
    expect(onTime.notice).toEqual({ workingDays: 5, required: 5, short: false });
    const short = await ok(call(orders, 'create', activity('2026-12-03T09:00:00+08:00', { acceptShortNotice: true }), a.secretary));
    expect(short.notice).toEqual({ workingDays: 0, required: 5, short: true });
    expect(await db.query('select short_notice, notice_working_days from orders where id = $1', [short.id])).toEqual([{ short_notice: true, notice_working_days: 0 }]);
  });

  test("a resident's need has no notice rule: its order for the next hour is published and carries none", async () => {
    const need = await ok(call((await import('../../cloudfunctions/demands/index')).main, 'post', {
      category: '社区服务', description: '楼道灯坏了需要更换', address: '2栋', contactPhone: '13700003333',
    }, a.residents[0]));
    const order = await ok(call(orders, 'create', { demandId: need.id, title: '更换楼道灯', category: '社区服务', startsAt: '2026-12-02T11:00:00+08:00', endsAt: '2026-12-02T12:00:00+08:00', capacity: 1, dispatch: 'open' }, a.secretary));
    expect(order.notice).toBeNull();
  });

  test('published Wednesday 2月11日 before 春节 2026, an activity on 2月24日 gives 3 working days; 2月26日 is the earliest', async () => {
    clock.set(new Date('2026-02-11T02:00:00Z'));
    await renewTokens(db, a);
    const error = await failed(call(orders, 'create', activity('2026-02-24T09:00:00+08:00'), a.secretary));
    expect(error.code).toBe('ORDER_SHORT_NOTICE');
    expect(error.message).toContain('最早可安排在2月26日（周四）');
    // The warning names the holiday in between, which is why so few days count.
    const notice = await ok(call(orders, 'publishingNotice', { startsAt: '2026-02-24T09:00:00+08:00' }, a.secretary));
    expect(notice).toMatchObject({ workingDays: 3, short: true, holidays: ['春节'] });
    const order = await ok(call(orders, 'create', activity('2026-02-26T09:00:00+08:00', { title: '春节后环境整治' }), a.secretary));
    expect(order.notice).toEqual({ workingDays: 5, required: 5, short: false });
    clock.set(WEDNESDAY);
    await renewTokens(db, a);
  });
});

describe('活动日历', () => {
  // Dates of December 2026: Monday 11-30 to Sunday 12-06 is this week; 12-07 to 12-13 the next.
  let ids: Record<string, string>;
  beforeAll(async () => {
    clock.set(WEDNESDAY);
    await renewTokens(db, a, b);
    await db.query("update orders set status = 'cancelled', cancel_reason = '清理' where community_id = $1", [a.communityId]);
    const make = async (title: string, startsAt: string, extra: Record<string, unknown> = {}) =>
      (await ok(call(orders, 'create', activity(startsAt, { title, acceptShortNotice: true, ...extra }), a.secretary))).id as string;
    ids = {
      sundayNight: await make('周日晚间巡逻', '2026-12-06T21:00:00+08:00'),
      nextMonday: await make('下周一早操', '2026-12-07T07:00:00+08:00'),
      lastOfMonth: await make('月末联欢', '2026-12-31T19:00:00+08:00'),
      firstOfNext: await make('元旦游园', '2027-01-01T09:00:00+08:00'),
      cancelled: await make('取消的活动', '2026-12-04T09:00:00+08:00'),
    };
    await ok(call(orders, 'cancel', { orderId: ids.cancelled, reason: '天气原因' }, a.secretary));
    await ok(call(orders, 'create', activity('2026-12-04T09:00:00+08:00', { title: '别的社区的活动', acceptShortNotice: true }), b.secretary));
  });

  const titles = (view: { days: { items: { title: string }[] }[] }) => view.days.flatMap((day) => day.items.map((item) => item.title));

  test('weeks run Monday to Sunday in Beijing time (a Sunday 21:00 is this week), the month by the calendar; cancelled and other communities are left out', async () => {
    const thisWeek = await ok(call(orders, 'calendar', { range: 'this_week' }, a.members[0]));
    expect(thisWeek).toMatchObject({ from: '2026-11-30', to: '2026-12-06', viewer: 'member' });
    expect(titles(thisWeek)).toEqual(['周日晚间巡逻']);
    const sunday = thisWeek.days.find((day: { date: string }) => day.date === '2026-12-06');
    expect(sunday).toMatchObject({ weekday: '周日', holiday: null, workingDay: false });
    const nextWeek = await ok(call(orders, 'calendar', { range: 'next_week' }, a.members[0]));
    expect(nextWeek).toMatchObject({ from: '2026-12-07', to: '2026-12-13' });
    expect(titles(nextWeek)).toEqual(['下周一早操']);
    const month = await ok(call(orders, 'calendar', { range: 'this_month' }, a.members[0]));
    expect(month).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(titles(month)).toEqual(['周日晚间巡逻', '下周一早操', '月末联欢']);
    const other = await ok(call(orders, 'calendar', { range: 'this_week' }, b.members[0]));
    expect(titles(other)).toEqual(['别的社区的活动']);
  });

  test('an entry tells places left, the short-notice flag and whether the member may 报名; 报名 counts and the calendar says 已报名', async () => {
    const before = (await ok(call(orders, 'calendar', { range: 'next_week' }, a.members[0]))).days[0].items[0];
    expect(before).toMatchObject({ id: ids.nextMonday, placesLeft: 2, shortNotice: true, myStatus: null, signUp: { allowed: true, reason: null } });
    await ok(call(orders, 'accept', { orderId: ids.nextMonday }, a.members[0]));
    const after = (await ok(call(orders, 'calendar', { range: 'next_week' }, a.members[0]))).days[0].items[0];
    expect(after).toMatchObject({ placesLeft: 1, myStatus: 'accepted', signUp: { allowed: false, reason: '您已接过这一单' } });
    await ok(call(orders, 'accept', { orderId: ids.nextMonday }, a.members[1]));
    const full = (await ok(call(orders, 'calendar', { range: 'next_week' }, a.members[2]))).days[0].items[0];
    expect(full).toMatchObject({ placesLeft: 0, signUp: { allowed: false, reason: '名额已满，下次早点来' } });
  });

  test('a resident and the secretary see the calendar without 报名; orders.accept stays refused for the resident', async () => {
    const resident = await ok(call(orders, 'calendar', { range: 'this_month' }, a.residents[0]));
    expect(resident.viewer).toBe('resident');
    expect(titles(resident)).toContain('月末联欢');
    expect(resident.days.flatMap((day: { items: { signUp: unknown }[] }) => day.items.map((item) => item.signUp))).toEqual([null, null, null]);
    expect((await failed(call(orders, 'accept', { orderId: ids.lastOfMonth }, a.residents[0]))).code).toBe('FORBIDDEN');
    const secretary = await ok(call(orders, 'calendar', { range: 'this_month' }, a.secretary));
    expect(secretary.viewer).toBe('secretary');
    expect(titles(secretary)).toEqual(['周日晚间巡逻', '下周一早操', '月末联欢']);
  });

  test('a holiday shows with its name even on a quiet day; the 1st of the next month belongs to the next month', async () => {
    clock.set(new Date('2026-12-31T16:30:00Z')); // 1 January 2027, 00:30 in Beijing
    await renewTokens(db, a);
    const january = await ok(call(orders, 'calendar', { range: 'this_month' }, a.members[0]));
    expect(january).toMatchObject({ from: '2027-01-01', to: '2027-01-31', uncoveredNote: '2027年节假日安排尚未收录，按周末推算' });
    expect(titles(january)).toEqual(['元旦游园']);
    clock.set(new Date('2026-09-30T02:00:00Z'));
    await renewTokens(db, a);
    const october = await ok(call(orders, 'calendar', { range: 'next_week' }, a.members[0]));
    expect(october.days.map((day: { date: string; holiday: string | null }) => [day.date, day.holiday])).toEqual([
      ['2026-10-05', '国庆节'], ['2026-10-06', '国庆节'], ['2026-10-07', '国庆节'],
    ]);
    clock.set(WEDNESDAY);
  });
});
