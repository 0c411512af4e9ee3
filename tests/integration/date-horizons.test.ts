import { main as demands } from '../../cloudfunctions/demands/index';
import { main as org } from '../../cloudfunctions/org/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

/** Dates the calendar allows but no person means: an activity in 2099, a need wanted two years ago, a pairing next month. */
describe('dates within what a person means', () => {
  let db: Database;
  let community: TestCommunity;
  let admin: TestUser;
  const clock = useWallClock(new Date('2026-12-01T02:00:00Z'));
  const need = { kind: 'repair', description: '水龙头漏水', address: '测试小区1栋101室', contactPhone: '13800001111' };
  const rowCount = async (table: string) => Number((await db.query<{ n: string }>(`select count(*) as n from ${table}`))[0].n);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'DH', { members: 1, residents: 1 });
    admin = await createDistrictAdmin(db, community.districtId);
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('should refuse an order starting more than a year ahead, naming the start, and write nothing', async () => {
    const before = await rowCount('orders');
    const order = (startsAt: string, endsAt: string) => call(orders, 'create', {
      title: '社区清扫', category: '环保绿化服务', place: '社区广场', startsAt, endsAt, capacity: 2, dispatch: 'open',
    }, community.secretary);
    const error = await failed(order('2099-03-01T09:00:00+08:00', '2099-03-01T11:00:00+08:00'));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { startsAt: '开始时间不能晚于366天以后' } });
    expect(await rowCount('orders')).toBe(before);
    await ok(order('2027-06-01T09:00:00+08:00', '2027-06-01T11:00:00+08:00'));
  });

  it('should refuse a wanted time long past or years ahead, from a resident and from the window', async () => {
    const [resident] = community.residents;
    const before = await rowCount('demands');
    const late = await failed(call(demands, 'post', { ...need, wantedFrom: '2024-11-01T09:00:00+08:00' }, resident));
    expect(late.fields).toEqual({ wantedFrom: '期望开始时间不能早于31天以前' });
    const ahead = await failed(call(demands, 'record', {
      ...need, category: '爱心扶助', requesterName: '王阿姨', channel: 'phone', wantedUntil: '2031-01-01T09:00:00+08:00',
    }, community.secretary));
    expect(ahead.fields).toEqual({ wantedUntil: '期望结束时间不能晚于366天以后' });
    expect(await rowCount('demands')).toBe(before);
    await ok(call(demands, 'post', { ...need, wantedFrom: '2026-12-02T09:00:00+08:00', wantedUntil: '2026-12-02T11:00:00+08:00' }, resident));
  });

  it('should refuse a pairing dated after today', async () => {
    const unit = await ok(call(org, 'createUnit', { name: '区水务局', kind: '机关' }, admin));
    const error = await failed(call(org, 'pair', { unitId: unit.id, communityId: community.communityId, pairedOn: '2026-12-02' }, admin));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { pairedOn: '结对日期不能晚于今天' } });
    expect((await ok(call(org, 'pair', { unitId: unit.id, communityId: community.communityId, pairedOn: '2026-12-01' }, admin))).pairedOn).toBe('2026-12-01');
  });
});
