import { randomUUID } from 'node:crypto';
import { main as assessment } from '../../cloudfunctions/assessment/index';
import { loadOrganisationRates } from '../../cloudfunctions/_core/assessment/organisation-rates.repository';
import { PRESETS } from '../../cloudfunctions/_core/assessment/presets';
import { ruleSetRepository } from '../../cloudfunctions/_core/assessment/rule-set.repository';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, buildTwoDistricts, type TestCommunity, type TestUser } from '../support/fixtures';
import { addOrder, addExemption, addRecord, addResidentEvaluation } from '../support/rate-fixtures';
import { addMember, issueSlip, leave } from '../support/reports-fixtures';
import { newPhone } from '../support/registration-fixtures';
import { countStatements } from '../support/statement-log';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 10:00 Shanghai.
const NOW = new Date('2026-11-23T02:00:00Z');

type Organisation = { id: string; kind: string; status: string; rates: { measure: string; status: string; rate: number | null; numerator: number; denominator: number; threshold: number; short: number; advice: string }[]; consequences: string[] };
const rateOf = (organisation: Organisation, measure: string) => organisation.rates.find((rate) => rate.measure === measure)!;

describe('组织考核比率: 注册率, 参与率 and 满意率 of every community and unit, against their rule set', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let other: TestCommunity;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  let unitAdmin: TestUser;
  const clock = useWallClock(NOW);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    ({ a, b, other, districtAdmin, otherDistrictAdmin, unitAdmin } = await buildTwoDistricts(db, ['RA', 'RB', 'RC'], {
      a: { members: 0, residents: 0 },
      b: { members: 0, residents: 0 },
      other: { members: 0, residents: 0 },
    }));
    const inA = (memberType: 'in_service' | 'probationary' | 'community' | 'activist', unitId: string | null = a.unitId) => ({
      communityId: a.communityId, gridId: a.gridIds[0], unitId, memberType, createdAt: new Date('2026-02-01T02:00:00Z'),
    });
    // 19 registered in-service members of unit A in community A (one 预备党员), and one slip holder not yet reported: 19 / 20.
    const registered: TestUser[] = [];
    for (let i = 0; i < 19; i++) registered.push(await addMember(db, `在职${i + 1}`, inA(i === 0 ? 'probationary' : 'in_service')));
    await issueSlip(db, { unitId: a.unitId, communityId: a.communityId, name: '待报到', phone: newPhone(), issuedBy: unitAdmin.id, issuedAt: new Date('2026-11-01T02:00:00Z') });
    // Not counted: a cancelled slip, a community member, an activist, and an in-service member who left.
    await issueSlip(db, { unitId: a.unitId, communityId: a.communityId, name: '作废', phone: newPhone(), issuedBy: unitAdmin.id, issuedAt: new Date('2026-10-01T02:00:00Z'), cancelledAt: new Date('2026-10-02T02:00:00Z') });
    await addMember(db, '社区党员', inA('community', null));
    await addMember(db, '积极分子', inA('activist', null));
    const gone = await addMember(db, '已注销', inA('in_service'));
    await leave(db, gone.id, new Date('2026-06-01T02:00:00Z'));

    // 回访: ten orders of community A begun in 2026, nine 满意 and one 基本满意; an order of 2025 rated 不满意 is another year's.
    const by = a.secretary.id;
    const evaluated: string[] = [];
    for (let i = 0; i < 10; i++) {
      const order = await addOrder(db, { communityId: a.communityId, startsAt: `2026-0${(i % 9) + 1}-10T09:00:00+08:00`, createdBy: by });
      await addResidentEvaluation(db, order, i === 9 ? 'basic' : 'satisfied', by);
      evaluated.push(order);
    }
    const lastYear = await addOrder(db, { communityId: a.communityId, startsAt: '2025-12-31T15:00:00+08:00', createdBy: by });
    await addResidentEvaluation(db, lastYear, 'unsatisfied', by);
    const plain = await addOrder(db, { communityId: a.communityId, startsAt: '2026-10-10T09:00:00+08:00', createdBy: by });

    // 参与: members 1–10 served on the evaluated orders, 11–16 on an activity without 回访: 16 served.
    for (let i = 0; i < 16; i++) {
      await addRecord(db, { orderId: i < 10 ? evaluated[i] : plain, memberId: registered[i].id, certifyingOrgId: a.communityId, serviceDate: i < 10 ? `2026-0${(i % 9) + 1}-10` : '2026-10-10', createdBy: by });
    }
    // 17 only waits for approval, 18 served on 2025-12-31 only, 19 is exempted (and served): 16 of 18 held.
    await addRecord(db, { orderId: plain, memberId: registered[16].id, certifyingOrgId: a.communityId, serviceDate: '2026-10-10', createdBy: by, status: 'pending_approval' });
    await addRecord(db, { orderId: lastYear, memberId: registered[17].id, certifyingOrgId: a.communityId, serviceDate: '2025-12-31', createdBy: by });
    await addRecord(db, { orderId: plain, memberId: registered[18].id, certifyingOrgId: a.communityId, serviceDate: '2026-10-10', createdBy: by });
    await addExemption(db, registered[18].id, 2026, districtAdmin.id);

    // Community B: one in-service member of unit B, served, no 回访.
    const inB = await addMember(db, '乙在职', { communityId: b.communityId, gridId: b.gridIds[0], unitId: b.unitId, memberType: 'in_service', createdAt: new Date('2026-02-01T02:00:00Z') });
    const orderB = await addOrder(db, { communityId: b.communityId, startsAt: '2026-05-01T09:00:00+08:00', createdBy: b.secretary.id });
    await addRecord(db, { orderId: orderB, memberId: inB.id, certifyingOrgId: b.communityId, serviceDate: '2026-05-01', createdBy: b.secretary.id });
  });
  beforeEach(() => clock.set(NOW));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const rates = (user: TestUser, input: object = {}) => ok<{ year: number; summary: Record<string, number>; organisations: Organisation[] }>(call(assessment, 'organisationRates', input, user));

  it('should count each rate exactly as docs/glossary.md defines it, for the community and for the unit', async () => {
    const view = await rates(districtAdmin);
    expect(view.year).toBe(2026);
    for (const id of [a.communityId, a.unitId]) {
      const organisation = view.organisations.find((candidate) => candidate.id === id)!;
      expect(rateOf(organisation, 'registration_rate')).toMatchObject({ numerator: 19, denominator: 20, rate: 95, threshold: 95, status: 'met' });
      expect(rateOf(organisation, 'participation_rate')).toMatchObject({ numerator: 16, denominator: 18, rate: 88.8, threshold: 90, status: 'not_met', short: 1 });
      expect(rateOf(organisation, 'participation_rate').advice).toBe('参与志愿服务率88.8%，低于90%，还需1名注册党员义工参与志愿服务');
      expect(rateOf(organisation, 'satisfaction_rate')).toMatchObject({ numerator: 9, denominator: 10, rate: 90, status: 'met' });
      expect(organisation.status).toBe('failing');
      expect(organisation.consequences).toEqual(['组织当年不得参加评选评优']);
    }
  });

  it('should list every community and unit of the district, and no other district’s', async () => {
    const view = await rates(districtAdmin);
    expect(view.organisations.map((organisation) => organisation.id).sort()).toEqual([a.communityId, b.communityId, a.unitId, b.unitId].sort());
    const communityB = view.organisations.find((organisation) => organisation.id === b.communityId)!;
    expect(rateOf(communityB, 'registration_rate')).toMatchObject({ numerator: 1, denominator: 1, status: 'met' });
    expect(rateOf(communityB, 'participation_rate')).toMatchObject({ numerator: 1, denominator: 1, status: 'met' });
    expect(rateOf(communityB, 'satisfaction_rate')).toMatchObject({ numerator: 0, denominator: 0, rate: null, status: 'not_applicable' });
    expect(communityB.status).toBe('passing');
    expect(view.summary).toEqual({ organisations: 4, passing: 2, failing: 2, notAssessed: 0 });
  });

  it('should take the thresholds from the rule set the district chose for the year', async () => {
    const document = structuredClone(PRESETS['taishan-2020']);
    document.rules = document.rules.map((rule) => (rule.measure === 'participation_rate' ? { ...rule, threshold: 85 } : rule));
    await db.transaction((tx) =>
      ruleSetRepository.insertVersion(tx, {
        id: randomUUID(), districtId: a.districtId, streetId: null, year: 2026, preset: 'taishan-2020', document, reason: '参与率按85%考核', chosenBy: districtAdmin.id, chosenAt: NOW,
      }),
    );
    const view = await rates(districtAdmin);
    const community = view.organisations.find((organisation) => organisation.id === a.communityId)!;
    expect(rateOf(community, 'participation_rate')).toMatchObject({ threshold: 85, status: 'met', short: 0 });
    expect(community.status).toBe('passing');
    expect(view.summary).toMatchObject({ passing: 4, failing: 0 });
    // The year before keeps the preset.
    const before = await rates(districtAdmin, { year: 2025 });
    expect(rateOf(before.organisations.find((organisation) => organisation.id === a.communityId)!, 'participation_rate').threshold).toBe(90);
  });

  it('should show a secretary her community alone and a unit admin its unit alone', async () => {
    const secretary = await rates(a.secretary);
    expect(secretary.organisations.map((organisation) => organisation.id)).toEqual([a.communityId]);
    const ofB = await rates(b.secretary);
    expect(ofB.organisations.map((organisation) => organisation.id)).toEqual([b.communityId]);
    const unit = await rates(unitAdmin);
    expect(unit.organisations.map((organisation) => organisation.id)).toEqual([a.unitId]);
  });

  it('should refuse another district, a district asked by a secretary, and a member or resident', async () => {
    expect(await failed(call(assessment, 'organisationRates', { districtId: a.districtId }, otherDistrictAdmin))).toMatchObject({ code: 'ORG_NOT_IN_DISTRICT' });
    const ownOnly = await rates(otherDistrictAdmin);
    expect(ownOnly.organisations.map((organisation) => organisation.id).sort()).toEqual([other.communityId, other.unitId].sort());
    expect(await failed(call(assessment, 'organisationRates', { districtId: a.districtId }, a.secretary))).toMatchObject({ code: 'FORBIDDEN' });
    const member = await addMember(db, '普通党员', { communityId: b.communityId, gridId: null, unitId: null, memberType: 'community', createdAt: NOW });
    expect(await failed(call(assessment, 'organisationRates', {}, member))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('should refuse a malformed year and district naming the field', async () => {
    const refused = await failed(call(assessment, 'organisationRates', { year: 1999, districtId: 'x' }, districtAdmin));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(refused.fields ?? {}).sort()).toEqual(['districtId', 'year']);
  });

  it('should count the district’s members 达标 / 未达标 / 免除 per community as the community’s list classifies them', async () => {
    // 在职1 reaches 25 hours; every other member of A is behind, 在职19 is exempted.
    const order = await addOrder(db, { communityId: a.communityId, startsAt: '2026-11-01T09:00:00+08:00', createdBy: a.secretary.id });
    const first = (await db.query<{ user_id: string }>(`select m.user_id from members m join users u on u.id = m.user_id where u.name = '在职1'`))[0].user_id;
    await addRecord(db, { orderId: order, memberId: first, certifyingOrgId: a.communityId, serviceDate: '2026-11-01', createdBy: a.secretary.id, minutes: 24 * 60 });
    const view = await ok(call(assessment, 'districtCompliance', {}, districtAdmin));
    const communityA = view.communities.find((community: { id: string }) => community.id === a.communityId);
    expect(communityA).toMatchObject({ members: 21, met: 1, exempt: 1 });
    expect(communityA.notMet + communityA.notAssessed).toBe(19);
    const list = await ok(call(assessment, 'complianceList', { communityId: a.communityId }, districtAdmin));
    expect({ met: communityA.met, notMet: communityA.notMet, exempt: communityA.exempt }).toEqual({ met: list.counts.met, notMet: list.counts.behind, exempt: list.counts.exempt });
    expect(view.communities.map((community: { id: string }) => community.id).sort()).toEqual([a.communityId, b.communityId].sort());
    // B: 乙在职 and the member added by the refusal test above.
    expect(view.totals.members).toBe(23);
    expect(await failed(call(assessment, 'districtCompliance', { districtId: a.districtId }, otherDistrictAdmin))).toMatchObject({ code: 'ORG_NOT_IN_DISTRICT' });
    expect(await failed(call(assessment, 'districtCompliance', {}, a.secretary))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'districtCompliance', {}, unitAdmin))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('should read a whole district in one statement, and answer in as many statements, however many organisations it has', async () => {
    const sent: string[] = [];
    const read = () => db.transaction((tx) => loadOrganisationRates({ query: (sql, params) => (sent.push(sql), tx.query(sql, params)) }, { districtId: a.districtId }, 2026));
    const small = (await read()).length;
    expect(sent).toHaveLength(1);
    const answering = await countStatements(db, () => rates(districtAdmin));
    await buildCommunity(db, 'RD', { members: 2, residents: 0, districtId: a.districtId });
    await buildCommunity(db, 'RE', { members: 2, residents: 0, districtId: a.districtId });
    sent.length = 0;
    expect((await read()).length).toBe(small + 4);
    expect(sent).toHaveLength(1);
    expect(await countStatements(db, () => rates(districtAdmin))).toBe(answering);
  });
});
