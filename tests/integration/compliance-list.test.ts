import { randomUUID } from 'node:crypto';
import { main as assessment } from '../../cloudfunctions/assessment/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { PRESETS } from '../../cloudfunctions/_core/assessment/presets';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';
import { addActivity, addExemption, addGoodDeed, addService, addSuggestion, setCommunityJoined, setMemberType } from '../support/assessment-fixtures';

// 15 August 2026 in Beijing: the third quarter is running, the fourth has not begun.
const NOW = new Date('2026-08-15T10:00:00+08:00');

describe('assessment.complianceList and assessment.unitStanding (issue 13)', () => {
  let db: Database;
  let clock: ReturnType<typeof useWallClock>;
  let c: TestCommunity;
  let other: TestCommunity;
  let elsewhere: TestCommunity;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  let unitAdmin: TestUser;
  let otherUnitAdmin: TestUser;
  let m: TestUser[];

  const list = (data: object, user: TestUser = c.secretary) => ok(call(assessment, 'complianceList', data, user));
  const names = (items: { name: string }[]) => items.map((item) => item.name);

  beforeAll(async () => {
    clock = useWallClock(NOW);
    db = await openSuiteDatabase();
    c = await buildCommunity(db, 'CL', { members: 6, residents: 0 });
    other = await buildCommunity(db, 'CO', { members: 1, residents: 0, districtId: c.districtId });
    elsewhere = await buildCommunity(db, 'CE', { members: 1, residents: 0 });
    districtAdmin = await createDistrictAdmin(db, c.districtId);
    otherDistrictAdmin = await createDistrictAdmin(db, elsewhere.districtId);
    unitAdmin = await createUnitAdmin(db, c.unitId);
    otherUnitAdmin = await createUnitAdmin(db, other.unitId);
    m = c.members;
    // everyone has been in their community since before the year (the fixtures' history rows open at the database's now)
    for (const member of [...m, ...other.members, ...elsewhere.members]) await setCommunityJoined(db, member.id, '2025-01-01T00:00:00+08:00');
    const orderId = await addActivity(db, { communityId: c.communityId, startsAt: '2026-02-01T09:00:00+08:00', createdBy: c.secretary.id });
    const serve = (member: TestUser, serviceDate: string, hours: number, status?: 'pending_approval') =>
      addService(db, { orderId, memberId: member.id, communityId: c.communityId, serviceDate, minutes: hours * 60, createdBy: c.secretary.id, status });
    // 党员CL1 (grid 1, in service): 25 h in February and 1 h in August → 达标, served this quarter
    await serve(m[0], '2026-02-01', 25);
    await serve(m[0], '2026-08-01', 1);
    // 党员CL2 (grid 2, in service): 10 h in March (100 h awaiting approval do not count) → 15 h behind, nothing this quarter
    await serve(m[1], '2026-03-01', 10);
    await serve(m[1], '2026-08-03', 100, 'pending_approval');
    // 党员CL3 (grid 1, 社区党员): 20 h in July → 5 h behind
    await setMemberType(db, m[2].id, 'community');
    await serve(m[2], '2026-07-10', 20);
    // 党员CL4 (grid 2, in service): exempted for 2026
    await addExemption(db, { memberId: m[3].id, year: 2026, recordedBy: c.secretary.id });
    // 党员CL5 (grid 1, activist since June 2025): 40 h in 2025 and 5 h this August → 45 of 50 over the cultivation period
    await setMemberType(db, m[4].id, 'activist', { activistSince: '2025-06-01' });
    await serve(m[4], '2025-09-01', 40);
    await serve(m[4], '2026-08-02', 5);
    // 党员CL6 (grid 2, activist without the date): no rule can be applied → 不考核
    await setMemberType(db, m[5].id, 'activist');
    // CO's in-service member belongs to CL's unit: the unit sees them in the community they serve
    await db.query('update members set unit_id = $2 where user_id = $1', [other.members[0].id, c.unitId]);
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('lists every member with the numbers at the top, the charts and the rows most behind first', async () => {
    const page = await list({});
    expect(page).toMatchObject({
      year: 2026,
      closed: false,
      currentQuarter: 3,
      community: { id: c.communityId, name: '测试社区CL' },
      ruleSet: { name: '台山 2020', origin: 'default', version: null },
      grids: [{ id: c.gridIds[0], name: '第1网格' }, { id: c.gridIds[1], name: '第2网格' }],
      counts: { members: 6, met: 1, behind: 3, noServiceThisQuarter: 1, exempt: 1, notAssessed: 1 },
      byQuarter: [
        { quarter: 1, label: '第一季度', withService: 2, withoutService: 2 },
        { quarter: 2, label: '第二季度', withService: 0, withoutService: 4 },
        { quarter: 3, label: '第三季度', withService: 3, withoutService: 1 },
      ],
      byType: [
        { memberType: 'in_service', label: '在职党员', met: 1, behind: 1, exempt: 1 },
        { memberType: 'community', label: '社区党员', met: 0, behind: 1, exempt: 0 },
        { memberType: 'activist', label: '入党积极分子', met: 0, behind: 1, exempt: 0 },
      ],
      total: 6,
    });
    expect(page.items.map((row: any) => [row.name, row.status, row.hours, row.servedThisQuarter])).toEqual([
      ['党员CL2', 'behind', 10, false],
      ['党员CL3', 'behind', 20, true],
      ['党员CL5', 'behind', 5, true],
      ['党员CL1', 'met', 26, true],
      ['党员CL4', 'exempt', 0, false],
      ['党员CL6', 'not_assessed', 0, false],
    ]);
    const [cl2, , cl5] = page.items;
    expect(cl2).toMatchObject({ memberTypeLabel: '在职党员', gridName: '第2网格', statusLabel: '未达标' });
    expect(cl2.headline).toEqual({
      ruleId: 'member-hours', title: '每年志愿服务时数不少于25小时', status: 'not_met', open: true, figure: 10, target: 25, unit: '小时',
      left: 15, by: '2026-12-31', advice: '还需服务15小时，12月31日前需完成', quarters: null,
    });
    expect(cl5.headline).toMatchObject({ ruleId: 'activist-hours', figure: 45, target: 50, left: 5, advice: '培养期内还需服务5小时（自2025年6月1日起累计45小时）' });
    expect(page.items[4].headline).toMatchObject({ status: 'exempt', advice: '经台城街道党工委批准免除：身体原因不宜参加服务' });
    expect(page.items[5].headline).toBeNull();
  });

  it('filters by type, grid and status, keeping the numbers to the type and grid', async () => {
    const inService = await list({ memberType: 'in_service' });
    expect(inService.counts).toEqual({ members: 3, met: 1, behind: 1, noServiceThisQuarter: 1, exempt: 1, notAssessed: 0 });
    expect(names(inService.items)).toEqual(['党员CL2', '党员CL1', '党员CL4']);
    const grid2 = await list({ gridId: c.gridIds[1] });
    expect(names(grid2.items)).toEqual(['党员CL2', '党员CL4', '党员CL6']);
    expect(grid2.counts).toMatchObject({ members: 3, behind: 1, exempt: 1, notAssessed: 1 });
    const behind = await list({ status: 'behind' });
    expect([names(behind.items), behind.total, behind.counts.members]).toEqual([['党员CL2', '党员CL3', '党员CL5'], 3, 6]);
    expect(names((await list({ status: 'met' })).items)).toEqual(['党员CL1']);
    expect(names((await list({ status: 'exempt' })).items)).toEqual(['党员CL4']);
    expect(names((await list({ status: 'no_service_this_quarter' })).items)).toEqual(['党员CL2']);
    expect(names((await list({ status: 'behind', memberType: 'activist', gridId: c.gridIds[0] })).items)).toEqual(['党员CL5']);
  });

  it('sorts by name and by hours, and pages with the total of the matching rows', async () => {
    expect(names((await list({ sort: 'name' })).items)).toEqual(['党员CL1', '党员CL2', '党员CL3', '党员CL4', '党员CL5', '党员CL6']);
    expect(names((await list({ sort: 'hours' })).items)).toEqual(['党员CL4', '党员CL6', '党员CL5', '党员CL2', '党员CL3', '党员CL1']);
    const second = await list({ page: { limit: 2, offset: 2 } });
    expect([names(second.items), second.total]).toEqual([['党员CL5', '党员CL1'], 6]);
    const past = await list({ page: { limit: 2, offset: 6 } });
    expect([past.items, past.total]).toEqual([[], 6]);
  });

  it('a closed year: every quarter in the chart, none running, a shortfall missed for good', async () => {
    const closed = await list({ year: 2025 });
    expect(closed).toMatchObject({ year: 2025, closed: true, currentQuarter: null });
    expect(closed.byQuarter.map((q: any) => q.quarter)).toEqual([1, 2, 3, 4]);
    expect(closed.counts).toMatchObject({ noServiceThisQuarter: 0, exempt: 0 });
    const cl1 = closed.items.find((row: any) => row.name === '党员CL1');
    expect(cl1).toMatchObject({ status: 'behind', hours: 0, headline: { open: false, advice: '2025年未达标：服务时数0小时，目标25小时' } });
  });

  it('the district admin sees any community of her district by naming it; others are refused', async () => {
    const seen = await list({ communityId: c.communityId }, districtAdmin);
    expect(seen.counts.members).toBe(6);
    expect((await list({ communityId: other.communityId }, districtAdmin)).community.name).toBe('测试社区CO');
    expect(await failed(call(assessment, 'complianceList', {}, districtAdmin))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'complianceList', { communityId: c.communityId }, otherDistrictAdmin))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'complianceList', { communityId: c.communityId }, other.secretary))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await list({}, other.secretary)).community.name).toBe('测试社区CO');
    expect(await failed(call(assessment, 'complianceList', {}, m[0]))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'complianceList', { communityId: c.communityId }, unitAdmin))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'complianceList', {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a grid of another community and bad filters, naming the field', async () => {
    expect(await failed(call(assessment, 'complianceList', { gridId: other.gridIds[0] }, c.secretary))).toMatchObject({
      code: 'ASSESSMENT_GRID_NOT_IN_COMMUNITY', fields: { gridId: '所选网格不属于该社区' },
    });
    const bad = await failed(call(assessment, 'complianceList', { status: 'late', sort: 'age', memberType: 'x' }, c.secretary));
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['memberType', 'sort', 'status']);
    expect(bad.fields?.status).toContain('达标情况');
    expect(JSON.stringify(bad)).not.toContain('late');
  });

  it('the unit admin sees its in-service members in whichever community they serve, each with their standing', async () => {
    const unit = await ok(call(assessment, 'unitStanding', {}, unitAdmin));
    expect(unit).toMatchObject({
      year: 2026,
      unit: { id: c.unitId, name: '测试单位CL' },
      counts: { members: 4, met: 1, behind: 2, noServiceThisQuarter: 2, exempt: 1, notAssessed: 0 },
      byCommunity: [
        { communityId: c.communityId, communityName: '测试社区CL', ruleSet: '台山 2020', members: 3, met: 1, behind: 1, exempt: 1 },
        { communityId: other.communityId, communityName: '测试社区CO', ruleSet: '台山 2020', members: 1, met: 0, behind: 1, exempt: 0 },
      ],
      total: 4,
    });
    expect(unit.items.map((row: any) => [row.name, row.communityName, row.status])).toEqual([
      ['党员CO1', '测试社区CO', 'behind'],
      ['党员CL2', '测试社区CL', 'behind'],
      ['党员CL1', '测试社区CL', 'met'],
      ['党员CL4', '测试社区CL', 'exempt'],
    ]);
    const forAdmin = await ok(call(assessment, 'unitStanding', { unitId: c.unitId, status: 'behind' }, districtAdmin));
    expect(names(forAdmin.items)).toEqual(['党员CO1', '党员CL2']);
    expect(await failed(call(assessment, 'unitStanding', { unitId: c.unitId }, otherUnitAdmin))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'unitStanding', { unitId: c.unitId }, otherDistrictAdmin))).toMatchObject({ code: 'ORG_NOT_IN_DISTRICT' });
    expect(await failed(call(assessment, 'unitStanding', {}, districtAdmin))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'unitStanding', {}, c.secretary))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'unitStanding', { unitId: randomUUID() }, districtAdmin))).toMatchObject({ code: 'ORG_UNIT_NOT_FOUND' });
  });

  it('a threshold the district chose for the year changes every standing', async () => {
    const edited = { ...PRESETS['taishan-2020'], rules: PRESETS['taishan-2020'].rules.map((rule) => (rule.id === 'member-hours' ? { ...rule, threshold: 10 } : rule)) };
    await db.query(
      `insert into assessment_rule_sets (id, district_id, street_id, year, version, preset, document, reason, chosen_by, chosen_at)
       values ($1, $2, null, 2026, 1, 'taishan-2020', $3, '降低门槛', $4, now())`,
      [randomUUID(), c.districtId, JSON.stringify(edited), districtAdmin.id],
    );
    const page = await list({});
    expect(page.ruleSet).toMatchObject({ origin: 'chosen', version: 1 });
    expect(page.counts).toMatchObject({ met: 3, behind: 1 });
    expect(page.items.find((row: any) => row.name === '党员CL2')).toMatchObject({ status: 'met', headline: { target: 10 } });
  });

  it('counts suggestions and good deeds once a rule of the year counts them', async () => {
    await addSuggestion(db, { memberId: m[0].id, communityId: c.communityId, submittedAt: '2026-04-02T10:00:00+08:00' });
    await addGoodDeed(db, { memberId: m[0].id, communityId: c.communityId, year: 2026, fulfilledAt: '2026-05-20T10:00:00+08:00', createdBy: c.secretary.id });
    const counted = (id: string) => [...PRESETS['jiangsu-2014'].rules, ...PRESETS['taishan-2012'].rules].find((rule) => rule.id === id)!;
    const document = { ...PRESETS['taishan-2020'], rules: [...PRESETS['taishan-2020'].rules, counted('suggestions'), counted('member-good-deed')] };
    await db.query(
      `insert into assessment_rule_sets (id, district_id, street_id, year, version, preset, document, reason, chosen_by, chosen_at)
       values ($1, $2, null, 2026, 2, 'taishan-2020', $3, '加上建议和好事', $4, now())`,
      [randomUUID(), c.districtId, JSON.stringify(document), districtAdmin.id],
    );
    const page = await list({ sort: 'name' });
    expect(page.ruleSet).toMatchObject({ origin: 'chosen', version: 2 });
    const rules = (name: string) => Object.fromEntries(page.items.find((row: any) => row.name === name).rules.map((rule: any) => [rule.ruleId, [rule.status, rule.figure]]));
    expect(rules('党员CL1')).toMatchObject({ suggestions: ['met', 1], 'member-good-deed': ['met', 1] });
    expect(rules('党员CL2')).toMatchObject({ suggestions: ['not_met', 0], 'member-good-deed': ['not_met', 0] });
  });
});
