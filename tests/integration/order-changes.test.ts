import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { makeCheckinCode } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, inMinutes, ok, refusedUnchanged } from '../support/call';
import { buildTwoDistricts, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

let db: Database;
let a: TestCommunity;
let other: TestCommunity;

beforeAll(async () => {
  db = await openSuiteDatabase();
  ({ a, other } = await buildTwoDistricts(db, ['调甲', '调乙', '调外'], { a: { members: 4, residents: 1 } }));
});
afterAll(() => db.close());

const rowsOf = (userId: string, kind: string) =>
  db.query<{ event_key: string; title: string; body: string }>(`select event_key, title, body from notifications where user_id = $1 and kind = $2 order by created_at`, [userId, kind]);
const orderRow = (orderId: string) =>
  db.query(`select starts_at, ends_at, place, short_notice, notice_working_days from orders where id = $1`, [orderId]).then((rows) => rows[0]);
const changesOf = (orderId: string) => db.query(`select reason, before_place, after_place from order_changes where order_id = $1 order by changed_at`, [orderId]);

const activity = (extra: Record<string, unknown> = {}) =>
  ok(call(orders, 'create', {
    title: '社区环境整治', category: '社区服务', place: '幸福小区东门', startsAt: inMinutes(600), endsAt: inMinutes(720), capacity: 3, dispatch: 'open', ...extra,
  }, a.secretary));
const change = (orderId: string, data: Record<string, unknown>, user: TestUser = a.secretary) =>
  call(orders, 'change', { orderId, reason: '下雨，改到室内', ...data }, user);

describe('调整活动: a new time or place before anyone checked in, with a reason everyone on the order hears', () => {
  it('should move the place and keep the time, tell the accepted and the invited, not the others, and keep the change on the order', async () => {
    const [accepted, invited, bystander] = a.members;
    const order = await activity({ dispatch: 'directed', inviteeIds: [accepted.id, invited.id] });
    await ok(call(orders, 'accept', { orderId: order.id }, accepted));

    const view = await ok(change(order.id, { place: '社区活动室二楼' }));
    expect(view.place).toBe('社区活动室二楼');
    expect(view.startsAt).toBe(order.startsAt);
    expect(view.changes).toEqual([
      { at: expect.any(String), byName: a.secretary.name, reason: '下雨，改到室内', summary: '地点：幸福小区东门 改为 社区活动室二楼' },
    ]);
    for (const member of [accepted, invited]) {
      const [notice] = await rowsOf(member.id, 'order_changed');
      expect(notice.title).toBe('活动调整：社区环境整治');
      expect(notice.body).toContain('地点：幸福小区东门 改为 社区活动室二楼');
      expect(notice.body).toContain('原因：下雨，改到室内');
    }
    expect(await rowsOf(bystander.id, 'order_changed')).toEqual([]);
    expect((await ok(call(orders, 'get', { orderId: order.id }, accepted))).changes).toHaveLength(1);
  });

  it('should move the end with a new start, keeping the length, and tell again at a second change', async () => {
    const member = a.members[3];
    const order = await activity();
    await ok(call(orders, 'accept', { orderId: order.id }, member));
    const later = inMinutes(24 * 60 * 10);
    const moved = await ok(change(order.id, { startsAt: later, acceptShortNotice: true }));
    expect(new Date(moved.startsAt).getTime()).toBe(new Date(later).getTime());
    expect(new Date(moved.endsAt).getTime() - new Date(moved.startsAt).getTime()).toBe(120 * 60_000);
    expect(moved.changes[0].summary).toMatch(/^时间：.+ 改为 .+$/);
    await ok(change(order.id, { place: '社区会议室' }));
    expect(await rowsOf(member.id, 'order_changed')).toHaveLength(2);
  });

  it('should ask for 临时通知 when an activity moves closer than the notice, and count the notice again', async () => {
    await db.query(`update district_settings set notice_working_days = 5 where district_id = $1`, [a.districtId]);
    try {
      const order = await ok(call(orders, 'create', {
        title: '重阳节敬老', category: '社区服务', place: '社区广场', startsAt: inMinutes(24 * 60 * 30), endsAt: inMinutes(24 * 60 * 30 + 90), capacity: 3, dispatch: 'open',
      }, a.secretary));
      expect(order.notice.short).toBe(false);
      const error = await refusedUnchanged(() => orderRow(order.id), () => change(order.id, { startsAt: inMinutes(600) }), 'ORDER_SHORT_NOTICE');
      expect(error.fields?.startsAt).toMatch(/不足5个工作日/);
      const moved = await ok(change(order.id, { startsAt: inMinutes(600), acceptShortNotice: true }));
      expect(moved.notice).toMatchObject({ short: true, required: 5 });
    } finally {
      await db.query(`update district_settings set notice_working_days = 0 where district_id = $1`, [a.districtId]);
    }
  });

  it("should tell the resident of a need's order the new time and put it in the need's timeline", async () => {
    const [resident] = a.residents;
    const need = await ok(call(demands, 'post', { category: '社区服务', subItem: '家电、水电维修', description: '卧室的灯不亮了', address: '测试小区2栋202室', contactPhone: '13800002222' }, resident));
    const order = await ok(call(orders, 'create', { demandId: need.id, title: '修灯', category: '社区服务', startsAt: inMinutes(600), endsAt: inMinutes(660), capacity: 1, dispatch: 'open' }, a.secretary));
    await ok(change(order.id, { startsAt: inMinutes(900), reason: '师傅下午才有空' }));
    const [told] = await rowsOf(resident.id, 'need_changed');
    expect(told.body).toContain('师傅下午才有空');
    const detail = await ok(call(demands, 'get', { demandId: need.id }, resident));
    expect(JSON.stringify(detail)).toContain('社区调整了上门服务');
  });

  it('should refuse what may not change: nothing changed, a closed order, someone checked in, another community, a blank reason', async () => {
    const [member] = a.members;
    const order = await activity();
    const state = () => Promise.all([orderRow(order.id), changesOf(order.id)]);
    expect((await refusedUnchanged(state, () => change(order.id, { place: '幸福小区东门' }), 'ORDER_NOTHING_CHANGED')).fields).toHaveProperty('startsAt');
    await refusedUnchanged(state, () => change(order.id, { place: '别处' }, other.secretary), 'FORBIDDEN');
    expect((await refusedUnchanged(state, () => change(order.id, { place: '别处', reason: '  ' }), 'VALIDATION_FAILED')).fields).toHaveProperty('reason');
    expect((await refusedUnchanged(state, () => change(order.id, {}), 'VALIDATION_FAILED')).fields).toHaveProperty('startsAt');
    await refusedUnchanged(state, () => change(order.id, { endsAt: inMinutes(500) }), 'VALIDATION_FAILED');

    const running = await activity({ startsAt: inMinutes(1), endsAt: inMinutes(60) });
    await ok(call(orders, 'accept', { orderId: running.id }, member));
    const device = await ok(call(checkin, 'issueDeviceSecret', {}, member));
    await ok(call(checkin, 'scan', { scanId: randomUUID(), orderId: running.id, code: makeCheckinCode(device, new Date()) }, a.secretary));
    await refusedUnchanged(() => orderRow(running.id), () => change(running.id, { place: '别处' }), 'ORDER_CHANGE_AFTER_CHECKIN');

    await ok(call(orders, 'cancel', { orderId: order.id, reason: '活动取消' }, a.secretary));
    await refusedUnchanged(state, () => change(order.id, { place: '别处' }), 'ORDER_CLOSED');
    expect((await failed(change(order.id, { place: '别处' }, member))).code).toBe('FORBIDDEN');
  });
});
