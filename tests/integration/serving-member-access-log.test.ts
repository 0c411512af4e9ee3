import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as privacy } from '../../cloudfunctions/privacy/index';
import { main as records } from '../../cloudfunctions/records/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, inMinutes, ok } from '../support/call';
import { buildCommunity, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

describe('信息查看记录: a member serving a home service reads the resident’s phone and address, logged', () => {
  let db: Database;
  let community: TestCommunity;
  let resident: TestUser;
  let serving: TestUser;
  let firstOrderId: string;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'S', { members: 2, residents: 1 });
    [resident] = community.residents;
    [serving] = community.members;
    for (const [description, minutes] of [['帮忙修理漏水的水龙头', 30], ['帮忙更换厨房灯泡', 240]] as const) {
      const need = await ok(call(demands, 'post', { category: '社区服务', description, address: '幸福小区3栋502室', contactPhone: '13712345678' }, resident));
      const order = await ok(call(orders, 'create', {
        demandId: need.id, title: '上门维修', category: '社区服务', startsAt: inMinutes(minutes), endsAt: inMinutes(minutes + 60), capacity: 1, dispatch: 'open',
      }, community.secretary));
      await ok(call(orders, 'accept', { orderId: order.id }, serving));
      firstOrderId ??= order.id;
    }
  });
  afterAll(() => db.close());

  const rowsBy = async (viewer: TestUser) =>
    db.query<{ subject_user_id: string; field: string; purpose: string; demand_id: string | null }>(
      'select subject_user_id, field, purpose, demand_id from access_log where viewer_id = $1 order by at, field',
      [viewer.id],
    );

  it('should log orders.get by the serving member: one row for the phone and one for the address', async () => {
    const before = (await rowsBy(serving)).length;
    const order = await ok(call(orders, 'get', { orderId: firstOrderId }, serving));
    expect(order.requester.phone).toBe('13712345678');
    expect(order.place).toBe('幸福小区3栋502室');
    const rows = (await rowsBy(serving)).slice(before);
    expect(rows.map((row) => row.field).sort()).toEqual(['address', 'phone']);
    expect(rows.every((row) => row.subject_user_id === resident.id && row.demand_id !== null)).toBe(true);
  });

  it('should log orders.listMine once per person and field, however many of their orders it lists', async () => {
    const before = (await rowsBy(serving)).length;
    const tasks = await ok(call(orders, 'listMine', { page: { limit: 20, offset: 0 } }, serving));
    expect(tasks.items.filter((item: { requester: { phone: string } | null }) => item.requester?.phone === '13712345678')).toHaveLength(2);
    const rows = (await rowsBy(serving)).slice(before);
    expect(rows.map((row) => row.field).sort()).toEqual(['address', 'phone']);
  });

  it('should let the resident see the serving member’s reads in 我的数据', async () => {
    const data = await ok(call(privacy, 'myData', {}, resident));
    const reads = data.sections.find((section: { key: string }) => section.key === 'accessLog');
    const titles = reads.entries.map((entry: { title: string }) => entry.title);
    expect(titles).toContain(`${serving.name} 查看了手机号码`);
    expect(titles).toContain(`${serving.name} 查看了住址`);
  });

  it('should log nothing when the resident reads their own order or the secretary reads it masked', async () => {
    const before = Number((await db.query<{ n: string }>('select count(*) as n from access_log'))[0].n);
    expect((await ok(call(orders, 'get', { orderId: firstOrderId }, resident))).requester.phone).toBe('13712345678');
    expect((await ok(call(orders, 'get', { orderId: firstOrderId }, community.secretary))).requester.phone).not.toBe('13712345678');
    await ok(call(orders, 'listForCommunity', { page: { limit: 20, offset: 0 } }, community.secretary));
    expect(Number((await db.query<{ n: string }>('select count(*) as n from access_log'))[0].n)).toBe(before);
  });

  it('should show the secretary a home service’s address masked in 时长管理 too, as in the order itself', async () => {
    const hours = await ok(call(records, 'orderHours', { orderId: firstOrderId }, community.secretary));
    expect(hours.order.place).not.toContain('502');
  });
});
