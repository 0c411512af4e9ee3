import { main as assessment } from '../../cloudfunctions/assessment/index';
import { PRESETS } from '../../cloudfunctions/_core/assessment/presets';
import { ruleSetForCommunity, ruleSetForDistrict, ruleSetsForCommunities } from '../../cloudfunctions/_core/assessment/rule-set.repository';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { addActivity, addService, setCommunityJoined } from '../support/assessment-fixtures';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, sessionTokenFor, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const CHINESE = /[\u4e00-\u9fa5]/;
type Outcome = { ruleId: string; status: string; figure: number; target: number };
const YEAR = 2026;

const countOf = async (db: Database, table: 'assessment_rule_sets' | 'assessment_exemptions') =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

const withThreshold = (ruleId: string, threshold: number) => {
  const document = structuredClone(PRESETS['taishan-2020']);
  document.rules.find((rule) => rule.id === ruleId)!.threshold = threshold;
  return document;
};

describe('考核规则: rule sets chosen per district (or street) and year, audited; exemptions', () => {
  const clock = useWallClock(new Date('2026-06-15T02:00:00Z'));
  let db: Database;
  let a: TestCommunity;
  let a2: TestCommunity;
  let b: TestCommunity;
  let adminA: TestUser;
  let adminB: TestUser;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'RA', { members: 2, residents: 1 });
    a2 = await buildCommunity(db, 'RA2', { members: 1, residents: 0, districtId: a.districtId });
    b = await buildCommunity(db, 'RB', { members: 1, residents: 0 });
    adminA = await createDistrictAdmin(db, a.districtId);
    adminB = await createDistrictAdmin(db, b.districtId);
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  describe('choosing and reading', () => {
    it('should hold 台山 2020 by default before anything is chosen', async () => {
      const read = await ok(call(assessment, 'ruleSet', { year: YEAR }, a.members[0]));
      expect(read).toMatchObject({ year: YEAR, origin: 'default', version: null, preset: 'taishan-2020', closed: false, scope: { kind: 'community', id: a.communityId } });
      expect(read.document.rules.find((rule: { id: string }) => rule.id === 'member-hours').threshold).toBe(25);
    });

    it('should choose a preset, then an edited threshold as version 2, and read it back as the effective rule set', async () => {
      const first = await ok(call(assessment, 'chooseRuleSet', { year: YEAR, preset: 'taishan-2012', reason: '按台山 2012 考核' }, adminA));
      expect(first).toMatchObject({ origin: 'chosen', version: 1, preset: 'taishan-2012', chosenBy: '区管理员', reason: '按台山 2012 考核' });
      const second = await ok(call(assessment, 'chooseRuleSet', { year: YEAR, preset: 'taishan-2020', reason: '改用台山 2020' }, adminA));
      expect(second).toMatchObject({ version: 2, preset: 'taishan-2020' });
      const third = await ok(call(assessment, 'chooseRuleSet', {
        year: YEAR, preset: 'taishan-2020', document: withThreshold('member-hours', 20), reason: '本区党员年龄偏大，时数下调为20小时',
      }, adminA));
      expect(third).toMatchObject({ origin: 'chosen', version: 3, chosenAt: '2026-06-15T02:00:00.000Z' });
      expect(third.document.version).toBe(3);

      for (const user of [a.secretary, a.members[0], a.residents[0], a2.members[0]]) {
        const read = await ok(call(assessment, 'ruleSet', { year: YEAR }, user));
        expect(read).toMatchObject({ origin: 'chosen', version: 3, reason: '本区党员年龄偏大，时数下调为20小时', districtId: a.districtId, streetId: null });
        expect(read.document.rules.find((rule: { id: string }) => rule.id === 'member-hours').threshold).toBe(20);
      }
      const effective = await ruleSetForCommunity(db, a.communityId, YEAR);
      expect(effective).toMatchObject({ origin: 'chosen', version: 3, year: YEAR, districtId: a.districtId, streetId: null, preset: 'taishan-2020' });
      expect(effective.ruleSet.rules[0]).toMatchObject({ id: 'member-hours', threshold: 20 });
      const unitAdmin = await createUnitAdmin(db, a.unitId);
      expect(await ok(call(assessment, 'ruleSet', { year: YEAR }, unitAdmin))).toMatchObject({ version: 3, scope: { kind: 'district', id: a.districtId } });
    });

    it('should carry the latest earlier year into a later year with no choice of its own', async () => {
      const next = await ok(call(assessment, 'ruleSet', { year: YEAR + 1 }, a.secretary));
      expect(next).toMatchObject({ year: YEAR + 1, origin: 'earlier_year', chosenForYear: YEAR, version: 3 });
      expect((await ruleSetForDistrict(db, a.districtId, YEAR - 1)).origin).toBe('default');
    });

    it('should refuse a document unchanged from the current version, writing nothing', async () => {
      const before = await countOf(db, 'assessment_rule_sets');
      const error = await failed(call(assessment, 'chooseRuleSet', { year: YEAR, document: withThreshold('member-hours', 20), reason: '再存一次' }, adminA));
      expect(error).toMatchObject({ code: 'ASSESSMENT_RULE_SET_UNCHANGED', message: expect.stringMatching(CHINESE) });
      expect(await countOf(db, 'assessment_rule_sets')).toBe(before);
    });

    it('should refuse a closed year with a stable code and write nothing', async () => {
      const before = await countOf(db, 'assessment_rule_sets');
      const error = await failed(call(assessment, 'chooseRuleSet', { year: YEAR - 1, preset: 'jiangsu-2014', reason: '补改去年' }, adminA));
      expect(error).toMatchObject({ code: 'ASSESSMENT_YEAR_CLOSED', fields: { year: expect.stringMatching(CHINESE) } });
      expect(await countOf(db, 'assessment_rule_sets')).toBe(before);
      expect((await ok(call(assessment, 'ruleSet', { year: YEAR - 1 }, adminA))).closed).toBe(true);
    });

    it('should refuse an invalid document naming the field in Chinese, without echoing it', async () => {
      const before = await countOf(db, 'assessment_rule_sets');
      const document = withThreshold('member-hours', -5) as unknown as Record<string, any>;
      document.rules[1].title = '';
      const error = await failed(call(assessment, 'chooseRuleSet', { year: YEAR, document, reason: '试一试' }, adminA));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields).toEqual({ 'document.rules.0.threshold': '达标值不能小于0', 'document.rules.1.title': '规则名称不能为空' });
      const rates = structuredClone(PRESETS['taishan-2020']) as unknown as Record<string, any>;
      rates.rules.find((rule: { id: string }) => rule.id === 'registration-rate').threshold = 120;
      const index = rates.rules.findIndex((rule: { id: string }) => rule.id === 'registration-rate');
      const rateError = await failed(call(assessment, 'chooseRuleSet', { year: YEAR, document: rates, reason: '试一试' }, adminA));
      expect(rateError.fields).toEqual({ [`document.rules.${index}.threshold`]: '达标比率不能大于100%' });
      const neither = await failed(call(assessment, 'chooseRuleSet', { year: YEAR, reason: '试一试' }, adminA));
      expect(neither.fields).toEqual({ preset: '请选择考核规则预设或填写规则' });
      expect(await countOf(db, 'assessment_rule_sets')).toBe(before);
    });

    it('should list every version with who, when, why and what changed', async () => {
      const history = await ok(call(assessment, 'ruleSetHistory', { year: YEAR }, adminA));
      expect(history.versions.map((version: { version: number }) => version.version)).toEqual([3, 2, 1]);
      const [third, second, first] = history.versions;
      expect(first).toMatchObject({ chosenBy: '区管理员', reason: '按台山 2012 考核', preset: 'taishan-2012', changes: [{ kind: 'chosen', text: expect.stringContaining('台山 2012') }] });
      expect(second.changes.length).toBeGreaterThan(1);
      expect(third.changes).toEqual([{
        kind: 'rule_field', ruleId: 'member-hours', field: 'threshold', before: 25, after: 20, text: '「每年志愿服务时数不少于25小时」达标值：25 → 20',
      }]);
      expect(third).toMatchObject({ reason: '本区党员年龄偏大，时数下调为20小时', chosenAt: '2026-06-15T02:00:00.000Z' });
    });
  });

  describe('two saves at once', () => {
    it('should keep the versions distinct and consecutive, any loser answered CONFLICT with nothing written', async () => {
      const d = await buildCommunity(db, 'RD', { members: 0, residents: 0 });
      const adminD = await createDistrictAdmin(db, d.districtId);
      const answers = await Promise.all([20, 21, 22].map((threshold) =>
        call(assessment, 'chooseRuleSet', { year: YEAR, document: withThreshold('member-hours', threshold), reason: `同时保存${threshold}` }, adminD)));
      const saved = answers.filter((answer) => answer.ok);
      for (const answer of answers) if (!answer.ok) expect(answer.error.code).toBe('CONFLICT');
      expect(saved.length).toBeGreaterThan(0);
      const versions = await db.query<{ version: number }>('select version from assessment_rule_sets where district_id = $1 order by version', [d.districtId]);
      expect(versions.map((row) => row.version)).toEqual(saved.map((_, index) => index + 1));
    });
  });

  describe('streets', () => {
    it('should refuse a street\'s choice while the district does not let streets choose, writing nothing', async () => {
      const before = await countOf(db, 'assessment_rule_sets');
      const error = await failed(call(assessment, 'chooseRuleSet', { year: YEAR, streetId: a2.streetId, preset: 'jiangsu-2014', reason: '街道自选' }, adminA));
      expect(error).toMatchObject({ code: 'ASSESSMENT_STREETS_CANNOT_CHOOSE', fields: { streetId: expect.stringMatching(CHINESE) } });
      expect(await countOf(db, 'assessment_rule_sets')).toBe(before);
    });

    it('should honour a street\'s choice for its communities only while the switch is on', async () => {
      expect(await ok(call(assessment, 'setStreetChoice', { streetsChooseRuleSets: true }, adminA))).toEqual({ streetsChooseRuleSets: true });
      const street = await ok(call(assessment, 'chooseRuleSet', { year: YEAR, streetId: a2.streetId, preset: 'jiangsu-2014', reason: '街道按江苏 2014 考核' }, adminA));
      expect(street).toMatchObject({ version: 1, streetId: a2.streetId, scope: { kind: 'street', id: a2.streetId }, streetsChooseRuleSets: true });

      const onMap = await ruleSetsForCommunities(db, [a.communityId, a2.communityId], YEAR);
      expect(onMap.get(a2.communityId)).toMatchObject({ streetId: a2.streetId, preset: 'jiangsu-2014', version: 1, origin: 'chosen' });
      expect(onMap.get(a.communityId)).toMatchObject({ streetId: null, preset: 'taishan-2020', version: 3 });
      expect(await ok(call(assessment, 'ruleSet', { year: YEAR }, a2.members[0]))).toMatchObject({ streetId: a2.streetId, preset: 'jiangsu-2014' });
      expect((await ruleSetForDistrict(db, a.districtId, YEAR)).version).toBe(3);

      await ok(call(assessment, 'setStreetChoice', { streetsChooseRuleSets: false }, adminA));
      expect(await ok(call(assessment, 'ruleSet', { year: YEAR }, a2.members[0]))).toMatchObject({ streetId: null, preset: 'taishan-2020', version: 3 });
      expect(await ok(call(assessment, 'ruleSet', { year: YEAR, streetId: a2.streetId }, adminA))).toMatchObject({ streetId: null, version: 3 });
    });
  });

  describe('the street switch in a closed year', () => {
    let c: TestCommunity;
    let c2: TestCommunity;
    let adminC: TestUser;
    beforeAll(async () => {
      c = await buildCommunity(db, 'RC', { members: 1, residents: 0 });
      c2 = await buildCommunity(db, 'RC2', { members: 1, residents: 0, districtId: c.districtId });
      adminC = await createDistrictAdmin(db, c.districtId);
    });
    afterAll(() => clock.set(new Date('2026-06-15T02:00:00Z')));

    const moveClockTo = async (at: string) => {
      clock.set(new Date(at));
      for (const user of [adminC, c2.members[0]]) user.token = await sessionTokenFor(db, user.id, new Date(at));
    };
    const presetOf = async (year: number) => (await ruleSetsForCommunities(db, [c2.communityId], year)).get(c2.communityId)!.preset;
    const standingOf = async (year: number) => (await ok(call(assessment, 'myStanding', { year }, c2.members[0]))).rules.map((rule: Outcome) => rule.ruleId);

    it('should read a closed year with the switch as it stood at that year\'s end, whatever is switched later', async () => {
      await moveClockTo('2026-06-15T02:00:00Z');
      await ok(call(assessment, 'setStreetChoice', { streetsChooseRuleSets: true }, adminC));
      await ok(call(assessment, 'chooseRuleSet', { year: 2026, streetId: c2.streetId, preset: 'jiangsu-2014', reason: '街道按江苏 2014 考核' }, adminC));
      expect(await presetOf(2026)).toBe('jiangsu-2014');
      await moveClockTo('2026-09-01T02:00:00Z');
      await ok(call(assessment, 'setStreetChoice', { streetsChooseRuleSets: false }, adminC));
      expect(await presetOf(2026)).toBe('taishan-2020');

      await moveClockTo('2027-02-01T02:00:00Z');
      const closed2026 = await standingOf(2026);
      await ok(call(assessment, 'setStreetChoice', { streetsChooseRuleSets: true }, adminC));
      expect(await presetOf(2026)).toBe('taishan-2020');
      expect(await standingOf(2026)).toEqual(closed2026);
      expect(await presetOf(2027)).toBe('jiangsu-2014');

      await moveClockTo('2028-01-10T02:00:00Z');
      const closed2027 = await standingOf(2027);
      await ok(call(assessment, 'setStreetChoice', { streetsChooseRuleSets: false }, adminC));
      expect(await presetOf(2027)).toBe('jiangsu-2014');
      expect(await standingOf(2027)).toEqual(closed2027);
      expect(await presetOf(2028)).toBe('taishan-2020');
      expect(await standingOf(2026)).toEqual(closed2026);
    });

    it('should keep every change of the switch, with who and when', async () => {
      const changes = await db.query<{ streets_choose: boolean; changed_by: string }>(
        'select streets_choose, changed_by from street_choice_changes where district_id = $1 order by seq', [c.districtId]);
      expect(changes.map((row) => row.streets_choose)).toEqual([true, false, true, false]);
      expect(new Set(changes.map((row) => row.changed_by))).toEqual(new Set([adminC.id]));
    });
  });

  describe('access control', () => {
    it('should let only a district admin choose, and only for her own district', async () => {
      const before = await countOf(db, 'assessment_rule_sets');
      for (const user of [a.secretary, a.members[0]]) {
        expect((await failed(call(assessment, 'chooseRuleSet', { year: YEAR, preset: 'wujin-2019', reason: '越权' }, user))).code).toBe('FORBIDDEN');
      }
      expect((await failed(call(assessment, 'chooseRuleSet', { year: YEAR, streetId: a.streetId, preset: 'wujin-2019', reason: '越权' }, adminB))).code).toBe('ORG_NOT_IN_DISTRICT');
      expect((await failed(call(assessment, 'setStreetChoice', { streetsChooseRuleSets: true }, a.secretary))).code).toBe('FORBIDDEN');
      expect((await failed(call(assessment, 'ruleSetHistory', { year: YEAR }, a.secretary))).code).toBe('FORBIDDEN');
      expect(await countOf(db, 'assessment_rule_sets')).toBe(before);
    });

    it('should not let another district\'s admin or community read this one\'s rule set', async () => {
      expect((await failed(call(assessment, 'ruleSet', { year: YEAR, communityId: a.communityId }, adminB))).code).toBe('ORG_NOT_IN_DISTRICT');
      expect((await failed(call(assessment, 'ruleSet', { year: YEAR, streetId: a.streetId }, adminB))).code).toBe('ORG_NOT_IN_DISTRICT');
      expect((await failed(call(assessment, 'ruleSet', { year: YEAR, communityId: a.communityId }, b.members[0]))).code).toBe('FORBIDDEN');
      expect((await failed(call(assessment, 'ruleSetHistory', { year: YEAR, streetId: a2.streetId }, adminB))).code).toBe('ORG_NOT_IN_DISTRICT');
      expect(await ok(call(assessment, 'ruleSet', { year: YEAR }, adminB))).toMatchObject({ origin: 'default', districtId: b.districtId });
      expect((await ok(call(assessment, 'ruleSetHistory', { year: YEAR }, adminB))).versions).toEqual([]);
    });
  });

  describe('exemptions', () => {
    const exemption = (memberId: string, overrides: Record<string, unknown> = {}) => ({
      memberId, year: YEAR, reason: '长期卧病在床，无法参加服务', approvedBy: '台城街道党工委', approvalRef: '台街党〔2026〕12号', ...overrides,
    });

    it('should record an exemption, only one live per member and year, and list it for the district and the member\'s secretary', async () => {
      const recorded = await ok(call(assessment, 'recordExemption', exemption(a.members[0].id), adminA));
      expect(recorded).toMatchObject({
        memberId: a.members[0].id, memberName: a.members[0].name, communityId: a.communityId, year: YEAR, approvedBy: '台城街道党工委',
        approvalRef: '台街党〔2026〕12号', recordedBy: '区管理员', live: true, revokedAt: null,
      });
      const before = await countOf(db, 'assessment_exemptions');
      const twice = await failed(call(assessment, 'recordExemption', exemption(a.members[0].id, { reason: '再登记一次' }), adminA));
      expect(twice).toMatchObject({ code: 'ASSESSMENT_EXEMPTION_EXISTS', fields: { memberId: expect.stringMatching(CHINESE) } });
      expect(await countOf(db, 'assessment_exemptions')).toBe(before);

      const district = await ok(call(assessment, 'listExemptions', { year: YEAR }, adminA));
      expect(district.exemptions.map((row: { id: string }) => row.id)).toEqual([recorded.id]);
      const secretary = await ok(call(assessment, 'listExemptions', { year: YEAR }, a.secretary));
      expect(secretary.exemptions.map((row: { id: string }) => row.id)).toEqual([recorded.id]);
      expect((await ok(call(assessment, 'listExemptions', { year: YEAR }, a2.secretary))).exemptions).toEqual([]);
      expect((await ok(call(assessment, 'listExemptions', { year: YEAR, communityId: a2.communityId }, adminA))).exemptions).toEqual([]);
    });

    it('should revoke an exemption, keeping the record, and then allow a new one', async () => {
      const [live] = (await ok(call(assessment, 'listExemptions', { year: YEAR }, adminA))).exemptions;
      const revoked = await ok(call(assessment, 'revokeExemption', { exemptionId: live.id }, adminA));
      expect(revoked).toMatchObject({ id: live.id, live: false, revokedBy: '区管理员', revokedAt: '2026-06-15T02:00:00.000Z' });
      expect((await failed(call(assessment, 'revokeExemption', { exemptionId: live.id }, adminA))).code).toBe('ASSESSMENT_EXEMPTION_REVOKED');
      const again = await ok(call(assessment, 'recordExemption', exemption(a.members[0].id, { approvalRef: undefined }), adminA));
      expect(again).toMatchObject({ live: true, approvalRef: null });
      const list = await ok(call(assessment, 'listExemptions', { year: YEAR }, adminA));
      expect(list.exemptions.map((row: { id: string; live: boolean }) => [row.id, row.live])).toEqual([[again.id, true], [live.id, false]]);
    });

    it('should refuse a closed year, another district\'s member, and anyone but the district admin, writing nothing', async () => {
      const before = await countOf(db, 'assessment_exemptions');
      expect((await failed(call(assessment, 'recordExemption', exemption(a.members[1].id, { year: YEAR - 1 }), adminA))).code).toBe('ASSESSMENT_YEAR_CLOSED');
      expect((await failed(call(assessment, 'recordExemption', exemption(a.members[1].id), adminB))).code).toBe('ASSESSMENT_MEMBER_NOT_FOUND');
      expect((await failed(call(assessment, 'recordExemption', exemption(a.members[1].id), a.secretary))).code).toBe('FORBIDDEN');
      const [live] = (await ok(call(assessment, 'listExemptions', { year: YEAR }, adminA))).exemptions;
      expect((await failed(call(assessment, 'revokeExemption', { exemptionId: live.id }, adminB))).code).toBe('ASSESSMENT_EXEMPTION_NOT_FOUND');
      expect((await failed(call(assessment, 'revokeExemption', { exemptionId: live.id }, a.secretary))).code).toBe('FORBIDDEN');
      expect((await failed(call(assessment, 'listExemptions', { year: YEAR }, a.members[0]))).code).toBe('FORBIDDEN');
      expect((await failed(call(assessment, 'listExemptions', { year: YEAR, communityId: a.communityId }, a2.secretary))).code).toBe('FORBIDDEN');
      expect((await failed(call(assessment, 'listExemptions', { year: YEAR, communityId: a.communityId }, adminB))).code).toBe('ORG_NOT_IN_DISTRICT');
      expect(await countOf(db, 'assessment_exemptions')).toBe(before);
      expect(await db.query('select revoked_at from assessment_exemptions where id = $1', [live.id])).toEqual([{ revoked_at: null }]);
    });

    it('should find the district\'s members by name or volunteer number, and no one of another district', async () => {
      const [row] = await db.query<{ volunteer_no: string }>('select volunteer_no from members where user_id = $1', [a2.members[0].id]);
      const byNo = await ok(call(assessment, 'findMembers', { query: row.volunteer_no.toLowerCase() }, adminA));
      expect(byNo.members).toEqual([{ memberId: a2.members[0].id, name: a2.members[0].name, volunteerNo: row.volunteer_no, communityName: '测试社区RA2', memberType: 'in_service' }]);
      const byName = await ok(call(assessment, 'findMembers', { query: '党员RA' }, adminA));
      expect(byName.members.map((member: { name: string }) => member.name)).toEqual(['党员RA1', '党员RA2', '党员RA21']);
      expect((await ok(call(assessment, 'findMembers', { query: '党员RA' }, adminB))).members).toEqual([]);
      expect((await ok(call(assessment, 'findMembers', { query: '%' }, adminA))).members).toEqual([]);
    });
  });

  describe('what the choice changes', () => {
    const hoursRule = async (member: TestUser) =>
      ((await ok(call(assessment, 'myStanding', { year: YEAR }, member))).rules as Outcome[]).find((rule) => rule.ruleId === 'member-hours')!;

    it('should hold a member to the edited threshold, and to none once exempted', async () => {
      const c = await buildCommunity(db, 'RC', { members: 1, residents: 0 });
      const adminC = await createDistrictAdmin(db, c.districtId);
      const [member] = c.members;
      await setCommunityJoined(db, member.id, '2024-06-01T02:00:00Z');
      const orderId = await addActivity(db, { communityId: c.communityId, startsAt: '2026-03-01T09:00:00+08:00', createdBy: c.secretary.id });
      await addService(db, { orderId, memberId: member.id, communityId: c.communityId, serviceDate: '2026-03-01', minutes: 22 * 60, createdBy: c.secretary.id });

      expect(await hoursRule(member)).toMatchObject({ status: 'not_met', figure: 22, target: 25 });
      await ok(call(assessment, 'chooseRuleSet', { year: YEAR, preset: 'taishan-2020', document: withThreshold('member-hours', 20), reason: '时数下调为20小时' }, adminC));
      expect(await hoursRule(member)).toMatchObject({ status: 'met', figure: 22, target: 20 });
      await ok(call(assessment, 'chooseRuleSet', { year: YEAR, document: withThreshold('member-hours', 30), reason: '时数上调为30小时' }, adminC));
      expect(await hoursRule(member)).toMatchObject({ status: 'not_met', figure: 22, target: 30 });

      const exemption = await ok(call(assessment, 'recordExemption', {
        memberId: member.id, year: YEAR, reason: '长期卧病在床，无法参加服务', approvedBy: '台城街道党工委',
      }, adminC));
      expect((await hoursRule(member)).status).toBe('exempt');
      await ok(call(assessment, 'revokeExemption', { exemptionId: exemption.id }, adminC));
      expect((await hoursRule(member)).status).toBe('not_met');
    });
  });
});
