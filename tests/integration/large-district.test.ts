import type { Database } from '../../cloudfunctions/_core/db/database';
import { cloudFunctions, type CloudFunction } from '../../gateway/cloud-functions';
import {
  BIG_COMMUNITY_MEMBERS, TYPICAL_COMMUNITY_MEMBERS, districtSessions, districtShape, expectedCounts, generateDistrict,
} from '../../bench/large-district';
import { SCALE_CASES } from '../../bench/scale';
import { openSuiteDatabase } from '../support/test-database';

const RECORDS = 2_000;
const NOW = new Date();

let db: Database;
beforeAll(async () => {
  db = await openSuiteDatabase();
  // Every insert ran with the migrated schema's checks, keys and unique indexes in force: it would have failed otherwise.
  await generateDistrict(db, { records: RECORDS, now: NOW });
});
afterAll(() => db.close());

const count = async (sql: string) => Number((await db.query<{ n: string }>(sql))[0].n);

describe('the large-district generator (bench/large-district.sql)', () => {
  it('writes the rows its shape asks for', async () => {
    const expected = expectedCounts(districtShape(RECORDS));
    for (const [table, rows] of Object.entries(expected)) {
      expect({ table, rows: await count(`select count(*) as n from ${table}`) }).toEqual({ table, rows });
    }
  });

  it('keeps the big community at 5,000 members and the others at 227, with a secretary each', async () => {
    const sizes = await db.query<{ size: number; n: string }>(
      `select size, count(*) as n from (select count(*)::int as size from members group by community_id) s group by size order by size`,
    );
    expect(sizes).toEqual([
      { size: TYPICAL_COMMUNITY_MEMBERS, n: String(districtShape(RECORDS).communities - 1) },
      { size: BIG_COMMUNITY_MEMBERS, n: '1' },
    ]);
    expect(await count(`select count(*) as n from organisations o where kind = 'community'
                         and not exists (select 1 from user_roles r where r.org_id = o.id and r.role = 'secretary')`)).toBe(0);
  });

  it('holds together where no constraint says so: members serve their own community, counts add up, history is past', async () => {
    expect(await count(`select count(*) as n from assignments a join orders o on o.id = a.order_id
                          join members m on m.user_id = a.member_id where m.community_id <> o.community_id`)).toBe(0);
    expect(await count(`select count(*) as n from orders o
                         where accepted_count <> (select count(*) from assignments a where a.order_id = o.id and a.status = 'accepted')`)).toBe(0);
    expect(await count(`select count(*) as n from attendance t
                         where not exists (select 1 from assignments a where a.order_id = t.order_id and a.member_id = t.member_id and a.status = 'accepted')`)).toBe(0);
    expect(await count(`select count(*) as n from service_records r
                         where not exists (select 1 from attendance t where t.order_id = r.order_id and t.member_id = r.member_id)`)).toBe(0);
    expect(await count(`select count(*) as n from orders where status = 'completed' and ends_at >= '${NOW.toISOString()}'`)).toBe(0);
    expect(await count(`select count(*) as n from orders where status = 'published' and starts_at <= '${NOW.toISOString()}'`)).toBe(0);
    expect(await count(`select count(*) as n from units u where not exists (select 1 from members m where m.unit_id = u.id)`)).toBe(0);
    expect(await count(`select count(*) as n from members m join units u on u.id = m.unit_id
                         where not exists (select 1 from registrations r join report_slips s on s.id = r.slip_id
                                            where r.user_id = m.user_id and s.unit_id = u.id and r.status = 'confirmed')`)).toBe(0);
  });

  it('gives the bench its callers by known phones, whose sessions the functions accept', async () => {
    const callers = await districtSessions(db, process.env.SESSION_SECRET!, new Date());
    const me = async (token: string) => (await (cloudFunctions.auth as CloudFunction)({ action: 'me', data: {}, token })) as { ok: boolean; data: { roles: { role: string }[] } };
    expect((await me(callers.districtAdmin)).data.roles.map((r) => r.role)).toContain('district_admin');
    expect((await me(callers.bigSecretary)).data.roles.map((r) => r.role)).toContain('secretary');
    expect((await me(callers.bigMember)).data.roles.map((r) => r.role)).toContain('member');
    expect((await me(callers.unitAdmin)).data.roles.map((r) => r.role)).toContain('unit_admin');
  });

  it('gives each scale-bench action and its raw statement the same answer', async () => {
    const callers = await districtSessions(db, process.env.SESSION_SECRET!, new Date());
    const answers = new Map<string, { product: any; raw: any[] }>();
    for (const item of SCALE_CASES) {
      const { fn, action, data, token } = item.product(callers);
      const envelope = (await (cloudFunctions[fn] as CloudFunction)({ action, data, token })) as { ok: boolean; data: any };
      expect({ case: item.name, ok: envelope.ok }).toEqual({ case: item.name, ok: true });
      const { sql, params } = item.raw(new Date());
      answers.set(item.name.split(' ')[0] + (item.name.includes('5,000') ? ' big' : ''), { product: envelope.data, raw: await db.query(sql, params) });
    }
    for (const key of ['orders.recommend', 'orders.recommend big']) {
      const { product, raw } = answers.get(key)!;
      const minutes = new Map(raw.map((row) => [row.user_id, Number(row.minutes) / 60]));
      expect(product.items.length).toBe(20);
      for (const item of product.items) expect(item.hoursThisYear).toBeCloseTo(minutes.get(item.memberId)!, 1);
    }
    expect(answers.get('orders.recommend big')!.raw).toHaveLength(BIG_COMMUNITY_MEMBERS);
    const tree = answers.get('org.tree')!;
    expect(tree.product.district.members).toBe(Number(tree.raw[0].tree.members));
    expect(tree.product.units.map((u: any) => [u.name, u.inService, u.reported]).sort())
      .toEqual(tree.raw[0].tree.units.map((u: any) => [u.name, u.inService, u.reported]).sort());
    const records = answers.get('records.listForCommunity')!;
    expect(records.product.total).toBe(Number(records.raw[0].total));
    expect(records.product.items.map((r: any) => r.id)).toEqual(records.raw.map((r) => r.id));
    const register = answers.get('reports.exportCommunityRegister')!;
    expect(register.raw).toHaveLength(BIG_COMMUNITY_MEMBERS);
    const unit = answers.get('reports.unitStatistics')!;
    expect(unit.product.figures.reported).toBe(unit.raw.filter((r) => r.kind === 'reported').length);
    expect(unit.product.figures.inService).toBe(unit.raw.length);
    const hall = answers.get('orders.listOpen')!;
    expect(hall.product.total).toBe(Number(hall.raw[0].total));
    expect(hall.product.items.map((o: any) => o.id)).toEqual(hall.raw.map((o) => o.id));
  });
});
