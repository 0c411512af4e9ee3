import { randomUUID } from 'node:crypto';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as notifyFn } from '../../cloudfunctions/notify/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { planPleaseRate } from '../../cloudfunctions/_core/notify/events';
import { call, failed, inMinutes, ok, refusedUnchanged } from '../support/call';
import { buildTwoDistricts, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

let db: Database;
let a: TestCommunity;
let other: TestCommunity;

beforeAll(async () => {
  db = await openSuiteDatabase();
  ({ a, other } = await buildTwoDistricts(db, ['信甲', '信乙', '信外'], { a: { members: 4, residents: 2 } }));
});
afterAll(() => db.close());

const inbox = (user: TestUser, data: unknown = {}) => ok(call(notifyFn, 'inbox', data, user));
const rowsOf = (userId: string, kind: string) =>
  db.query<{ event_key: string; body: string; page: string | null }>(`select event_key, body, page from notifications where user_id = $1 and kind = $2 order by created_at`, [userId, kind]);
const allNotifications = () => db.query(`select id, user_id, event_key, read_at from notifications order by id`);

const postNeed = (resident: TestUser) =>
  ok(call(demands, 'post', { category: '社区服务', subItem: '家电、水电维修', description: '厨房水龙头漏水', address: '测试小区1栋101室', contactPhone: '13800001111' }, resident));

const orderOfNeed = (demandId: string, extra: Record<string, unknown> = {}) =>
  ok(call(orders, 'create', { demandId, title: '修水龙头', category: '社区服务', startsAt: inMinutes(600), endsAt: inMinutes(660), capacity: 2, dispatch: 'open', ...extra }, a.secretary));

describe('events reach their user, once', () => {
  test('a need: the secretary hears of it, a directed order invites, the resident hears who comes; a cancel tells both with the reason', async () => {
    const [resident] = a.residents;
    const [invitee, bystander] = a.members;
    const need = await postNeed(resident);
    expect((await rowsOf(a.secretary.id, 'need_posted')).map((row) => row.event_key)).toEqual([`need-posted:${need.id}`]);

    const order = await orderOfNeed(need.id, { dispatch: 'directed', inviteeIds: [invitee.id] });
    const [invited] = await rowsOf(invitee.id, 'order_invited');
    expect(invited.page).toBe(`/pages/member/order-detail/index?id=${order.id}`);
    expect(invited.body).toMatch(/接单/);
    expect(await rowsOf(bystander.id, 'order_invited')).toEqual([]);
    expect((await rowsOf(resident.id, 'need_accepted'))[0].body).toMatch(/社区正在安排/);

    await ok(call(orders, 'accept', { orderId: order.id }, invitee));
    const [accepted] = await rowsOf(invitee.id, 'order_accepted');
    expect(accepted.body).toMatch(/签到/);
    const residentHears = await rowsOf(resident.id, 'need_accepted');
    expect(residentHears).toHaveLength(2);
    expect(residentHears[1].body).toContain(invitee.name);

    const cancel = () => call(orders, 'cancel', { orderId: order.id, reason: '维修师傅改期' }, a.secretary);
    await ok(cancel());
    await failed(cancel());
    const [cancelled] = await rowsOf(invitee.id, 'order_cancelled');
    expect(cancelled.body).toContain('维修师傅改期');
    const [needCancelled] = await rowsOf(resident.id, 'need_cancelled');
    expect(needCancelled.body).toContain('维修师傅改期');
    expect(needCancelled.body).toMatch(/重新安排/);
    expect(await rowsOf(bystander.id, 'order_cancelled')).toEqual([]);
    expect(await rowsOf(other.secretary.id, 'need_posted')).toEqual([]);
  });

  test('a rejected need tells the resident why and what they can do, once', async () => {
    const resident = a.residents[1];
    const need = await postNeed(resident);
    await ok(call(demands, 'reject', { demandId: need.id, reason: '已转物业维修' }, a.secretary));
    await failed(call(demands, 'reject', { demandId: need.id, reason: '已转物业维修' }, a.secretary));
    const rows = await rowsOf(resident.id, 'need_rejected');
    expect(rows).toHaveLength(1);
    expect(rows[0].body).toContain('已转物业维修');
    expect(rows[0].body).toMatch(/重新提交/);
    expect(await rowsOf(a.residents[0].id, 'need_rejected')).toEqual([]);
  });

  test('请评价: a need order completed by the secretary asks its resident to rate, once; the planner adds none', async () => {
    const resident = a.residents[0];
    const need = await postNeed(resident);
    const order = await orderOfNeed(need.id, { startsAt: inMinutes(1), endsAt: inMinutes(60) });
    // No one checked in and it has not started: complete it once it has (the start is a minute away: move it back).
    await db.query(`update orders set starts_at = now() - interval '1 minute' where id = $1`, [order.id]);
    await ok(call(orders, 'complete', { orderId: order.id }, a.secretary));
    await db.transaction((tx) => planPleaseRate(tx, new Date()));
    const rows = (await rowsOf(resident.id, 'please_rate')).filter((row) => row.event_key === `please-rate:${order.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0].body).toMatch(/评价/);
  });

  test('the planner asks for a rating of a need order the database completed (a last scan)', async () => {
    const resident = a.residents[1];
    const need = await postNeed(resident);
    const order = await orderOfNeed(need.id);
    await db.query(`update orders set status = 'completed', completed_at = now() where id = $1`, [order.id]);
    expect((await rowsOf(resident.id, 'please_rate')).map((row) => row.event_key)).not.toContain(`please-rate:${order.id}`);
    await db.transaction((tx) => planPleaseRate(tx, new Date()));
    await db.transaction((tx) => planPleaseRate(tx, new Date()));
    expect((await rowsOf(resident.id, 'please_rate')).filter((row) => row.event_key === `please-rate:${order.id}`)).toHaveLength(1);
  });
});

describe('a user sees only their own inbox', () => {
  test('inbox and unreadCount are the caller\'s; markRead of another\'s ids changes nothing; 全部已读 clears only one\'s own', async () => {
    const [member] = a.members;
    const resident = a.residents[0];
    const mine = await inbox(member);
    expect(mine.items.length).toBeGreaterThan(0);
    const theirs = await inbox(resident);
    const theirIds = theirs.items.map((item: { id: string }) => item.id);
    expect(mine.items.map((item: { id: string }) => item.id).some((id: string) => theirIds.includes(id))).toBe(false);

    const before = await ok(call(notifyFn, 'unreadCount', {}, resident));
    const marked = await ok(call(notifyFn, 'markRead', { ids: theirIds }, member));
    expect(marked.marked).toBe(0);
    expect(await ok(call(notifyFn, 'unreadCount', {}, resident))).toEqual(before);

    const one = mine.items[0];
    expect((await ok(call(notifyFn, 'markRead', { ids: [one.id] }, member))).unread).toBe(mine.unread - 1);
    expect((await ok(call(notifyFn, 'markRead', { all: true }, member))).unread).toBe(0);
    expect(await ok(call(notifyFn, 'unreadCount', {}, resident))).toEqual(before);
  });

  test('the list pages by cursor, newest first, and can show unread only', async () => {
    const resident = a.residents[0];
    const first = await inbox(resident, { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await inbox(resident, { limit: 2, cursor: first.nextCursor });
    expect(second.items[0].createdAt <= first.items[1].createdAt).toBe(true);
    expect(second.items.map((item: { id: string }) => item.id)).not.toContain(first.items[1].id);
    const bad = await failed(call(notifyFn, 'inbox', { cursor: 'nonsense' }, resident));
    expect(bad.code).toBe('NOTIFY_BAD_CURSOR');
    await ok(call(notifyFn, 'markRead', { ids: [first.items[0].id] }, resident));
    const unread = await inbox(resident, { unreadOnly: true, limit: 50 });
    expect(unread.items.map((item: { id: string }) => item.id)).not.toContain(first.items[0].id);
    expect(unread.items.every((item: { read: boolean }) => !item.read)).toBe(true);
  });
});

describe('preferences', () => {
  test('a member sees the member kinds, may turn one off (and is then not told), and may not turn off a required kind', async () => {
    const member = a.members[3];
    const prefs = await ok(call(notifyFn, 'preferences', {}, member));
    const kinds = prefs.items.map((item: { kind: string }) => item.kind);
    expect(kinds).toContain('order_invited');
    expect(kinds).not.toContain('need_rejected');
    expect(prefs.items.find((item: { kind: string }) => item.kind === 'order_cancelled')).toMatchObject({ required: true, enabled: true });

    await ok(call(notifyFn, 'setPreference', { kind: 'order_invited', enabled: false }, member));
    const order = await ok(call(orders, 'create', { title: '清扫楼道', category: '社区服务', place: '3栋', startsAt: inMinutes(600), endsAt: inMinutes(660), capacity: 2, dispatch: 'directed', inviteeIds: [member.id] }, a.secretary));
    expect(await rowsOf(member.id, 'order_invited')).toEqual([]);

    const state = () => db.query(`select * from notification_preferences where user_id = $1 order by kind`, [member.id]);
    const refused = await refusedUnchanged(state, () => call(notifyFn, 'setPreference', { kind: 'order_cancelled', enabled: false }, member), 'NOTIFY_KIND_REQUIRED');
    expect(refused.fields).toMatchObject({ kind: expect.stringMatching(/必须接收/) });
    await ok(call(orders, 'cancel', { orderId: order.id, reason: '下雨改期' }, a.secretary));
    expect((await rowsOf(member.id, 'order_cancelled')).map((row) => row.event_key)).toContain(`order-cancelled:${order.id}`);
    const notYours = await failed(call(notifyFn, 'setPreference', { kind: 'need_rejected', enabled: false }, member));
    expect(notYours.code).toBe('NOTIFY_KIND_NOT_YOURS');
  });
});

describe('broadcast', () => {
  test('reaches exactly the accepted members of an order, once per request id; another community cannot send', async () => {
    const [first, second, third] = a.members;
    const order = await ok(call(orders, 'create', { title: '重阳节慰问', category: '社区服务', place: '活动室', startsAt: inMinutes(900), endsAt: inMinutes(960), capacity: 3, dispatch: 'directed', inviteeIds: [first.id, second.id, third.id] }, a.secretary));
    await ok(call(orders, 'accept', { orderId: order.id }, first));
    await ok(call(orders, 'accept', { orderId: order.id }, second));
    const requestId = randomUUID();
    const send = (user: TestUser) => call(notifyFn, 'broadcast', { orderId: order.id, text: '请带上红马甲，8点半集合', requestId }, user);
    expect(await ok(send(a.secretary))).toEqual({ reached: 2 });
    expect(await ok(send(a.secretary))).toEqual({ reached: 2 });
    for (const member of [first, second]) expect((await rowsOf(member.id, 'broadcast')).filter((row) => row.body.includes('红马甲'))).toHaveLength(1);
    expect((await rowsOf(third.id, 'broadcast')).filter((row) => row.body.includes('红马甲'))).toEqual([]);

    await refusedUnchanged(allNotifications, () => send(other.secretary), 'FORBIDDEN');
    await refusedUnchanged(allNotifications, () => send(other.residents[0]), 'FORBIDDEN');
    const empty = await failed(call(notifyFn, 'broadcast', { orderId: order.id, text: ' ', requestId: randomUUID() }, a.secretary));
    expect(empty.fields).toMatchObject({ text: '通知内容不能为空' });
  });

  test('reaches a team\'s members', async () => {
    const teamId = randomUUID();
    await db.query(`insert into teams (id, community_id, kind, name, created_by, created_at) values ($1, $2, 'service_team', '楼道服务队', $3, now())`, [teamId, a.communityId, a.secretary.id]);
    for (const member of a.members.slice(0, 2)) await db.query(`insert into team_members (team_id, member_id, joined_at) values ($1, $2, now())`, [teamId, member.id]);
    expect(await ok(call(notifyFn, 'broadcast', { teamId, text: '周六上午大扫除', requestId: randomUUID() }, a.secretary))).toEqual({ reached: 2 });
    expect((await rowsOf(a.members[2].id, 'broadcast')).filter((row) => row.body.includes('大扫除'))).toEqual([]);
  });
});
