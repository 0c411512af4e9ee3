import { randomUUID } from 'node:crypto';
import { main as assessment } from '../../cloudfunctions/assessment/index';
import { PRESETS } from '../../cloudfunctions/_core/assessment/presets';
import type { RuleSet } from '../../cloudfunctions/_core/assessment/rule-set.schema';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { addActivity, addService, setCommunityJoined, setMemberType } from '../support/assessment-fixtures';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, renewTokens, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Sunday 2026-09-20 10:00 Beijing: eleven days of the third quarter are left, counting today.
const NOW = new Date('2026-09-20T02:00:00Z');

// 台山 2012 with 台山 2020's activist rule and 参与率, so that every kind of warning can arise in one community.
const RULE_SET: RuleSet = {
  ...PRESETS['taishan-2012'],
  name: '台山 2012（含积极分子与参与率）',
  rules: [
    ...PRESETS['taishan-2012'].rules,
    ...PRESETS['taishan-2020'].rules.filter((rule) => rule.id === 'activist-hours' || rule.id === 'participation-rate'),
  ],
};

const chooseRuleSet = (db: Database, districtId: string, year: number, document: RuleSet, chosenBy: string) =>
  db.query(
    `insert into assessment_rule_sets (id, district_id, street_id, year, version, preset, document, reason, chosen_by, chosen_at)
     values ($1, $2, null, $3, 1, null, $4::jsonb, '按区委要求选用', $5, now())`,
    [randomUUID(), districtId, year, JSON.stringify(document), chosenBy],
  );

describe('assessment.warnings: what is at risk now, for a member and for a community (issue 13)', () => {
  let db: Database;
  let community: TestCommunity;
  let other: TestCommunity;
  let districtAdmin: TestUser;
  let behind: TestUser; // served in Q1 and Q2 only, 2 h
  let onTrack: TestUser; // 12 h over Q1–Q3
  let activist: TestUser; // since 1 March 2026, 5 h
  const clock = useWallClock(NOW);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'WA', { members: 4, residents: 0 });
    other = await buildCommunity(db, 'WB', { members: 1, residents: 0, districtId: community.districtId });
    districtAdmin = await createDistrictAdmin(db, community.districtId);
    // the fourth member never serves
    [behind, onTrack, activist] = community.members;
    for (const member of community.members) await setCommunityJoined(db, member.id, '2024-06-01T02:00:00Z');
    await chooseRuleSet(db, community.districtId, 2026, RULE_SET, districtAdmin.id);
    const orderId = await addActivity(db, { communityId: community.communityId, startsAt: '2026-01-15T09:00:00+08:00', createdBy: community.secretary.id });
    const serve = (member: TestUser, serviceDate: string, minutes: number) =>
      addService(db, { orderId, memberId: member.id, communityId: community.communityId, serviceDate, minutes, createdBy: community.secretary.id });
    await serve(behind, '2026-02-10', 60);
    await serve(behind, '2026-05-10', 60);
    for (const day of ['2026-02-11', '2026-05-11', '2026-08-11']) await serve(onTrack, day, 240);
    await setMemberType(db, activist.id, 'activist', { activistSince: '2026-03-01' });
    await serve(activist, '2026-04-01', 300);
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('warns a member whose quarter is about to end without a service and whose hours are behind the year’s pace', async () => {
    const warnings = await ok(call(assessment, 'warnings', {}, behind));
    expect(warnings).toEqual({
      year: 2026,
      scope: 'me',
      items: [
        {
          kind: 'quarter_ending_unmet', severity: 'warning', text: '第三季度还没有服务，9月30日前需完成1次（还剩11天）', due: '2026-09-30',
          action: { label: '去接单', url: '/pages/member/order-hall/index' }, ruleId: 'services-per-quarter', count: null,
        },
        {
          // 263 of 365 days gone: 10 h × 263 / 365 = 7.2 h
          kind: 'hours_behind_pace', severity: 'warning', text: '按年度进度此时应服务7.2小时，目前2小时；还需服务8小时，12月31日前需完成', due: '2026-12-31',
          action: { label: '去接单', url: '/pages/member/order-hall/index' }, ruleId: 'hours-per-year', count: null,
        },
      ],
    });
  });

  it('has none for a member on track, and warns an activist behind the cultivation pace (the target within a year)', async () => {
    expect((await ok(call(assessment, 'warnings', { scope: 'me' }, onTrack))).items).toEqual([]);
    // 204 days since 1 March of 365: 50 h × 204 / 365 = 27.9 h
    expect((await ok(call(assessment, 'warnings', {}, activist))).items).toEqual([
      {
        kind: 'activist_behind_cultivation', severity: 'warning', text: '培养期服务按一年完成50小时计，此时应有27.9小时，目前5小时', due: null,
        action: { label: '去接单', url: '/pages/member/order-hall/index' }, ruleId: 'activist-hours', count: null,
      },
    ]);
  });

  it('counts a community’s members at risk by kind and lists its rates under threshold, for its secretary and her district admin', async () => {
    const expected = {
      year: 2026,
      scope: 'community',
      items: [
        { kind: 'quarter_ending_unmet', severity: 'warning', text: '1名党员第三季度尚未完成服务，9月30日前需完成', due: '2026-09-30', count: 1 },
        // the idle member missed the first quarter for good, so only the hours pace warns of them
        { kind: 'hours_behind_pace', severity: 'warning', text: '2名党员服务时数落后于年度进度', due: '2026-12-31', count: 2 },
        { kind: 'activist_behind_cultivation', severity: 'warning', text: '1名入党积极分子培养期服务时数落后', due: null, count: 1 },
        // in-service members: behind and on track served, idle did not: 2 of 3
        { kind: 'rate_below_threshold', severity: 'warning', text: '参与志愿服务率66.6%，低于90%，还需1名注册党员义工参与志愿服务', due: null, count: null, ruleId: 'participation-rate' },
      ].map((item) => ({ ruleId: null, action: { label: '查看考核达标', url: '/pages/assessment/compliance/index' }, ...item })),
    };
    expect(await ok(call(assessment, 'warnings', { scope: 'community' }, community.secretary))).toEqual(expected);
    expect(await ok(call(assessment, 'warnings', { scope: 'community', communityId: community.communityId }, districtAdmin))).toEqual(expected);
  });

  it('warns of yearly rules near the year’s end, urgent in the last week', async () => {
    clock.set(new Date('2026-12-20T02:00:00Z'));
    await renewTokens(db, community);
    const { items } = await ok(call(assessment, 'warnings', {}, onTrack));
    expect(items.map((item: { kind: string; severity: string; text: string }) => [item.kind, item.severity, item.text])).toEqual([
      ['deadline_near', 'warning', '每年参与义工服务不少于4次：还需参加服务1次，12月31日前需完成（还剩12天）'],
      ['quarter_ending_unmet', 'warning', '第四季度还没有服务，12月31日前需完成1次（还剩12天）'],
      ['deadline_near', 'warning', '每年至少为一个帮扶对象办一件好事：还需为帮扶对象办好事1件，12月31日前需完成（还剩12天）'],
    ]);
    clock.set(new Date('2026-12-26T02:00:00Z'));
    await renewTokens(db, community);
    const late = await ok(call(assessment, 'warnings', {}, onTrack));
    expect(late.items.map((item: { severity: string }) => item.severity)).toEqual(['urgent', 'urgent', 'urgent']);
    clock.set(NOW);
    await renewTokens(db, community);
  });

  it('refuses a community’s warnings to its members, another community’s secretary and another district', async () => {
    expect((await failed(call(assessment, 'warnings', { scope: 'community' }, behind))).code).toBe('FORBIDDEN');
    expect((await failed(call(assessment, 'warnings', { scope: 'community', communityId: community.communityId }, other.secretary))).code).toBe('FORBIDDEN');
    const stranger = await createDistrictAdmin(db, (await buildCommunity(db, 'WC', { members: 0, residents: 0 })).districtId);
    expect((await failed(call(assessment, 'warnings', { scope: 'community', communityId: community.communityId }, stranger))).code).toBe('FORBIDDEN');
    expect((await failed(call(assessment, 'warnings', {}, community.secretary))).code).toBe('FORBIDDEN');
    expect(await failed(call(assessment, 'warnings', { scope: 'all' }, behind))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { scope: '预警范围须为以下之一：me、community' } });
  });
});
