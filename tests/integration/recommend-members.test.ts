import { randomUUID } from 'node:crypto';
import { main as orders } from '../../cloudfunctions/orders/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 09:00 Shanghai; the order below is on Saturday morning.
const NOW = new Date('2026-11-23T01:00:00Z');
const SATURDAY_9 = '2026-11-28T09:00:00+08:00';
const SATURDAY_11 = '2026-11-28T11:00:00+08:00';

describe('orders.recommend: who to send an order to, and why', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  const clock = useWallClock(NOW);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'R', { members: 4, residents: 1 });
    b = await buildCommunity(db, 'S', { members: 1, residents: 0 });
    const [handy, free, busy] = a.members;
    await db.query("update members set skills = '{维修}', posts = '{困难群众帮扶岗}' where user_id = $1", [handy.id]);
    await db.query(`update members set availability = '{"sat": ["morning"]}' where user_id = $1`, [free.id]);
    const busyOrder = await ok(call(orders, 'create', {
      title: '周六上午另一项活动', category: '社区服务', place: '广场', startsAt: '2026-11-28T10:00:00+08:00', endsAt: '2026-11-28T12:00:00+08:00', capacity: 5, dispatch: 'open',
    }, a.secretary));
    await ok(call(orders, 'accept', { orderId: busyOrder.id }, busy));
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const draft = { startsAt: SATURDAY_9, endsAt: SATURDAY_11, requiredPosts: ['困难群众帮扶岗'], requiredSkills: ['维修'] };

  it('should rank the member whose post and skill match first, with the reasons in words', async () => {
    const { items } = await ok(call(orders, 'recommend', draft, a.secretary));
    expect(items).toHaveLength(4);
    expect(items[0]).toMatchObject({ memberId: a.members[0].id, reasons: ['认领了「困难群众帮扶岗」', '擅长维修'], score: 5 });
    expect(items[0].phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(items[1]).toMatchObject({ memberId: a.members[1].id, reasons: ['周六上午有空'] });
  });

  it('should rank a member already busy at that time last, saying so', async () => {
    const { items } = await ok(call(orders, 'recommend', draft, a.secretary));
    expect(items.at(-1)).toMatchObject({ memberId: a.members[2].id, reasons: ['该时段已有其他任务'] });
  });

  it('should leave out members already on the order and honour the limit', async () => {
    const order = await ok(call(orders, 'create', { ...draft, title: '上门维修', category: '社区服务', place: '5栋', capacity: 2, dispatch: 'directed', inviteeIds: [a.members[0].id] }, a.secretary));
    const { items } = await ok(call(orders, 'recommend', { ...draft, orderId: order.id, limit: 2 }, a.secretary));
    expect(items.map((item: { memberId: string }) => item.memberId)).toEqual([a.members[1].id, a.members[3].id]);
  });

  it('should recommend only the secretary’s own community, and refuse others', async () => {
    const { items } = await ok(call(orders, 'recommend', draft, b.secretary));
    expect(items.map((item: { memberId: string }) => item.memberId)).toEqual([b.members[0].id]);
    expect((await failed(call(orders, 'recommend', draft, a.members[0]))).code).toBe('FORBIDDEN');
    expect((await failed(call(orders, 'recommend', { ...draft, demandId: randomUUID() }, a.secretary))).code).toBe('ORDER_DEMAND_OTHER_COMMUNITY');
  });
});
