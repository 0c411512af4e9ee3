import { randomUUID } from 'node:crypto';
import { main as auth } from '../../cloudfunctions/auth/index';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as privacy } from '../../cloudfunctions/privacy/index';
import { main as records } from '../../cloudfunctions/records/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import { makeCheckinCode } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { countRows, valueOf } from '../support/db-state';
import { buildCommunity, PASSWORD, type TestCommunity } from '../support/fixtures';
import { insertConfirmedRegistration, insertMemberProfile } from '../support/privacy-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 09:00 Shanghai.
const START = new Date('2026-11-23T01:00:00Z');
const at = (hhmm: string) => `2026-11-23T${hhmm}:00+08:00`;

describe('注销: a member leaves; what the rules do not require is erased, the service records stay', () => {
  let db: Database;
  let a: TestCommunity;
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'E', { members: 3, residents: 1 });
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('should refuse while the member is checked in and not out, changing nothing', async () => {
    const member = a.members[2];
    const order = await ok(call(orders, 'create', { title: '清扫楼道', category: '环保绿化服务', place: '3栋', startsAt: at('09:10'), endsAt: at('10:10'), capacity: 1, dispatch: 'open' }, a.secretary));
    await ok(call(orders, 'accept', { orderId: order.id }, member));
    const device = await ok(call(checkin, 'issueDeviceSecret', {}, member));
    clock.set(new Date('2026-11-23T01:15:00Z'));
    const scannedAt = new Date().toISOString();
    await ok(call(checkin, 'scan', { scanId: randomUUID(), orderId: order.id, code: makeCheckinCode(device, new Date(scannedAt)), scannedAt }, a.secretary));
    const before = await countRows(db);
    const error = await failed(call(privacy, 'leave', { confirmPhrase: '确认注销' }, member));
    expect(error.code).toBe('PRIVACY_LEAVE_IN_SERVICE');
    expect(await countRows(db)).toEqual(before);
    expect(await valueOf(db, 'select phone from users where id = $1', [member.id])).toBe(member.phone);
  });

  it('should refuse without the confirmation phrase, naming the field', async () => {
    const error = await failed(call(privacy, 'leave', { confirmPhrase: '注销' }, a.members[1]));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { confirmPhrase: '请输入「确认注销」四个字以确认' } });
  });

  it('should erase the personal data, release upcoming places, keep the records under the volunteer number, and refuse the old session', async () => {
    clock.set(START);
    const member = a.members[0];
    const volunteerNo = await valueOf<string>(db, 'select volunteer_no from members where user_id = $1', [member.id]);
    await insertMemberProfile(db, member.id, { homeAddress: '锦绣家园8栋302室', idNumber: '440781198506150012' });
    const slipId = await insertConfirmedRegistration(db, member, { unitId: a.unitId, communityId: a.communityId, issuedBy: a.secretary.id });
    await ok(call(checkin, 'issueDeviceSecret', {}, member));

    // A past service with a record, and an upcoming one with a place taken.
    const past = await ok(call(orders, 'create', { title: '义诊', category: '医疗卫生服务', place: '社区卫生站', startsAt: at('09:10'), endsAt: at('10:10'), capacity: 2, dispatch: 'open' }, a.secretary));
    await ok(call(orders, 'accept', { orderId: past.id }, member));
    const upcoming = await ok(call(orders, 'create', { title: '周末义卖', category: '社区服务', place: '广场', startsAt: at('15:00'), endsAt: at('16:00'), capacity: 1, dispatch: 'open' }, a.secretary));
    expect((await ok(call(orders, 'accept', { orderId: upcoming.id }, member))).status).toBe('staffed');
    clock.set(new Date('2026-11-23T04:00:00Z'));
    const record = await ok(call(records, 'enter', { orderId: past.id, memberId: member.id, startedAt: at('09:10'), endedAt: at('10:10'), reason: '现场签到表为证' }, a.secretary));
    await ok(call(privacy, 'reveal', { subject: { memberId: member.id }, field: 'phone' }, a.secretary));

    const kept = await countRows(db, ['service_records', 'record_audit', 'evaluations', 'scans', 'attendance']);
    const left = await ok(call(privacy, 'leave', { confirmPhrase: '确认注销', reason: '搬离本市' }, member));
    expect(left).toMatchObject({ cancelledOrders: 1, erased: expect.arrayContaining(['姓名', '手机号码']), kept: expect.arrayContaining(['服务记录与时长']) });

    // Erased.
    const [user] = await db.query<Record<string, unknown>>('select * from users where id = $1', [member.id]);
    expect(user).toMatchObject({ name: `已注销用户（${volunteerNo}）`, phone: null, password_hash: null, wx_openid: null, photo_url: null, left_reason: '搬离本市' });
    expect(user.left_at).toEqual(new Date('2026-11-23T04:00:00Z'));
    expect(await valueOf(db, 'select count(*)::int from member_profiles where user_id = $1', [member.id])).toBe(0);
    expect(await valueOf(db, 'select count(*)::int from user_roles where user_id = $1', [member.id])).toBe(0);
    // The 回执 the unit keeps still names the type and the posts; the form's personal fields are gone.
    const [form] = await db.query<{ form: Record<string, unknown> }>('select form from registrations where user_id = $1', [member.id]);
    expect(Object.keys(form.form).sort()).toEqual(['memberType', 'posts']);
    const registrationId = await valueOf<string>(db, 'select id from registrations where user_id = $1', [member.id]);
    expect((await ok(call(registration, 'get', { registrationId }, a.secretary))).receipt).toMatch(/认领的社区服务岗位为/);
    expect(await db.query('select member_name, member_phone from report_slips where id = $1', [slipId])).toEqual([{ member_name: '已注销用户', member_phone: null }]);
    expect(await valueOf(db, 'select count(*)::int from member_devices where member_id = $1 and revoked_at is null', [member.id])).toBe(0);
    expect(await valueOf(db, 'select count(*)::int from member_community_history where member_id = $1 and left_at is null', [member.id])).toBe(0);

    // The upcoming place is given back and the order is open again.
    const [order] = await db.query<{ accepted_count: number; status: string }>('select accepted_count, status from orders where id = $1', [upcoming.id]);
    expect(order).toEqual({ accepted_count: 0, status: 'published' });
    expect(await valueOf(db, 'select status from assignments where order_id = $1 and member_id = $2', [upcoming.id, member.id])).toBe('cancelled');

    // Kept: the member row, records, attendance, scans, evaluations, audit.
    expect(await countRows(db, ['service_records', 'record_audit', 'evaluations', 'scans', 'attendance'])).toEqual(kept);
    expect(await valueOf(db, 'select volunteer_no from members where user_id = $1', [member.id])).toBe(volunteerNo);
    const listed = await ok(call(records, 'listForCommunity', {}, a.secretary));
    expect(listed.items.find((item: { id: string }) => item.id === record.id)).toMatchObject({ memberName: `已注销用户（${volunteerNo}）`, volunteerNo, hoursCredited: 1 });

    // The old session is refused; the secretary can reveal nothing; the phone no longer logs in.
    expect((await failed(call(privacy, 'myData', {}, member))).code).toBe('UNAUTHENTICATED');
    for (const field of ['phone', 'address', 'id_number']) {
      expect((await failed(call(privacy, 'reveal', { subject: { memberId: member.id }, field }, a.secretary))).code).toBe('PRIVACY_SUBJECT_LEFT');
    }
    expect((await failed(call(auth, 'login', { phone: member.phone, password: PASSWORD }))).code).toBe('AUTH_BAD_CREDENTIALS');
    // Nobody can be sent to them any more.
    const recommended = await ok(call(orders, 'recommend', { startsAt: at('18:00'), endsAt: at('19:00') }, a.secretary));
    expect(recommended.items.map((item: { memberId: string }) => item.memberId)).not.toContain(member.id);
  });

  it("should erase a resident's address and contact from every need, order and record of theirs, and withdraw needs not yet taken up", async () => {
    clock.set(START);
    const resident = a.residents[0];
    const need = await ok(call(demands, 'post', { category: '社区服务', description: '楼道灯坏了需要更换', address: '测试小区1栋101室', contactPhone: resident.phone }, resident));
    const served = await ok(call(demands, 'post', { category: '社区服务', description: '水龙头漏水', address: '测试小区1栋101室', contactPhone: resident.phone }, resident));
    const homeOrder = await ok(call(orders, 'create', { demandId: served.id, title: '修水龙头', category: '社区服务', startsAt: at('09:10'), endsAt: at('10:10'), capacity: 1, dispatch: 'open' }, a.secretary));
    await ok(call(orders, 'accept', { orderId: homeOrder.id }, a.members[1]));
    clock.set(new Date('2026-11-23T04:00:00Z'));
    await ok(call(records, 'enter', { orderId: homeOrder.id, memberId: a.members[1].id, startedAt: at('09:10'), endedAt: at('10:10'), reason: '现场签到表为证' }, a.secretary));

    await ok(call(privacy, 'leave', { confirmPhrase: '确认注销' }, resident));

    const needs = await db.query('select requester_name, contact_phone, address from demands where resident_id = $1', [resident.id]);
    expect(needs).toEqual([
      { requester_name: '已注销用户', contact_phone: null, address: '（住址已随注销删除）' },
      { requester_name: '已注销用户', contact_phone: null, address: '（住址已随注销删除）' },
    ]);
    expect(await valueOf(db, 'select place from orders where id = $1', [homeOrder.id])).toBe('（住址已随注销删除）');
    expect(await valueOf(db, 'select place from service_records where order_id = $1', [homeOrder.id])).toBe('（住址已随注销删除）');
    const seenByMember = JSON.stringify(await ok(call(orders, 'get', { orderId: homeOrder.id }, a.members[1])));
    expect(seenByMember).not.toContain(resident.phone);
    expect(seenByMember).not.toContain('测试小区1栋101室');
    expect(await valueOf(db, 'select count(*)::int from residents where user_id = $1', [resident.id])).toBe(0);
    expect(await valueOf(db, 'select name from users where id = $1', [resident.id])).toBe('已注销用户');
    expect(await valueOf(db, 'select status from demands where id = $1', [need.id])).toBe('withdrawn');
    expect((await failed(call(privacy, 'reveal', { subject: { demandId: need.id }, field: 'phone' }, a.secretary))).code).toBe('PRIVACY_SUBJECT_LEFT');
    expect((await failed(call(privacy, 'reveal', { subject: { residentId: resident.id }, field: 'address' }, a.secretary))).code).toBe('PRIVACY_SUBJECT_LEFT');
  });
});
