import { randomUUID } from 'node:crypto';
import { main as assessment } from '../../cloudfunctions/assessment/index';
import { main as records } from '../../cloudfunctions/records/index';
import { PRESETS } from '../../cloudfunctions/_core/assessment/presets';
import type { RuleSet } from '../../cloudfunctions/_core/assessment/rule-set.schema';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { addActivity, addExemption, addGoodDeed, addService, addSuggestion, setCommunityJoined, setMemberType } from '../support/assessment-fixtures';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { addRegistration } from '../support/reports-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Thursday 2026-08-20 10:00 Beijing: the third quarter is running.
const NOW = new Date('2026-08-20T02:00:00Z');

const chooseRuleSet = (db: Database, districtId: string, year: number, document: RuleSet, chosenBy: string, version = 1) =>
  db.query(
    `insert into assessment_rule_sets (id, district_id, street_id, year, version, preset, document, reason, chosen_by, chosen_at)
     values ($1, $2, null, $3, $4, null, $5::jsonb, '按区委要求选用', $6, now())`,
    [randomUUID(), districtId, year, version, JSON.stringify({ ...document, version }), chosenBy],
  );

const withHoursThreshold = (document: RuleSet, ruleId: string, threshold: number): RuleSet => ({
  ...document,
  rules: document.rules.map((rule) => (rule.id === ruleId ? { ...rule, threshold } : rule)),
});

type Rule = { ruleId: string; status: string; figure: number; target: number; left: number; by: string | null; advice: string; open: boolean; consequences: string[]; quarters: unknown[] | null };
const ruleOf = (standing: { rules: Rule[] }, id: string) => standing.rules.find((rule) => rule.ruleId === id)!;

describe('assessment.myStanding / memberStanding: a member’s standing against the rule set of the year (issue 13)', () => {
  let db: Database;
  let a: TestCommunity; // 台山 2020 (the default) for 2026, 台山 2012 chosen for 2025
  let b: TestCommunity; // same district, another community
  let c: TestCommunity; // another district: 江苏 2014
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  let unitAdmin: TestUser;
  let otherUnitAdmin: TestUser;
  let hours: TestUser; // 8.5 h in 2026, one service in 2025
  let exempt: TestUser;
  let activist: TestUser;
  let joiner: TestUser;
  let reporter: TestUser;
  const clock = useWallClock(NOW);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'SA', { members: 4, residents: 0 });
    b = await buildCommunity(db, 'SB', { members: 1, residents: 0, districtId: a.districtId });
    c = await buildCommunity(db, 'SC', { members: 1, residents: 0 });
    districtAdmin = await createDistrictAdmin(db, a.districtId);
    otherDistrictAdmin = await createDistrictAdmin(db, c.districtId);
    unitAdmin = await createUnitAdmin(db, a.unitId);
    otherUnitAdmin = await createUnitAdmin(db, b.unitId);
    [hours, exempt, activist, joiner] = a.members;
    [reporter] = c.members;
    for (const member of [...a.members, ...b.members, ...c.members]) await setCommunityJoined(db, member.id, '2024-06-01T02:00:00Z');

    await chooseRuleSet(db, a.districtId, 2025, PRESETS['taishan-2012'], districtAdmin.id);
    await chooseRuleSet(db, a.districtId, 2026, PRESETS['taishan-2020'], districtAdmin.id);
    await chooseRuleSet(db, c.districtId, 2026, PRESETS['jiangsu-2014'], otherDistrictAdmin.id);

    const orderId = await addActivity(db, { communityId: a.communityId, startsAt: '2026-01-15T09:00:00+08:00', createdBy: a.secretary.id });
    const serve = (member: TestUser, serviceDate: string, minutes: number, status?: 'pending_approval') =>
      addService(db, { orderId, memberId: member.id, communityId: a.communityId, serviceDate, minutes, createdBy: a.secretary.id, status });
    await serve(hours, '2026-01-15', 120);
    await serve(hours, '2026-03-10', 300);
    await serve(hours, '2026-08-01', 90);
    await serve(hours, '2026-08-02', 600, 'pending_approval');
    await serve(hours, '2025-12-31', 600);

    await serve(exempt, '2026-02-01', 60);
    await addExemption(db, { memberId: exempt.id, year: 2026, recordedBy: a.secretary.id });

    // An activist since 1 October 2025: 30 h in 2025 and 10 h in 2026 count; a service the day before does not.
    await setMemberType(db, activist.id, 'activist', { activistSince: '2025-10-01' });
    await serve(activist, '2025-09-30', 300);
    await serve(activist, '2025-11-11', 1800);
    await serve(activist, '2026-02-02', 600);

    // Joined on 15 April 2026: held to the third and fourth quarters, 25 h × 2/4 = 12.5 h.
    await setCommunityJoined(db, joiner.id, '2026-04-15T02:00:00Z');

    // 江苏 2014 (in-service members): reported (a confirmed 报到), 1 of 2 services, 1 suggestion (a withdrawn one does not count).
    await addRegistration(db, {
      userId: reporter.id, communityId: c.communityId, status: 'confirmed', submittedAt: new Date('2024-05-20T02:00:00Z'), decidedAt: new Date('2024-06-01T02:00:00Z'), decidedBy: c.secretary.id,
    });
    const orderC = await addActivity(db, { communityId: c.communityId, startsAt: '2026-05-01T09:00:00+08:00', createdBy: c.secretary.id });
    await addService(db, { orderId: orderC, memberId: reporter.id, communityId: c.communityId, serviceDate: '2026-05-01', minutes: 60, createdBy: c.secretary.id });
    await addSuggestion(db, { memberId: reporter.id, communityId: c.communityId, submittedAt: '2026-06-01T10:00:00+08:00' });
    await addSuggestion(db, { memberId: reporter.id, communityId: c.communityId, submittedAt: '2026-06-02T10:00:00+08:00', status: 'withdrawn' });
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('shows a member’s hours against 台山 2020: figure, what is left and by when, the 优秀 eligibility at risk, hours by Beijing month', async () => {
    const standing = await ok(call(assessment, 'myStanding', {}, hours));
    expect(standing).toMatchObject({
      year: 2026,
      closed: false,
      overall: 'at_risk',
      ruleSet: { name: '台山 2020', origin: 'chosen', version: 1, year: 2026 },
      member: { memberId: hours.id, memberType: 'in_service', memberTypeLabel: '在职党员', communityName: '测试社区SA', gridName: '第1网格' },
      creditedHours: 8.5,
      targetHours: 25,
      hoursByMonth: [2, 0, 5, 0, 0, 0, 0, 1.5, 0, 0, 0, 0],
    });
    expect(ruleOf(standing, 'member-hours')).toMatchObject({
      status: 'not_met', open: true, figure: 8.5, target: 25, left: 16.5, by: '2026-12-31', advice: '还需服务16.5小时，12月31日前需完成',
      consequences: ['年度民主评议不得评为优秀', '不得参加评选表彰'],
    });
    expect(ruleOf(standing, 'activist-hours').status).toBe('not_applicable');
    expect(standing.eligibility).toEqual([
      { consequence: 'not_excellent', label: '年度民主评议不得评为优秀', status: 'at_risk', text: '目前不可评为优秀：还需服务16.5小时，12月31日前需完成', blockedBy: ['每年志愿服务时数不少于25小时'] },
      { consequence: 'no_commendation', label: '不得参加评选表彰', status: 'at_risk', text: '目前不可参加评选表彰：还需服务16.5小时，12月31日前需完成', blockedBy: ['每年志愿服务时数不少于25小时'] },
    ]);
  });

  it('computes a closed year with that year’s rule set (台山 2012 chosen for 2025): quarters missed for good, 评先评优 lost', async () => {
    const standing = await ok(call(assessment, 'myStanding', { year: 2025 }, hours));
    expect(standing).toMatchObject({ year: 2025, closed: true, overall: 'not_met', ruleSet: { name: '台山 2012', origin: 'chosen', year: 2025 }, creditedHours: 10, targetHours: 10 });
    expect(standing.hoursByMonth).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10]);
    expect(ruleOf(standing, 'hours-per-year')).toMatchObject({ status: 'met', figure: 10, target: 10 });
    expect(ruleOf(standing, 'services-per-year')).toMatchObject({ status: 'not_met', open: false, figure: 1, target: 4, advice: '2025年未达标：服务次数1次，目标4次' });
    expect(ruleOf(standing, 'services-per-quarter')).toMatchObject({ status: 'not_met', open: false, figure: 1, target: 4, advice: '第一季度没有服务（每季度至少1次），本年度未达标' });
    expect(ruleOf(standing, 'member-good-deed')).toMatchObject({ status: 'not_met', figure: 0, target: 1 });
    expect(standing.eligibility).toEqual([
      {
        consequence: 'no_merit_rating', label: '取消当年评先评优资格', status: 'lost',
        text: '本年度不可参加评先评优：2025年未达标：服务次数1次，目标4次；第一季度没有服务（每季度至少1次），本年度未达标',
        blockedBy: ['每年参与义工服务不少于4次', '每季度至少参与义工服务1次'],
      },
    ]);
  });

  it('shows an exempted member as exempt with the approval, and eligible', async () => {
    const standing = await ok(call(assessment, 'myStanding', {}, exempt));
    expect(ruleOf(standing, 'member-hours')).toMatchObject({ status: 'exempt', figure: 1, left: 0, by: null, advice: '经台城街道党工委批准免除：身体原因不宜参加服务', consequences: [] });
    expect(standing.overall).toBe('met');
    expect(standing.eligibility.map((line: { text: string }) => line.text)).toEqual(['可评为优秀', '可参加评选表彰']);
  });

  it('holds an activist over the cultivation period across two years, with no yearly hours target', async () => {
    const standing = await ok(call(assessment, 'myStanding', {}, activist));
    expect(ruleOf(standing, 'activist-hours')).toMatchObject({ status: 'not_met', open: true, figure: 40, target: 50, left: 10, advice: '培养期内还需服务10小时（自2025年10月1日起累计40小时）' });
    expect(ruleOf(standing, 'member-hours').status).toBe('not_applicable');
    expect(standing).toMatchObject({ targetHours: null, creditedHours: 10, eligibility: [], member: { memberTypeLabel: '入党积极分子', activistSince: '2025-10-01', joinedPartyOn: null } });
  });

  it('holds a mid-year joiner pro rata by whole quarters', async () => {
    const standing = await ok(call(assessment, 'myStanding', {}, joiner));
    expect(ruleOf(standing, 'member-hours')).toMatchObject({ figure: 0, target: 12.5, left: 12.5, advice: '还需服务12.5小时，12月31日前需完成（年中加入，按2个季度考核）' });
    expect(standing.targetHours).toBe(12.5);
  });

  it('counts suggestions and services under 江苏 2014 in another district', async () => {
    const standing = await ok(call(assessment, 'myStanding', {}, reporter));
    expect(standing.ruleSet).toMatchObject({ name: '江苏 2014', origin: 'chosen' });
    expect(ruleOf(standing, 'reported')).toMatchObject({ status: 'met' });
    expect(ruleOf(standing, 'suggestions')).toMatchObject({ status: 'met', figure: 1, target: 1 });
    expect(ruleOf(standing, 'community-services')).toMatchObject({ status: 'not_met', figure: 1, target: 2, left: 1, by: '2026-12-31' });
    expect(standing.targetHours).toBeNull();
    expect(standing.eligibility).toEqual([
      { consequence: 'no_merit_rating', label: '取消当年评先评优资格', status: 'at_risk', text: '目前不可参加评先评优：还需参加服务1次，12月31日前需完成', blockedBy: ['每年至少参加2次社区志愿服务活动'] },
    ]);
  });

  it('counts a confirmed 好事 under 台山 2012', async () => {
    await addGoodDeed(db, { memberId: hours.id, communityId: a.communityId, year: 2025, fulfilledAt: '2025-06-20T10:00:00+08:00', createdBy: a.secretary.id });
    const standing = await ok(call(assessment, 'myStanding', { year: 2025 }, hours));
    expect(ruleOf(standing, 'member-good-deed')).toMatchObject({ status: 'met', figure: 1 });
  });

  it('shows the same view to the member’s secretary, unit admin and district admin, and refuses everyone else', async () => {
    const own = await ok(call(assessment, 'myStanding', {}, hours));
    for (const viewer of [a.secretary, unitAdmin, districtAdmin]) {
      expect(await ok(call(assessment, 'memberStanding', { memberId: hours.id }, viewer))).toEqual(own);
    }
    for (const viewer of [b.secretary, c.secretary, otherUnitAdmin, otherDistrictAdmin, exempt]) {
      expect(await failed(call(assessment, 'memberStanding', { memberId: hours.id }, viewer))).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await failed(call(assessment, 'memberStanding', { memberId: randomUUID() }, a.secretary))).code).toBe('ASSESSMENT_MEMBER_NOT_FOUND');
    expect((await failed(call(assessment, 'myStanding', {}, a.secretary))).code).toBe('FORBIDDEN');
    expect(await failed(call(assessment, 'memberStanding', { memberId: 'x' }, a.secretary))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { memberId: '党员的编号格式不正确' } });
    expect(await failed(call(assessment, 'myStanding', { year: 1999 }, hours))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { year: '考核年度不能小于2000' } });
  });
});

describe('records.myHours: the yearly target is the member’s rule set’s hours rule, not a constant (issue 13)', () => {
  let db: Database;
  let community: TestCommunity;
  let admin: TestUser;
  const clock = useWallClock(NOW);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'SH', { members: 2, residents: 0 });
    admin = await createDistrictAdmin(db, community.districtId);
    for (const member of community.members) await setCommunityJoined(db, member.id, '2024-06-01T02:00:00Z');
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('shows 10 h for a district that chose 台山 2012, then 30 h once the threshold is edited to 30', async () => {
    const [member] = community.members;
    await chooseRuleSet(db, community.districtId, 2026, PRESETS['taishan-2012'], admin.id);
    expect(await ok(call(records, 'myHours', {}, member))).toMatchObject({ targetHours: 10, targetRule: { title: '每年累积服务时数不少于10小时', advice: '还需服务10小时，12月31日前需完成' } });
    await chooseRuleSet(db, community.districtId, 2026, withHoursThreshold(PRESETS['taishan-2012'], 'hours-per-year', 30), admin.id, 2);
    expect(await ok(call(records, 'myHours', {}, member))).toMatchObject({ targetHours: 30 });
  });

  it('has no hours target when the rule set has no hours rule (武进 2019), and names the rule that holds instead', async () => {
    const [, member] = community.members;
    await chooseRuleSet(db, community.districtId, 2026, PRESETS['wujin-2019'], admin.id, 3);
    expect(await ok(call(records, 'myHours', {}, member))).toMatchObject({ targetHours: null, targetRule: { title: '每名党员至少参加1次义工服务', advice: '还需参加服务1次，12月31日前需完成' } });
  });
});
