import { main as orders } from '../../cloudfunctions/orders/index';
import { main as org } from '../../cloudfunctions/org/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, inMinutes, ok } from '../support/call';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { insertReportSlip } from '../support/org-fixtures';
import { newPhone } from '../support/registration-fixtures';
import { recordStatements, type SentStatement } from '../support/statement-log';
import { nodesOf, planOf, type PlanNode } from '../support/statement-plans';
import { openSuiteDatabase } from '../support/test-database';

const reads = (plan: PlanNode, table: string) => nodesOf(plan).filter((node) => node['Relation Name'] === table);
const subPlans = (plan: PlanNode) => nodesOf(plan).filter((node) => node['Parent Relationship'] === 'SubPlan').map((node) => node['Subplan Name']);

describe('reads whose work grew per row of the district are planned flat (issue 12)', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let districtAdmin: TestUser;
  let unitAdmin: TestUser;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'PL', { members: 3, residents: 0 });
    b = await buildCommunity(db, 'PM', { members: 1, residents: 0 });
    const open = { category: '社区服务', place: '广场', startsAt: inMinutes(24 * 60), endsAt: inMinutes(26 * 60), capacity: 5 };
    for (let i = 0; i < 3; i++) {
      await ok(call(orders, 'create', { ...open, title: `开放活动${i}`, dispatch: 'open', startsAt: inMinutes(24 * 60 + i * 10), endsAt: inMinutes(26 * 60 + i * 10) }, a.secretary));
    }
    await ok(call(orders, 'create', { ...open, title: '派给我的活动', dispatch: 'directed', inviteeIds: [a.members[0].id] }, a.secretary));
    await ok(call(orders, 'create', { ...open, title: '别的社区', dispatch: 'open' }, b.secretary));
    districtAdmin = await createDistrictAdmin(db, a.districtId);
    unitAdmin = await createUnitAdmin(db, a.unitId);
    await insertReportSlip(db, { unitId: a.unitId, communityId: a.communityId, issuedBy: unitAdmin.id, phone: newPhone(), code: 'PLANSL2P' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('orders.recommend reads the candidates’ history for all of them at once, by index, with no subquery run per candidate', async () => {
    const draft = { startsAt: inMinutes(7 * 24 * 60), endsAt: inMinutes(7 * 24 * 60 + 120), requiredPosts: [], requiredSkills: [] };
    const sent = await recordStatements(db, () => ok(call(orders, 'recommend', draft, a.secretary)));
    const reading = sent.filter((statement) => /service_records/.test(statement.sql));
    expect(reading).toHaveLength(1);
    for (const seqscan of [true, false]) {
      const plan = await planOf(db, reading[0], { seqscan });
      expect(subPlans(plan)).toEqual([]);
      expect(reads(plan, 'service_records')).toHaveLength(1);
    }
    const byIndex = await planOf(db, reading[0]);
    for (const table of ['service_records', 'assignments', 'attendance', 'orders']) {
      expect(reads(byIndex, table).filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
    }
  });

  /** The statements of an action that read the units' members and 报到单. */
  const unitReadsOf = async (work: () => Promise<unknown>) =>
    (await recordStatements(db, work)).filter((statement) => /report_slips|from members m/.test(statement.sql));

  it.each([
    ['org.tree', () => ok(call(org, 'tree', {}, districtAdmin))],
    ['reports.unitStatistics', () => ok(call(reports, 'unitStatistics', {}, unitAdmin))],
  ])('%s counts the units’ members and 报到单 with no subquery run per member or per slip', async (_, work) => {
    const statements = await unitReadsOf(work);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      for (const seqscan of [true, false]) expect(subPlans(await planOf(db, statement, { seqscan }))).toEqual([]);
    }
  });

  it('org.tree counts the units’ people in the database rather than reading every one of them', async () => {
    const statements = await unitReadsOf(() => ok(call(org, 'tree', {}, districtAdmin)));
    expect(statements).toHaveLength(1);
    expect(statements[0].sql).toMatch(/group by/);
  });

  describe('orders.listOpen', () => {
    let page: SentStatement;
    let count: SentStatement;

    beforeAll(async () => {
      const sent = await recordStatements(db, async () => {
        const { items, total } = await ok(call(orders, 'listOpen', { page: { limit: 2, offset: 0 } }, a.members[0]));
        expect(items.map((item: { title: string }) => item.title)).toEqual(['派给我的活动', '开放活动0']);
        expect(total).toBe(4);
      });
      const hall = sent.filter((statement) => /from orders o/.test(statement.sql) && /assignments mine/.test(statement.sql));
      [page, count] = [hall.find((statement) => /limit/.test(statement.sql))!, hall.find((statement) => /count\(\*\) as n from hall/.test(statement.sql))!];
    });

    it('reaches the community’s open orders and the orders sent to me each by its index, never scanning orders', async () => {
      for (const statement of [page, count]) {
        expect(statement).toBeDefined();
        const plan = await planOf(db, statement);
        expect(reads(plan, 'orders').filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
        const indexes = nodesOf(plan).map((node) => node['Index Name']);
        expect(indexes).toContain('orders_open_hall');
        expect(indexes).toContain('assignments_member');
      }
    });

    it('counts the hall on its two branches alone, without the display joins', async () => {
      const plan = await planOf(db, count);
      for (const table of ['attendance', 'demands', 'evaluations', 'users']) expect(reads(plan, table)).toEqual([]);
    });

    it('answers a last page without counting again', async () => {
      const sent = await recordStatements(db, async () => {
        const { items, total } = await ok(call(orders, 'listOpen', { page: { limit: 20, offset: 1 } }, a.members[0]));
        expect(items).toHaveLength(3);
        expect(total).toBe(4);
      });
      expect(sent.filter((statement) => /from hall/.test(statement.sql) && !/limit/.test(statement.sql))).toEqual([]);
    });
  });
});
