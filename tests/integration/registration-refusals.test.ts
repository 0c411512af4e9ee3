import { main as registration } from '../../cloudfunctions/registration/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { countRegistrationRows, issueSlip, memberForm, newPhone, submitLoggedOut } from '../support/registration-fixtures';
import { codeFor } from '../support/phone-code-fixtures';
import { openSuiteDatabase } from '../support/test-database';

const START = new Date('2026-11-23T01:00:00Z');

describe('报到 refusals: each names its field in Chinese and writes nothing', () => {
  let db: Database;
  let a: TestCommunity;
  let other: TestCommunity;
  let unitAdmin: TestUser;
  let otherUnitAdmin: TestUser;
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'FA', { members: 1, residents: 1 });
    other = await buildCommunity(db, 'FB', { members: 0, residents: 0 });
    unitAdmin = await createUnitAdmin(db, a.unitId);
    otherUnitAdmin = await createUnitAdmin(db, other.unitId);
  });
  beforeEach(() => clock.set(START));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  /** Submits logged out and expects `code`, with `fields` when given, and nothing written. */
  async function refusedSubmit(data: Record<string, unknown>, code: string, fields?: Record<string, string>, who?: TestUser) {
    const before = await countRegistrationRows(db);
    const error = await failed(call(registration, 'submit', { password: 'new-password-1', ...data }, who));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    if (fields) expect(error.fields).toEqual(fields);
    expect(await countRegistrationRows(db)).toEqual(before);
    return error;
  }

  it('should refuse bad input on the form with a message naming each field', async () => {
    await refusedSubmit({ form: memberForm(a, { phone: '1380013800' }) }, 'VALIDATION_FAILED', { 'form.phone': '本人手机须为11位手机号码' });
    await refusedSubmit({ form: memberForm(a, { posts: [] }) }, 'VALIDATION_FAILED', { 'form.posts': '请至少认领一个岗位' });
    await refusedSubmit({ form: memberForm(a, { availability: {} }) }, 'VALIDATION_FAILED', { 'form.availability': '能参加服务的时间至少勾选一格' });
    await refusedSubmit({ form: memberForm(a, { availability: { mon: [] } }) }, 'VALIDATION_FAILED', { 'form.availability': '能参加服务的时间至少勾选一格' });
    await refusedSubmit({ form: memberForm(a, { birthMonth: '1985-13' }) }, 'VALIDATION_FAILED', { 'form.birthMonth': '出生年月须为年月，例如 1985-06' });
    await refusedSubmit({ form: memberForm(a, { joinedPartyMonth: undefined }) }, 'VALIDATION_FAILED', { 'form.joinedPartyMonth': '请填写入党时间' });
    await refusedSubmit({ form: memberForm(a, { serviceIntentions: [{ category: '法律援助', subItems: ['治安巡逻'] }] }) }, 'VALIDATION_FAILED', {
      'form.serviceIntentions.0.subItems': '服务意向的具体项目须从该类别的项目中选择',
    });
    await refusedSubmit({ form: memberForm(a), password: 'short' }, 'VALIDATION_FAILED', { password: '登录密码至少8个字符' });
  });

  it('should refuse months in the future or a party month before birth, by the clock', async () => {
    await refusedSubmit({ form: memberForm(a, { birthMonth: '2026-12' }) }, 'REG_MONTH_IN_FUTURE', { 'form.birthMonth': '出生年月不能晚于本月' });
    await refusedSubmit({ form: memberForm(a, { joinedPartyMonth: '2027-01' }) }, 'REG_MONTH_IN_FUTURE', { 'form.joinedPartyMonth': '入党时间不能晚于本月' });
    await refusedSubmit({ form: memberForm(a, { joinedPartyMonth: '1980-01' }) }, 'REG_JOINED_BEFORE_BIRTH', { 'form.joinedPartyMonth': '入党时间不能早于出生年月' });
    await submitLoggedOut(memberForm(a, { birthMonth: '2000-11', joinedPartyMonth: '2026-11' }));
  });

  it('should refuse an ID number unless the district collects them', async () => {
    await refusedSubmit({ form: memberForm(a, { idNumber: '44078119850601123X' }) }, 'REG_ID_NUMBER_NOT_COLLECTED', { 'form.idNumber': '本区不收集身份证号码，请不要填写' });
    await db.query('update district_settings set collect_id_numbers = true where district_id = $1', [a.districtId]);
    try {
      const { registration: submitted } = await submitLoggedOut(memberForm(a, { idNumber: '44078119850601123x' }));
      expect(submitted.form.idNumber).toBe('44078119850601123X');
      const masked = await ok(call(registration, 'get', { registrationId: submitted.id }, a.secretary));
      expect(masked.form.idNumber).toBe('440***********123X');
    } finally {
      await db.query('update district_settings set collect_id_numbers = false where district_id = $1', [a.districtId]);
    }
  });

  it('should refuse accounts it cannot make: no password, a phone that has an account, another person’s phone', async () => {
    const before = await countRegistrationRows(db);
    expect((await failed(call(registration, 'submit', { form: memberForm(a) }))).fields).toEqual({ password: '请设置登录密码（8至64个字符）' });
    await refusedSubmit({ form: memberForm(a, { phone: a.residents[0].phone }), phoneCode: await codeFor(a.residents[0].phone, 'register') }, 'REG_PHONE_HAS_ACCOUNT', {
      'form.phone': '该手机号码已有账号，请先登录',
    });
    await refusedSubmit({ form: memberForm(a) }, 'REG_PHONE_NOT_YOURS', { 'form.phone': '须为您账号的手机号码' }, a.residents[0]);
    await refusedSubmit({ form: memberForm(a, { phone: a.members[0].phone }) }, 'REG_ALREADY_MEMBER', undefined, a.members[0]);
    expect(await countRegistrationRows(db)).toEqual(before);
  });

  it('should refuse an in-service member without a unit, a unit of another district, and an unknown community or grid', async () => {
    await refusedSubmit({ form: memberForm(a, { memberType: 'in_service', workUnit: '某局' }) }, 'REG_UNIT_REQUIRED', { 'form.unitId': '在职党员请选择所在单位' });
    await refusedSubmit({ form: memberForm(a, { memberType: 'in_service', unitId: other.unitId }) }, 'REG_COMMUNITY_OUTSIDE_DISTRICT');
    await refusedSubmit({ form: memberForm(a, { communityId: a.gridIds[0], gridId: undefined }) }, 'REG_COMMUNITY_NOT_FOUND', { 'form.communityId': '找不到该社区' });
    await refusedSubmit({ form: memberForm(a, { gridId: other.gridIds[0] }) }, 'REG_GRID_NOT_IN_COMMUNITY', { 'form.gridId': '所选网格不属于该社区' });
  });

  it('should refuse a slip with the wrong phone, a cancelled slip, a slip used twice, and a code that does not exist', async () => {
    const person = { name: '周强', phone: newPhone() };
    const slip = await issueSlip(unitAdmin, a, person);
    await refusedSubmit({ form: memberForm(a, { name: '周强' }), slipCode: slip.code }, 'REG_SLIP_PHONE_MISMATCH', { 'form.phone': '须与报到单上的手机号码一致' });
    await refusedSubmit({ form: memberForm(a), slipCode: 'ZZZZ2222' }, 'REG_SLIP_NOT_FOUND', { slipCode: '找不到该报到单，请核对报到码' });
    expect((await failed(call(registration, 'options', { slipCode: 'ZZZZ2222' }))).code).toBe('REG_SLIP_NOT_FOUND');

    await submitLoggedOut(memberForm(a, { name: '周强', phone: person.phone }), slip.code);
    await refusedSubmit({ form: memberForm(a, { phone: person.phone }), slipCode: slip.code }, 'REG_SLIP_USED');
    expect((await ok(call(registration, 'options', { slipCode: slip.code }))).slip.usable).toBe(false);
    expect((await failed(call(registration, 'cancelSlip', { slipId: slip.id }, unitAdmin))).code).toBe('REG_SLIP_AWAITING_CONFIRM');

    const unused = await issueSlip(unitAdmin, a, { name: '吴刚', phone: newPhone() });
    expect((await failed(call(registration, 'cancelSlip', { slipId: unused.id }, otherUnitAdmin))).code).toBe('REG_SLIP_NOT_FOUND');
    expect(await ok(call(registration, 'cancelSlip', { slipId: unused.id }, unitAdmin))).toMatchObject({ result: 'cancelled', resultLabel: '已作废' });
    await refusedSubmit({ form: memberForm(a, { phone: (await db.query('select member_phone from report_slips where id = $1', [unused.id]))[0].member_phone }), slipCode: unused.code }, 'REG_SLIP_CANCELLED');
  });

  it('should refuse slips a unit may not issue, and let it note why a member has not reported', async () => {
    const phone = newPhone();
    const slip = await issueSlip(unitAdmin, a, { name: '郑华', phone }, '2026-11-23');
    const before = await countRegistrationRows(db);
    const issue = (overrides: Record<string, unknown>, who = unitAdmin) =>
      failed(call(registration, 'issueSlip', { memberName: '郑华', memberPhone: newPhone(), partyStanding: '正式', communityId: a.communityId, reportBy: '2026-12-31', ...overrides }, who));
    expect(await issue({ memberPhone: phone })).toMatchObject({ code: 'REG_SLIP_ALREADY_OPEN', fields: { memberPhone: '该手机号码已有一张未作废的报到单' } });
    expect(await issue({ communityId: other.communityId })).toMatchObject({ code: 'REG_COMMUNITY_OUTSIDE_DISTRICT', fields: { communityId: '报到社区须在本单位所在的区' } });
    expect(await issue({ reportBy: '2026-11-22' })).toMatchObject({ code: 'REG_REPORT_BY_PAST', fields: { reportBy: '报到截止日期不能早于今天' } });
    expect(await issue({ reportBy: '2099-12-31' })).toMatchObject({ code: 'VALIDATION_FAILED', fields: { reportBy: '报到截止日期不能晚于366天以后' } });
    expect(await issue({ memberPhone: '12345' })).toMatchObject({ code: 'VALIDATION_FAILED', fields: { memberPhone: '党员手机号码须为11位手机号码' } });
    expect((await issue({}, a.secretary)).code).toBe('REG_NOT_UNIT_ADMIN');
    expect((await failed(call(registration, 'listSlips', {}, a.members[0]))).code).toBe('REG_NOT_UNIT_ADMIN');
    expect(await countRegistrationRows(db)).toEqual(before);

    clock.set(new Date('2026-11-23T18:00:00Z')); // 11-24 in Shanghai: past the report-by date
    const noted = await ok(call(registration, 'noteNotReported', { slipId: slip.id, reason: '长期外地出差' }, unitAdmin));
    expect(noted).toMatchObject({ result: 'awaiting', notReportedReason: '长期外地出差', overdue: true });
    expect((await failed(call(registration, 'noteNotReported', { slipId: slip.id, reason: '别的单位' }, otherUnitAdmin))).code).toBe('REG_SLIP_NOT_FOUND');
  });

  it('should let only the community’s secretary review: not another community’s, not a member', async () => {
    const { registration: submitted, user } = await submitLoggedOut(memberForm(a));
    const before = await countRegistrationRows(db);
    for (const who of [other.secretary, a.members[0], a.residents[0], unitAdmin]) {
      expect((await failed(call(registration, 'confirm', { registrationId: submitted.id }, who))).code).toBe('FORBIDDEN');
      expect((await failed(call(registration, 'sendBack', { registrationId: submitted.id, reason: '不认识此人' }, who))).code).toBe('FORBIDDEN');
      expect((await failed(call(registration, 'get', { registrationId: submitted.id }, who))).code).toBe('FORBIDDEN');
    }
    expect((await failed(call(registration, 'listPending', { communityId: a.communityId }, other.secretary))).code).toBe('FORBIDDEN');
    expect((await failed(call(registration, 'listPending', {}, a.members[0]))).code).toBe('FORBIDDEN');
    expect((await failed(call(registration, 'confirm', { registrationId: submitted.id }))).code).toBe('UNAUTHENTICATED');
    expect((await failed(call(registration, 'confirm', { registrationId: submitted.id, gridId: other.gridIds[0] }, a.secretary))).code).toBe('REG_GRID_NOT_IN_COMMUNITY');
    expect((await failed(call(registration, 'sendBack', { registrationId: submitted.id, reason: '不' }, a.secretary))).fields).toEqual({ reason: '退回原因至少需要2个字' });
    expect((await failed(call(registration, 'submit', { form: submitted.form }, user))).code).toBe('REG_ALREADY_PENDING');
    expect(await countRegistrationRows(db)).toEqual(before);
    expect(await ok(call(registration, 'get', { registrationId: submitted.id }, user))).toMatchObject({ masked: false, form: { phone: user.phone } });
  });

  it('should refuse a transfer by someone who is not a member, to the same community, or without a profile', async () => {
    const before = await countRegistrationRows(db);
    const transfer = (who: TestUser, communityId: string) => failed(call(registration, 'requestTransfer', { communityId, reason: '搬家' }, who));
    expect((await transfer(a.residents[0], other.communityId)).code).toBe('REG_NOT_MEMBER');
    expect((await transfer(a.members[0], a.communityId)).code).toBe('REG_SAME_COMMUNITY');
    expect((await transfer(a.members[0], other.communityId)).code).toBe('REG_NO_PROFILE');
    expect(await countRegistrationRows(db)).toEqual(before);
  });
});
