import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as privacy } from '../../cloudfunctions/privacy/index';
import { main as records } from '../../cloudfunctions/records/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, inMinutes, ok, type Main } from '../support/call';
import { buildCommunity, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { recordStatements, type SentStatement } from '../support/statement-log';
import { nodesOf, planOf, type PlanNode } from '../support/statement-plans';
import { openSuiteDatabase } from '../support/test-database';

const PAGE_LIMIT = 17;

const relationsOf = (node: PlanNode) => [...new Set(nodesOf(node).flatMap((n) => (n['Relation Name'] ? [n['Relation Name']] : [])))].sort();

/** The tables read outside `skipped` subtrees. */
function relationsOutside(node: PlanNode, skipped: (n: PlanNode) => boolean): string[] {
  if (skipped(node)) return [];
  const own = node['Relation Name'] ? [node['Relation Name']] : [];
  return [...new Set([...own, ...(node.Plans ?? []).flatMap((child) => relationsOutside(child, skipped))])].sort();
}

/** The list statement an action sent: the one paged by our limit. */
function pageStatement(sent: SentStatement[]): SentStatement {
  const paged = sent.filter((s) => /\blimit \$\d+ offset \$\d+/i.test(s.sql) && s.params.includes(PAGE_LIMIT));
  expect(paged).toHaveLength(1);
  return paged[0];
}

type Caller = 'secretary' | 'member' | 'resident' | 'unitAdmin';

/**
 * Each list of issue 12: the table its page is picked on, the tables its filter and order need besides, and
 * the display joins that must come only after the page is cut.
 */
const LISTS: {
  list: string;
  main: Main;
  action: string;
  by: Caller;
  input?: object;
  driving: string;
  filter?: string[];
  display: string[];
  /** Counted in the page's own pass where that pass reads every row anyway (a sort key no index holds). */
  countedInPage?: true;
}[] = [
  { list: 'records.listForCommunity', main: records, action: 'listForCommunity', by: 'secretary', driving: 'service_records', display: ['evaluations', 'members', 'orders', 'organisations', 'users'] },
  { list: 'records.myHours', main: records, action: 'myHours', by: 'member', driving: 'service_records', display: ['evaluations', 'members', 'orders', 'organisations', 'users'] },
  { list: 'orders.listForCommunity', main: orders, action: 'listForCommunity', by: 'secretary', driving: 'orders', display: ['assignments', 'attendance', 'demands', 'evaluations', 'users'] },
  { list: 'orders.listMine', main: orders, action: 'listMine', by: 'member', driving: 'assignments', filter: ['attendance', 'orders'], display: ['demands', 'evaluations', 'users'] },
  { list: 'demands.listForCommunity', main: demands, action: 'listForCommunity', by: 'secretary', driving: 'demands', display: ['evaluations', 'orders', 'organisations'] },
  { list: 'demands.listMine', main: demands, action: 'listMine', by: 'resident', driving: 'demands', display: ['evaluations', 'orders', 'organisations'] },
  { list: 'registration.listPending', main: registration, action: 'listPending', by: 'secretary', driving: 'registrations', display: ['members', 'organisations', 'report_slips', 'units', 'users'] },
  { list: 'registration.listSlips', main: registration, action: 'listSlips', by: 'unitAdmin', driving: 'report_slips', display: ['organisations', 'registrations', 'units'] },
  { list: 'privacy.accessLog', main: privacy, action: 'accessLog', by: 'secretary', driving: 'access_log', display: ['demands', 'users'] },
  {
    list: 'reports.communityRegister',
    main: reports,
    action: 'communityRegister',
    by: 'secretary',
    input: { memberType: 'all' },
    driving: 'members',
    // 报到日期 (the sort key) reads the member's history and registration; a query reads the unit and work unit
    filter: ['member_community_history', 'member_profiles', 'registrations', 'units', 'users'],
    display: ['organisations'],
    countedInPage: true,
  },
];

describe('a list page is cut on its driving table before the display joins, and counted without them (issue 12)', () => {
  let db: Database;
  let community: TestCommunity;
  let callers: Record<Caller, TestUser>;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'LP', { members: 2, residents: 1 });
    callers = { secretary: community.secretary, member: community.members[0], resident: community.residents[0], unitAdmin: await createUnitAdmin(db, community.unitId) };
  });
  afterAll(async () => {
    await db.close();
  });

  it.each(LISTS)('$list', async ({ main, action, by, input, driving, filter = [], display, countedInPage }) => {
    const sent = await recordStatements(db, () => ok(call(main, action, { ...input, page: { limit: PAGE_LIMIT, offset: 0 } }, callers[by])));
    const plan = await planOf(db, pageStatement(sent), { seqscan: true });
    const allowed = [driving, ...filter].sort();
    const isPageLimit = (n: PlanNode) => n['Node Type'] === 'Limit' && relationsOf(n).includes(driving);
    const pageLimits = nodesOf(plan).filter(isPageLimit);
    expect(pageLimits.length).toBeGreaterThan(0);
    // the outermost: a Limit inside another one's subtree is a lateral read, not the page
    const page = pageLimits.find((limit) => !pageLimits.some((other) => other !== limit && nodesOf(other).includes(limit)))!;
    expect(relationsOf(page).filter((table) => !allowed.includes(table))).toEqual([]);

    const isInitPlan = (n: PlanNode) => n['Parent Relationship'] === 'InitPlan';
    const joinedAfterPage = relationsOutside(plan, (n) => n === page || isInitPlan(n));
    expect(display.filter((table) => !joinedAfterPage.includes(table))).toEqual([]);

    if (countedInPage) {
      expect(nodesOf(page).some((n) => n['Node Type'] === 'WindowAgg')).toBe(true);
      return;
    }
    const counts = nodesOf(plan).filter((n) => isInitPlan(n) && nodesOf(n).some((m) => m['Node Type'] === 'Aggregate') && relationsOf(n).includes(driving));
    expect(counts).toHaveLength(1);
    expect(relationsOf(counts[0]).filter((table) => !allowed.includes(table))).toEqual([]);
  });
});

describe("a needs page reads its orders' records by index, not the whole of service_records (issue 12, migration 0012)", () => {
  let db: Database;
  let community: TestCommunity;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'LN', { members: 1, residents: 1 });
  });
  afterAll(async () => {
    await db.close();
  });

  it.each([
    { list: 'demands.listForCommunity', by: 'secretary' as const },
    { list: 'demands.listMine', by: 'resident' as const },
  ])('$list', async ({ list, by }) => {
    const caller = by === 'secretary' ? community.secretary : community.residents[0];
    const action = list.split('.')[1];
    const statement = pageStatement(await recordStatements(db, () => ok(call(demands, action, { page: { limit: PAGE_LIMIT, offset: 0 } }, caller))));
    const seqScans = nodesOf(await planOf(db, statement)).filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
    expect(seqScans).not.toContain('service_records');
  });
});

describe('a list read page by page gives the whole list once, ties broken by id, with the same total on every page', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openSuiteDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("orders.listForCommunity: orders starting at the same time come by id, and a page past the end is empty with 0 as before", async () => {
    const community = await buildCommunity(db, 'LT', { members: 1, residents: 0 });
    const at = new Date();
    const create = (inDays: number, i: number) =>
      ok<{ id: string }>(call(orders, 'create', {
        title: `同时开始的活动${i}`, category: '社区服务', place: '社区广场', capacity: 3, dispatch: 'open',
        startsAt: inMinutes(inDays * 24 * 60, at), endsAt: inMinutes(inDays * 24 * 60 + 60, at),
      }, community.secretary));
    const tied: string[] = [];
    for (let i = 0; i < 5; i++) tied.push((await create(3, i)).id);
    const earlier = (await create(2, 9)).id;

    const pageOf = (offset: number) =>
      ok<{ items: { id: string }[]; total: number }>(call(orders, 'listForCommunity', { page: { limit: 2, offset } }, community.secretary));
    const pages = [await pageOf(0), await pageOf(2), await pageOf(4)];
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6]);
    expect(pages.flatMap((p) => p.items.map((item) => item.id))).toEqual([...[...tied].sort(), earlier]);
    expect(await pageOf(6)).toEqual({ items: [], total: 0 });
  });
});
