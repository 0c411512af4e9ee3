import { main as auth } from '../../cloudfunctions/auth/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as records } from '../../cloudfunctions/records/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { issueSlip, memberForm, newPhone, submitLoggedOut } from '../support/registration-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 09:00 Shanghai.
const START = new Date('2026-11-23T01:00:00Z');
const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;

describe('在职党员到社区报到: 报到单, 报到, 回执, 退回, 撤回, 转移', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let unitAdmin: TestUser;
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'RA', { members: 1, residents: 0 });
    b = await buildCommunity(db, 'RB', { members: 0, residents: 0, districtId: a.districtId });
    unitAdmin = await createUnitAdmin(db, a.unitId);
  });
  beforeEach(() => clock.set(START));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const slipOf = async (id: string) => (await ok(call(registration, 'listSlips', {}, unitAdmin))).items.find((slip: { id: string }) => slip.id === id);

  it('should take an in-service member from the unit’s 报到单 to a confirmed member with a 回执 the unit sees', async () => {
    const person = { name: '李红', phone: newPhone() };
    const slip = await issueSlip(unitAdmin, a, person);
    expect(slip).toMatchObject({ result: 'awaiting', resultLabel: '待报到', communityId: a.communityId, memberName: '李红', memberPhoneMasked: expect.stringMatching(MASKED_PHONE) });
    expect(slip.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(slip.linkPath).toBe(`/pages/join/register/index?slip=${slip.code}`);

    const options = await ok(call(registration, 'options', { slipCode: slip.code.toLowerCase() }));
    expect(options.slip).toMatchObject({ unitId: a.unitId, communityId: a.communityId, memberName: '李红', usable: true, memberPhoneMasked: expect.stringMatching(MASKED_PHONE) });
    expect(options.districts).toHaveLength(1);
    expect(options.districts[0].units[0]).toMatchObject({ id: a.unitId, pairedCommunityIds: [a.communityId] });
    expect(options.posts).toHaveLength(8);
    expect(options.catalogue.find((entry: { category: string }) => entry.category === '社区服务').subItems).toContain('治安巡逻');

    // The form names another community and type: the slip decides both.
    const form = memberForm(b, { name: '李红', phone: person.phone, memberType: 'community', workUnit: undefined });
    const { registration: submitted, user } = await submitLoggedOut(form, slip.code);
    expect(submitted).toMatchObject({ status: 'pending', statusLabel: '待社区确认', communityId: a.communityId, slipCode: slip.code, unitName: `测试单位RA`, masked: false });
    expect(submitted.form).toMatchObject({ memberType: 'in_service', unitId: a.unitId, workUnit: '测试单位RA', phone: person.phone });
    expect((await slipOf(slip.id)).result).toBe('pending');

    const pending = await ok(call(registration, 'listPending', {}, a.secretary));
    const listed = pending.items.find((item: { id: string }) => item.id === submitted.id);
    expect(listed.form.phone).toMatch(MASKED_PHONE);
    expect(listed.form.homeAddress).toMatch(/\*{4}$/);
    expect(listed.form.posts).toEqual(['社区稳定维护岗', '困难群众帮扶岗']);
    expect(listed.masked).toBe(true);

    const confirmed = await ok(call(registration, 'confirm', { registrationId: submitted.id, gridId: a.gridIds[1] }, a.secretary));
    expect(confirmed).toMatchObject({ status: 'confirmed', gridId: a.gridIds[1] });
    expect(confirmed.receipt).toBe('你单位党员 李红 同志已于11月23日到我处报到登记，认领的社区服务岗位为社区稳定维护岗、困难群众帮扶岗。');
    // 报到审核结果 (issue 16): the applicant is told, and what they can do now.
    const told = await db.query<{ title: string; body: string }>(`select title, body from notifications where user_id = $1 and kind = 'registration_result'`, [user.id]);
    expect(told).toEqual([{ title: '报到已通过', body: expect.stringContaining('订单大厅') }]);

    const [member] = await db.query('select volunteer_no, community_id, grid_id, unit_id, member_type, posts, availability from members where user_id = $1', [user.id]);
    expect(member).toMatchObject({ community_id: a.communityId, grid_id: a.gridIds[1], unit_id: a.unitId, member_type: 'in_service', posts: ['社区稳定维护岗', '困难群众帮扶岗'], availability: { sat: ['morning', 'afternoon'], holiday: ['morning'] } });
    expect(member.volunteer_no).toMatch(/^DY\d+$/);
    expect(await db.query(`select role, org_id from user_roles where user_id = $1`, [user.id])).toEqual([{ role: 'member', org_id: a.communityId }]);
    expect(await db.query('select community_id, registration_id, left_at from member_community_history where member_id = $1', [user.id]))
      .toEqual([{ community_id: a.communityId, registration_id: submitted.id, left_at: null }]);
    const [profile] = await db.query(`select gender, ethnicity, to_char(birth_month, 'YYYY-MM') as birth, party_standing, work_unit, home_address, service_intentions from member_profiles where user_id = $1`, [user.id]);
    expect(profile).toEqual({ gender: '男', ethnicity: '汉族', birth: '1985-06', party_standing: '正式', work_unit: '测试单位RA', home_address: '幸福花园3栋502室', service_intentions: [{ category: '社区服务', subItems: ['家电、水电维修', '治安巡逻'] }] });

    expect(await slipOf(slip.id)).toMatchObject({ result: 'reported', resultLabel: '已报到', reportedCommunity: '测试社区RA', reportedOn: '2026-11-23', claimedPosts: ['社区稳定维护岗', '困难群众帮扶岗'] });
    const mine = await ok(call(registration, 'mine', {}, user));
    expect(mine.items).toEqual([expect.objectContaining({ id: submitted.id, status: 'confirmed', receipt: confirmed.receipt, masked: false })]);
    const login = await ok(call(auth, 'login', { phone: person.phone, password: 'new-password-1' }));
    expect(login.profile.member).toMatchObject({ volunteerNo: member.volunteer_no, communityId: a.communityId, memberType: 'in_service' });
  });

  it('should register a 社区党员 without a slip, and write the 回执 without “你单位”', async () => {
    const { registration: submitted, user } = await submitLoggedOut(memberForm(a, { name: '张伟' }));
    expect(submitted).toMatchObject({ status: 'pending', unitName: null, slipCode: null, memberTypeLabel: '社区党员' });
    const confirmed = await ok(call(registration, 'confirm', { registrationId: submitted.id }, a.secretary));
    expect(confirmed.receipt).toBe('党员 张伟 同志已于11月23日到我处报到登记，认领的社区服务岗位为社区稳定维护岗、困难群众帮扶岗。');
    expect(await db.query('select member_type, unit_id, grid_id from members where user_id = $1', [user.id])).toEqual([{ member_type: 'community', unit_id: null, grid_id: a.gridIds[0] }]);
  });

  it('should let an in-service member without a slip name the unit, and a logged-in resident register with their own account', async () => {
    const { registration: submitted } = await submitLoggedOut(memberForm(a, { memberType: 'in_service', unitId: a.unitId, workUnit: undefined }));
    expect(submitted).toMatchObject({ unitName: '测试单位RA', form: { workUnit: '测试单位RA' } });

    const resident = (await buildCommunity(db, 'RR', { members: 0, residents: 1, districtId: a.districtId })).residents[0];
    const answer = await ok(call(registration, 'submit', { form: memberForm(a, { name: resident.name, phone: resident.phone }) }, resident));
    expect(answer.session).toBeNull();
    expect(answer.registration.userId).toBe(resident.id);
  });

  it('should send a registration back with a reason the member and the unit see, and take the corrected one as a new registration', async () => {
    const person = { name: '陈静', phone: newPhone() };
    const slip = await issueSlip(unitAdmin, a, person);
    const { registration: first, user } = await submitLoggedOut(memberForm(a, { name: '陈静', phone: person.phone, homeAddress: '地址不详' }), slip.code);
    const returned = await ok(call(registration, 'sendBack', { registrationId: first.id, reason: '家庭住址请填写到门牌号' }, a.secretary));
    expect(returned).toMatchObject({ status: 'returned', statusLabel: '被退回', returnReason: '家庭住址请填写到门牌号', receipt: null });
    expect(await slipOf(slip.id)).toMatchObject({ result: 'returned', resultLabel: '被退回', returnReason: '家庭住址请填写到门牌号' });
    expect((await ok(call(registration, 'mine', {}, user))).items[0]).toMatchObject({ status: 'returned', returnReason: '家庭住址请填写到门牌号' });
    expect((await failed(call(registration, 'confirm', { registrationId: first.id }, a.secretary))).code).toBe('REG_NOT_PENDING');
    // 报到审核结果 (issue 16): the applicant is told what to change, once, and nobody else is.
    const told = await db.query<{ user_id: string; body: string }>(`select user_id, body from notifications where event_key = $1`, [`registration-returned:${first.id}`]);
    expect(told).toEqual([{ user_id: user.id, body: expect.stringContaining('家庭住址请填写到门牌号') }]);

    clock.set(new Date('2026-11-23T03:00:00Z'));
    const again = await ok(call(registration, 'submit', { form: { ...first.form, homeAddress: '幸福花园5栋101室' }, slipCode: slip.code }, user));
    expect(again.registration).toMatchObject({ status: 'pending', form: { homeAddress: '幸福花园5栋101室' } });
    expect((await ok(call(registration, 'mine', {}, user))).items.map((item: { status: string }) => item.status)).toEqual(['pending', 'returned']);
    expect((await slipOf(slip.id)).result).toBe('pending');
    await ok(call(registration, 'confirm', { registrationId: again.registration.id }, a.secretary));
    expect((await slipOf(slip.id)).result).toBe('reported');
  });

  it('should let a member withdraw a pending registration once, and nobody else', async () => {
    const { registration: submitted, user } = await submitLoggedOut(memberForm(a));
    expect((await failed(call(registration, 'withdraw', { registrationId: submitted.id }, a.members[0]))).code).toBe('REG_NOT_FOUND');
    expect(await ok(call(registration, 'withdraw', { registrationId: submitted.id }, user))).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回' });
    expect((await failed(call(registration, 'withdraw', { registrationId: submitted.id }, user))).code).toBe('REG_NOT_PENDING');
    expect((await ok(call(registration, 'listPending', {}, a.secretary))).items.map((item: { id: string }) => item.id)).not.toContain(submitted.id);
    const again = await ok(call(registration, 'submit', { form: submitted.form }, user));
    expect(again.registration.status).toBe('pending');
  });

  it('should transfer a member to another community, keeping the history and the records under the old one', async () => {
    const { registration: submitted, user } = await submitLoggedOut(memberForm(a, { name: '赵敏' }));
    await ok(call(registration, 'confirm', { registrationId: submitted.id }, a.secretary));
    const order = await ok(call(orders, 'create', { title: '义诊', category: '医疗卫生服务', place: '社区卫生站', startsAt: '2026-11-23T09:30:00+08:00', endsAt: '2026-11-23T10:30:00+08:00', capacity: 2, dispatch: 'open' }, a.secretary));
    await ok(call(orders, 'accept', { orderId: order.id }, user));
    clock.set(new Date('2026-11-23T04:00:00Z'));
    const record = await ok(call(records, 'enter', { orderId: order.id, memberId: user.id, startedAt: '2026-11-23T09:30:00+08:00', endedAt: '2026-11-23T10:30:00+08:00', reason: '签到表为证' }, a.secretary));

    clock.set(new Date('2026-11-23T10:00:00Z'));
    // A 预备党员 stays one when moving: the transfer must not reset the standing to 正式.
    await db.query(`update member_profiles set party_standing = '预备' where user_id = $1`, [user.id]);
    const transfer = await ok(call(registration, 'requestTransfer', { communityId: b.communityId, gridId: b.gridIds[0], homeAddress: '和平里8栋201室', reason: '搬家到和平里' }, user));
    expect(transfer).toMatchObject({ kind: 'transfer', status: 'pending', communityId: b.communityId, form: { homeAddress: '和平里8栋201室', transferReason: '搬家到和平里', posts: ['社区稳定维护岗', '困难群众帮扶岗'] } });
    expect((await failed(call(registration, 'confirm', { registrationId: transfer.id }, a.secretary))).code).toBe('FORBIDDEN');
    expect((await ok(call(registration, 'listPending', {}, b.secretary))).items.map((item: { id: string }) => item.id)).toContain(transfer.id);

    const confirmed = await ok(call(registration, 'confirm', { registrationId: transfer.id }, b.secretary));
    expect(confirmed.receipt).toBe('党员 赵敏 同志已于11月23日转入测试社区RB报到登记，认领的社区服务岗位为社区稳定维护岗、困难群众帮扶岗。');
    expect(await db.query('select community_id, grid_id from members where user_id = $1', [user.id])).toEqual([{ community_id: b.communityId, grid_id: b.gridIds[0] }]);
    expect(await db.query('select party_standing, home_address from member_profiles where user_id = $1', [user.id])).toEqual([{ party_standing: '预备', home_address: '和平里8栋201室' }]);
    expect(await db.query(`select org_id from user_roles where user_id = $1 and role = 'member'`, [user.id])).toEqual([{ org_id: b.communityId }]);
    const history = await db.query<{ community_id: string; left_at: Date | null; registration_id: string }>(
      'select community_id, left_at, registration_id from member_community_history where member_id = $1 order by joined_at', [user.id]);
    expect(history).toEqual([
      { community_id: a.communityId, left_at: new Date('2026-11-23T10:00:00Z'), registration_id: submitted.id },
      { community_id: b.communityId, left_at: null, registration_id: transfer.id },
    ]);
    expect(await db.query('select home_address from member_profiles where user_id = $1', [user.id])).toEqual([{ home_address: '和平里8栋201室' }]);
    expect(await db.query('select certifying_org_id from service_records where id = $1', [record.id])).toEqual([{ certifying_org_id: a.communityId }]);
    // the year's tally (what 考核 counts) moves with the member: the new community's list counts the hours
    expect(await db.query('select community_id, q4_minutes from member_year_tallies where member_id = $1', [user.id])).toEqual([{ community_id: b.communityId, q4_minutes: 60 }]);
    const aRecords = await ok(call(records, 'listForCommunity', { year: 2026 }, a.secretary));
    expect(aRecords.items.map((item: { id: string }) => item.id)).toContain(record.id);
    expect((await ok(call(registration, 'mine', {}, user))).items.map((item: { kind: string; status: string }) => [item.kind, item.status]))
      .toEqual([['transfer', 'confirmed'], ['report', 'confirmed']]);
  });

  it('should let a district admin look at the communities’ pending registrations, but leave the 回执 to their secretaries', async () => {
    const admin = await createDistrictAdmin(db, a.districtId);
    const { registration: submitted } = await submitLoggedOut(memberForm(b));
    const pending = await ok(call(registration, 'listPending', { communityId: b.communityId }, admin));
    expect(pending.items.map((item: { id: string }) => item.id)).toContain(submitted.id);
    expect(await ok(call(registration, 'get', { registrationId: submitted.id }, admin))).toMatchObject({ masked: true, form: { phone: expect.stringMatching(MASKED_PHONE) } });
    expect((await failed(call(registration, 'confirm', { registrationId: submitted.id }, admin))).code).toBe('FORBIDDEN');
    expect((await failed(call(registration, 'sendBack', { registrationId: submitted.id, reason: '信息不全' }, admin))).code).toBe('FORBIDDEN');
    expect((await ok(call(registration, 'get', { registrationId: submitted.id }, b.secretary))).status).toBe('pending');
  });

  it('should create the member once when two confirms race', async () => {
    const { registration: submitted, user } = await submitLoggedOut(memberForm(a));
    const answers = await Promise.all([
      call(registration, 'confirm', { registrationId: submitted.id }, a.secretary),
      call(registration, 'confirm', { registrationId: submitted.id, gridId: a.gridIds[1] }, a.secretary),
    ]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    const refused = answers.find((answer) => !answer.ok);
    expect(refused && !refused.ok && ['REG_NOT_PENDING', 'CONFLICT']).toContain(refused && !refused.ok && refused.error.code);
    expect(await db.query('select count(*)::int as n from members where user_id = $1', [user.id])).toEqual([{ n: 1 }]);
    expect(await db.query('select count(*)::int as n from member_community_history where member_id = $1', [user.id])).toEqual([{ n: 1 }]);
    expect(await db.query(`select count(*)::int as n from user_roles where user_id = $1`, [user.id])).toEqual([{ n: 1 }]);
  });
});
