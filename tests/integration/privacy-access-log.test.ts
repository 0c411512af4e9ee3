import { main as demands } from '../../cloudfunctions/demands/index';
import { main as privacy } from '../../cloudfunctions/privacy/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { maskPhone } from '../../cloudfunctions/_core/shared/masking';
import { call, failed, ok } from '../support/call';
import { valueOf } from '../support/db-state';
import { buildCommunity, createDistrictAdmin, type TestCommunity } from '../support/fixtures';
import { insertMemberProfile } from '../support/privacy-fixtures';
import { openSuiteDatabase } from '../support/test-database';

describe('信息查看记录: every full read by a secretary is logged, and the person sees it', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'L', { members: 2, residents: 1 });
    b = await buildCommunity(db, 'K', { members: 1, residents: 0, districtId: a.districtId });
    await insertMemberProfile(db, a.members[0].id, { homeAddress: '锦绣家园8栋302室' });
  });
  afterAll(() => db.close());

  const logRows = async () => Number(await valueOf(db, 'select count(*) from access_log'));

  it('should write exactly one row per reveal, with viewer, subject, field, purpose and community', async () => {
    const member = a.members[0];
    const before = await logRows();
    await ok(call(privacy, 'reveal', { subject: { memberId: member.id }, field: 'address', purpose: '上门送慰问品' }, a.secretary));
    expect(await logRows()).toBe(before + 1);
    const [row] = await db.query<Record<string, unknown>>('select * from access_log order by at desc limit 1');
    expect(row).toMatchObject({ viewer_id: a.secretary.id, subject_user_id: member.id, demand_id: null, community_id: a.communityId, field: 'address', purpose: '上门送慰问品' });
  });

  it("should log a need's contact by the need, with the default purpose 联系需求人 when none is given", async () => {
    const need = await ok(call(demands, 'record', {
      category: '社区服务', description: '代登记：楼道灯坏了', address: '2栋', contactPhone: '13800002222', requesterName: '王阿姨', channel: 'phone',
    }, a.secretary));
    const revealed = await ok(call(privacy, 'reveal', { subject: { demandId: need.id }, field: 'phone' }, a.secretary));
    expect(revealed).toEqual({ value: '13800002222', logged: true });
    const [row] = await db.query<Record<string, unknown>>('select * from access_log where demand_id = $1', [need.id]);
    expect(row).toMatchObject({ viewer_id: a.secretary.id, subject_user_id: null, field: 'phone', purpose: '联系需求人' });
    const log = await ok(call(privacy, 'accessLog', {}, a.secretary));
    expect(log.items[0]).toMatchObject({ viewerName: a.secretary.name, subjectName: '王阿姨', subjectPhoneMasked: '138****2222', fieldLabel: '手机号码', purpose: '联系需求人' });
  });

  it('should write nothing for a refused reveal, an ID number not held, or a subject that does not exist', async () => {
    const before = await logRows();
    expect((await failed(call(privacy, 'reveal', { subject: { memberId: a.members[0].id }, field: 'phone' }, b.secretary))).code).toBe('PRIVACY_FORBIDDEN');
    expect((await failed(call(privacy, 'reveal', { subject: { memberId: a.members[0].id }, field: 'id_number' }, a.secretary))).code).toBe('PRIVACY_NOT_HELD');
    expect((await failed(call(privacy, 'reveal', { subject: { memberId: a.members[1].id }, field: 'address' }, a.secretary))).code).toBe('PRIVACY_NOT_HELD');
    expect((await failed(call(privacy, 'reveal', { subject: { memberId: a.secretary.id }, field: 'phone' }, a.secretary))).code).toBe('PRIVACY_SUBJECT_NOT_FOUND');
    const twoSubjects = await failed(call(privacy, 'reveal', { subject: { memberId: a.members[0].id, residentId: a.residents[0].id }, field: 'phone' }, a.secretary));
    expect(twoSubjects).toMatchObject({ code: 'VALIDATION_FAILED', fields: { subject: '查看对象须为党员、居民或需求中的一个' } });
    expect(await logRows()).toBe(before);
  });

  it("should list the community's reads newest first, with the subject's name and masked phone, to its secretary and district admin only", async () => {
    const member = a.members[0];
    await ok(call(privacy, 'reveal', { subject: { memberId: member.id }, field: 'phone', purpose: '通知参加活动' }, a.secretary));
    const log = await ok(call(privacy, 'accessLog', { page: { limit: 2, offset: 0 } }, a.secretary));
    expect(log.total).toBe(3);
    expect(log.items).toHaveLength(2);
    expect(log.items[0]).toMatchObject({ viewerName: a.secretary.name, subjectName: member.name, subjectPhoneMasked: maskPhone(member.phone), field: 'phone', fieldLabel: '手机号码', purpose: '通知参加活动' });
    expect(JSON.stringify(log)).not.toContain(member.phone);
    const admin = await createDistrictAdmin(db, a.districtId);
    expect((await ok(call(privacy, 'accessLog', { communityId: a.communityId }, admin))).total).toBe(3);
    expect((await ok(call(privacy, 'accessLog', {}, b.secretary))).total).toBe(0);
    expect((await failed(call(privacy, 'accessLog', { communityId: a.communityId }, b.secretary))).code).toBe('FORBIDDEN');
    expect((await failed(call(privacy, 'accessLog', {}, member))).code).toBe('FORBIDDEN');
  });

  it('should show the member, in 我的数据, who read what of theirs and why', async () => {
    const member = a.members[0];
    const data = await ok(call(privacy, 'myData', {}, member));
    const reads = data.sections.find((section: { key: string }) => section.key === 'accessLog');
    expect(reads.title).toBe('谁查看过我的信息');
    expect(reads.entries.map((entry: { title: string; lines: { label: string; value: string }[] }) => [entry.title, entry.lines.find((l) => l.label === '原因')?.value])).toEqual([
      [`${a.secretary.name} 查看了手机号码`, '通知参加活动'],
      [`${a.secretary.name} 查看了住址`, '上门送慰问品'],
    ]);
  });

  it('should give the same as a UTF-8 JSON file with Chinese keys', async () => {
    const member = a.members[0];
    const file = await ok(call(privacy, 'exportMyData', {}, member));
    expect(file).toMatchObject({ mimeType: 'application/json', fileName: expect.stringMatching(/^我的个人信息-\d{4}-\d{2}-\d{2}\.json$/) });
    const content = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'));
    expect(content.账户).toMatchObject({ 姓名: member.name, 手机号码: member.phone });
    expect(content.登记表个人资料.家庭住址).toBe('锦绣家园8栋302室');
    expect(content.谁查看过我的信息.明细).toHaveLength(2);
  });
});
