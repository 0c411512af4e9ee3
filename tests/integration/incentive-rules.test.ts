import { main as incentives } from '../../cloudfunctions/incentives/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { DEFAULT_RULES, STAR_PRESETS, incentiveRulesOf, incentiveRulesOfCommunity } from '../../cloudfunctions/_core/incentives/rules';
import { call, failed, ok, refusedUnchanged } from '../support/call';
import { buildTwoDistricts, createDistrictAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { ledgerProblems } from '../support/ledger-check';
import { openSuiteDatabase } from '../support/test-database';

let db: Database;
let a: TestCommunity;
let other: TestCommunity;
let admin: TestUser;
let otherAdmin: TestUser;
let unitAdmin: TestUser;

beforeAll(async () => {
  db = await openSuiteDatabase();
  ({ a, other, districtAdmin: admin, otherDistrictAdmin: otherAdmin, unitAdmin } = await buildTwoDistricts(db, ['规', '则', '外'], { a: { members: 1, residents: 1 } }));
});
afterAll(() => db.close());
afterEach(async () => expect(await ledgerProblems(db)).toEqual([]));

const zhangjiagang = STAR_PRESETS.find((preset) => preset.id === 'zhangjiagang-2014')!.rule;
const versions = async () => (await db.query('select district_id, version, document from incentive_rule_versions order by district_id, version')).map((row) => ({ ...row }));
const save = (user: TestUser, data: object) => call(incentives, 'saveIncentiveRules', { ...DEFAULT_RULES, note: '', ...data }, user);

describe('incentive rules', () => {
  it('should answer the default presets, version 0, to a district that saved none', async () => {
    const rules = await ok(call(incentives, 'incentiveRules', {}, a.members[0]));
    expect(rules).toMatchObject({ districtId: a.districtId, version: 0, savedAt: null, points: { perHour: 10 }, stars: { basis: 'cumulative' } });
    expect(rules.presetNames.stars).toBe('民政部 2012 / 广东 · 累计100–1500小时');
    expect(rules.texts.points[0]).toBe('每服务1小时积10分（不足1分的部分不计）');
    expect((await incentiveRulesOf(db, a.districtId)).version).toBe(0);
  });

  it('should list the presets with their sources', async () => {
    const presets = await ok(call(incentives, 'incentivePresets', {}, admin));
    expect(presets.stars.map((preset: { id: string }) => preset.id)).toEqual(['mca-2012', 'zhangjiagang-2014', 'qidong-2019']);
    expect(presets.points.find((preset: { id: string }) => preset.id === 'suzhou-db3205').assumption).toMatch(/假设/);
  });

  it('should save a new version, keep the old one, and let every member of the district read the current', async () => {
    const first = await ok(save(admin, { expectedVersion: 0, stars: zhangjiagang, note: '改用张家港星级' }));
    expect(first).toMatchObject({ version: 1, note: '改用张家港星级', savedByName: admin.name, stars: { repeatEveryHours: 300 } });
    const second = await ok(save(admin, { expectedVersion: 1, stars: zhangjiagang, points: { ...DEFAULT_RULES.points, perHour: 12 } }));
    expect(second.version).toBe(2);

    for (const reader of [a.members[0], a.secretary, a.residents[0], unitAdmin]) {
      expect(await ok(call(incentives, 'incentiveRules', {}, reader))).toMatchObject({ version: 2, points: { perHour: 12 } });
    }
    expect((await incentiveRulesOfCommunity(db, a.communityId)).points.perHour).toBe(12);

    const history = await ok(call(incentives, 'incentiveRuleHistory', {}, admin));
    expect(history.versions).toEqual([
      expect.objectContaining({ version: 2, savedByName: admin.name, changes: ['每小时积分：10分 → 12分'] }),
      expect.objectContaining({ version: 1, note: '改用张家港星级', changes: expect.arrayContaining(['星级循环周期：不循环 → 300小时']) }),
    ]);
    expect((await versions()).filter((row) => row.district_id === a.districtId).map((row) => row.version)).toEqual([1, 2]);
  });

  it('should never change or remove a saved version', async () => {
    await expect(db.query(`update incentive_rule_versions set note = 'x' where district_id = $1`, [a.districtId])).rejects.toThrow(/kept as saved/);
    await expect(db.query(`delete from incentive_rule_versions where district_id = $1`, [a.districtId])).rejects.toThrow(/kept as saved/);
  });

  it('should refuse a save over a version someone else saved since, and one that changes nothing', async () => {
    const current = (await ok(call(incentives, 'incentiveRules', {}, admin))).version;
    const stale = await refusedUnchanged(versions, () => save(admin, { expectedVersion: current - 1, shop: { pickUpDays: 3 } }), 'INCENTIVE_RULES_STALE');
    expect(stale.fields).toEqual({ expectedVersion: '规则已被他人修改，请刷新后再改' });
    const rules = await ok(call(incentives, 'incentiveRules', {}, admin));
    await refusedUnchanged(versions, () => save(admin, { expectedVersion: current, points: rules.points, stars: rules.stars, bank: rules.bank, shop: rules.shop }), 'INCENTIVE_RULES_UNCHANGED');
  });

  it('should let only one of two saves over the same version through, telling the other it is stale', async () => {
    const current = (await ok(call(incentives, 'incentiveRules', {}, admin))).version;
    const second = await createDistrictAdmin(db, a.districtId);
    const answers = await Promise.all([
      save(admin, { expectedVersion: current, shop: { pickUpDays: 5 } }),
      save(second, { expectedVersion: current, shop: { pickUpDays: 6 } }),
    ]);
    expect(answers.map((answer) => (answer.ok ? 'ok' : answer.error.code)).sort()).toEqual(['INCENTIVE_RULES_STALE', 'ok']);
    expect((await incentiveRulesOf(db, a.districtId)).version).toBe(current + 1);
  });

  it('should name the wrong field in Chinese and write nothing', async () => {
    const current = (await ok(call(incentives, 'incentiveRules', {}, admin))).version;
    const levels = [
      { stars: 1, label: '一星', hours: 100 },
      { stars: 2, label: '二星', hours: 80 },
    ];
    const error = await refusedUnchanged(
      versions,
      () => save(admin, { expectedVersion: current, stars: { basis: 'cumulative', levels }, bank: { ...DEFAULT_RULES.bank, unitsPerHour: 0 }, shop: { pickUpDays: 'x' } }),
      'VALIDATION_FAILED',
    );
    expect(error.fields).toEqual({
      'stars.levels.1.hours': '二星的时长须多于一星的100小时',
      'bank.unitsPerHour': '每小时存入的单位数不能小于1',
      'shop.pickUpDays': '兑换后领取期限（天）须为数字',
    });
    const missing = await failed(call(incentives, 'saveIncentiveRules', { expectedVersion: current }, admin));
    expect(Object.keys(missing.fields ?? {})).toEqual(expect.arrayContaining(['points', 'stars', 'bank', 'shop']));
  });

  it("should refuse a secretary, a member and another district's admin, and keep each district's rules its own", async () => {
    for (const user of [a.secretary, a.members[0], unitAdmin]) {
      await refusedUnchanged(versions, () => save(user, { expectedVersion: 2 }), 'FORBIDDEN');
      expect((await failed(call(incentives, 'incentiveRuleHistory', {}, user))).code).toBe('FORBIDDEN');
    }
    await refusedUnchanged(versions, () => save(otherAdmin, { districtId: a.districtId, expectedVersion: 2 }), 'FORBIDDEN');
    expect((await failed(call(incentives, 'incentiveRuleHistory', { districtId: a.districtId }, otherAdmin))).code).toBe('FORBIDDEN');
    expect((await failed(call(incentives, 'incentiveRules', { districtId: a.districtId }, other.members[0] ?? other.secretary))).code).toBe('FORBIDDEN');

    expect((await ok(save(otherAdmin, { expectedVersion: 0, shop: { pickUpDays: 3 } }))).version).toBe(1);
    expect((await incentiveRulesOf(db, other.districtId)).shop.pickUpDays).toBe(3);
    expect((await incentiveRulesOf(db, a.districtId)).shop.pickUpDays).not.toBe(3);
    expect((await ok(call(incentives, 'incentiveRules', {}, other.secretary))).districtId).toBe(other.districtId);
  });

  it('should refuse a caller who is not logged in', async () => {
    expect((await failed(call(incentives, 'incentiveRules', {}))).code).toBe('UNAUTHENTICATED');
  });
});
