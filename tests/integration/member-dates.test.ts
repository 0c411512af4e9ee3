import { randomUUID } from 'node:crypto';
import { main as assessment } from '../../cloudfunctions/assessment/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { setCommunityJoined, setMemberType } from '../support/assessment-fixtures';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { memberForm, submitLoggedOut } from '../support/registration-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Thursday 2026-08-20 10:00 Beijing.
const NOW = new Date('2026-08-20T02:00:00Z');

const datesOf = async (db: Database, memberId: string) =>
  (await db.query<{ activist_since: string | null; joined_party_on: string | null; party_dates_set_by: string | null }>(
    `select to_char(activist_since, 'YYYY-MM-DD') as activist_since, to_char(joined_party_on, 'YYYY-MM-DD') as joined_party_on, party_dates_set_by
       from members where user_id = $1`,
    [memberId],
  ))[0];

describe('activist dates: the secretary records 成为入党积极分子 and 入党 days, and a 报到 form can carry the first (issue 13)', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let districtAdmin: TestUser;
  let unitAdmin: TestUser;
  let activist: TestUser;
  const clock = useWallClock(NOW);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'DA', { members: 2, residents: 0 });
    b = await buildCommunity(db, 'DB', { members: 0, residents: 0, districtId: a.districtId });
    districtAdmin = await createDistrictAdmin(db, a.districtId);
    unitAdmin = await createUnitAdmin(db, a.unitId);
    [activist] = a.members;
    await setMemberType(db, activist.id, 'activist');
    await setCommunityJoined(db, activist.id, '2024-06-01T02:00:00Z');
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('records both days with who and when, and the standing counts the cultivation period from them', async () => {
    const saved = await ok(call(assessment, 'setMemberDates', { memberId: activist.id, activistSince: '2025-10-01' }, a.secretary));
    expect(saved).toEqual({ memberId: activist.id, activistSince: '2025-10-01', joinedPartyOn: null, datesSetBy: a.secretary.name, datesSetAt: NOW.toISOString() });
    expect(await ok(call(assessment, 'memberDates', { memberId: activist.id }, unitAdmin))).toEqual(saved);
    const standing = await ok(call(assessment, 'memberStanding', { memberId: activist.id }, a.secretary));
    expect(standing.member).toMatchObject({ activistSince: '2025-10-01', joinedPartyOn: null });
    expect(standing.rules.find((rule: { ruleId: string }) => rule.ruleId === 'activist-hours')).toMatchObject({ status: 'not_met', advice: '培养期内还需服务50小时（自2025年10月1日起累计0小时）' });

    const joined = await ok(call(assessment, 'setMemberDates', { memberId: activist.id, activistSince: '2025-10-01', joinedPartyOn: '2026-08-20' }, districtAdmin));
    expect(joined).toMatchObject({ joinedPartyOn: '2026-08-20', datesSetBy: '区管理员' });
  });

  it('refuses a joining day before the activist day, or a day in the future, naming the field, and writes nothing', async () => {
    const before = await datesOf(db, activist.id);
    expect(await failed(call(assessment, 'setMemberDates', { memberId: activist.id, activistSince: '2026-03-01', joinedPartyOn: '2026-02-28' }, a.secretary))).toEqual({
      code: 'ASSESSMENT_MEMBER_DATES_INVALID',
      message: '入党积极分子日期或入党日期有误：入党日期不能早于成为入党积极分子的日期',
      fields: { joinedPartyOn: '入党日期不能早于成为入党积极分子的日期' },
    });
    expect(await failed(call(assessment, 'setMemberDates', { memberId: activist.id, activistSince: '2026-08-21' }, a.secretary))).toMatchObject({
      code: 'ASSESSMENT_MEMBER_DATES_INVALID', fields: { activistSince: '成为入党积极分子日期不能晚于今天' },
    });
    expect(await failed(call(assessment, 'setMemberDates', { memberId: activist.id, activistSince: '2026-02-30' }, a.secretary))).toMatchObject({
      code: 'VALIDATION_FAILED', fields: { activistSince: '成为入党积极分子日期须为日期，例如 2025-03-01' },
    });
    expect(await datesOf(db, activist.id)).toEqual(before);
  });

  it('refuses another community’s secretary, a unit admin, the member, and an unknown member', async () => {
    const before = await datesOf(db, activist.id);
    const input = { memberId: activist.id, activistSince: '2025-01-01' };
    for (const who of [b.secretary, unitAdmin, activist]) expect((await failed(call(assessment, 'setMemberDates', input, who))).code).toBe('FORBIDDEN');
    expect((await failed(call(assessment, 'setMemberDates', { ...input, memberId: randomUUID() }, a.secretary))).code).toBe('ASSESSMENT_MEMBER_NOT_FOUND');
    expect((await failed(call(assessment, 'memberDates', { memberId: activist.id }, b.secretary))).code).toBe('FORBIDDEN');
    expect(await datesOf(db, activist.id)).toEqual(before);
  });

  it('fills activist_since when a 报到 of an 入党积极分子 carrying the day is confirmed', async () => {
    const { registration: submitted, user } = await submitLoggedOut(memberForm(a, { memberType: 'activist', joinedPartyMonth: undefined, activistSince: '2026-03-15' }));
    await ok(call(registration, 'confirm', { registrationId: submitted.id }, a.secretary));
    expect(await datesOf(db, user.id)).toEqual({ activist_since: '2026-03-15', joined_party_on: null, party_dates_set_by: a.secretary.id });
  });

  it('refuses the day on a 报到 form in the future, or for someone who is not an activist', async () => {
    const future = await failed(call(registration, 'submit', { form: memberForm(a, { memberType: 'activist', joinedPartyMonth: undefined, activistSince: '2026-08-21' }), password: 'new-password-1' }));
    expect(future).toMatchObject({ code: 'REG_DAY_IN_FUTURE', fields: { 'form.activistSince': '成为入党积极分子日期不能晚于今天' } });
    const notActivist = await failed(call(registration, 'submit', { form: memberForm(a, { activistSince: '2026-03-15' }), password: 'new-password-1' }));
    expect(notActivist).toMatchObject({ code: 'VALIDATION_FAILED', fields: { 'form.activistSince': '只有入党积极分子填写成为入党积极分子日期' } });
  });
});
