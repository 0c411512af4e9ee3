import { randomUUID } from 'node:crypto';
import { main as auth } from '../../cloudfunctions/auth/index';
import { main as org } from '../../cloudfunctions/org/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { countRegistrationRows, newPhone } from '../support/registration-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 09:00 Shanghai.
const START = new Date('2026-11-23T01:00:00Z');

type Slip = { id: string; memberName: string; unitName: string; communityId: string };

describe('a unit admin who administers several units', () => {
  let db: Database;
  /** Units A and B are the admin's (A from the start, B appointed later); C is another admin's, in the same district. */
  let a: TestCommunity;
  let b: TestCommunity;
  let c: TestCommunity;
  let admin: TestUser;
  let otherAdmin: TestUser;
  let districtAdmin: TestUser;
  let slipOfC: Slip;
  const clock = useWallClock(START);

  const issue = (community: TestCommunity, name: string, extra: Record<string, unknown> = {}, who = admin) =>
    call(registration, 'issueSlip', {
      memberName: name, memberPhone: newPhone(), partyStanding: '正式', communityId: community.communityId, reportBy: '2026-12-31', ...extra,
    }, who);
  const slipsOf = async (data: Record<string, unknown>, who = admin) =>
    (await ok(call(registration, 'listSlips', data, who))).items.map((slip: Slip) => slip.memberName).sort();

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'SA', { members: 2, residents: 0 });
    b = await buildCommunity(db, 'SB', { members: 1, residents: 0, districtId: a.districtId });
    c = await buildCommunity(db, 'SC', { members: 1, residents: 0, districtId: a.districtId });
    admin = await createUnitAdmin(db, a.unitId);
    otherAdmin = await createUnitAdmin(db, c.unitId);
    districtAdmin = await createDistrictAdmin(db, a.districtId);
    const appointed = await ok(call(org, 'appoint', { role: 'unit_admin', unitId: b.unitId, name: admin.name, phone: admin.phone }, districtAdmin));
    expect(appointed).toMatchObject({ userId: admin.id, newAccount: false });
    slipOfC = await ok(issue(c, '丙单位党员', {}, otherAdmin));
  });
  beforeEach(() => clock.set(START));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('should hold both units in the session, each with its name', async () => {
    const profile = await ok(call(auth, 'me', {}, admin));
    expect(profile.roles.filter((grant: { role: string }) => grant.role === 'unit_admin')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitId: a.unitId, unitName: '测试单位SA' }),
        expect.objectContaining({ unitId: b.unitId, unitName: '测试单位SB' }),
      ]),
    );
  });

  it('should issue a slip for each unit it names and list each unit on its own', async () => {
    expect(await ok(issue(a, '甲单位党员', { unitId: a.unitId }))).toMatchObject({ unitName: '测试单位SA', communityId: a.communityId });
    expect(await ok(issue(b, '乙单位党员', { unitId: b.unitId }))).toMatchObject({ unitName: '测试单位SB', communityId: b.communityId });
    // A community of the district, not only the unit's paired one.
    expect(await ok(issue(a, '乙单位党员二', { unitId: b.unitId }))).toMatchObject({ unitName: '测试单位SB', communityId: a.communityId });

    expect(await slipsOf({ unitId: a.unitId })).toEqual(['甲单位党员']);
    expect(await slipsOf({ unitId: b.unitId })).toEqual(['乙单位党员', '乙单位党员二']);
    expect(await slipsOf({ unitId: c.unitId }, otherAdmin)).toEqual(['丙单位党员']);
  });

  it('should, without a unit named, use the first unit of the session for both issuing and listing', async () => {
    const profile = await ok(call(auth, 'me', {}, admin));
    const first = profile.roles.find((grant: { role: string }) => grant.role === 'unit_admin').unitId;
    const community = first === a.unitId ? a : b;
    const issued = await ok(issue(community, '默认单位党员'));
    expect(issued.unitName).toBe(first === a.unitId ? '测试单位SA' : '测试单位SB');
    expect(await slipsOf({})).toEqual(await slipsOf({ unitId: first }));
    expect(await slipsOf({})).toContain('默认单位党员');
    await ok(call(registration, 'cancelSlip', { slipId: issued.id }, admin));
  });

  it('should note a reason on, and cancel, a slip of the second unit without naming the unit', async () => {
    const listed = (await ok(call(registration, 'listSlips', { unitId: b.unitId }, admin))).items as Slip[];
    const noted = listed.find((slip) => slip.memberName === '乙单位党员')!;
    const unused = listed.find((slip) => slip.memberName === '乙单位党员二')!;

    expect(await ok(call(registration, 'noteNotReported', { slipId: noted.id, reason: '长期外地出差' }, admin)))
      .toMatchObject({ id: noted.id, notReportedReason: '长期外地出差' });
    expect(await ok(call(registration, 'cancelSlip', { slipId: unused.id }, admin))).toMatchObject({ id: unused.id, result: 'cancelled' });
  });

  it('should refuse a third unit: its slips do not exist for the admin, and it can neither list nor issue there', async () => {
    const before = await countRegistrationRows(db);
    for (const unitId of [c.unitId, randomUUID()]) {
      const listing = await failed(call(registration, 'listSlips', { unitId }, admin));
      expect(listing).toMatchObject({ code: 'FORBIDDEN', message: '没有权限执行此操作：无权查看或管理该单位的数据' });
      expect((await failed(issue(c, '越权党员', { unitId }))).code).toBe('FORBIDDEN');
    }
    expect((await failed(call(registration, 'noteNotReported', { slipId: slipOfC.id, reason: '不该写' }, admin))).code).toBe('REG_SLIP_NOT_FOUND');
    expect((await failed(call(registration, 'cancelSlip', { slipId: slipOfC.id }, admin))).code).toBe('REG_SLIP_NOT_FOUND');
    expect(await countRegistrationRows(db)).toEqual(before);
    const [slip] = await db.query('select not_reported_reason, cancelled_at from report_slips where id = $1', [slipOfC.id]);
    expect(slip).toEqual({ not_reported_reason: null, cancelled_at: null });

    // Nor does the third unit's admin reach the admin's units.
    expect((await failed(call(registration, 'listSlips', { unitId: b.unitId }, otherAdmin))).code).toBe('FORBIDDEN');
  });

  it('should refuse a unitId to someone who administers no unit', async () => {
    expect((await failed(call(registration, 'listSlips', { unitId: a.unitId }, a.secretary))).code).toBe('REG_NOT_UNIT_ADMIN');
    expect((await failed(call(registration, 'listSlips', { unitId: 'not-a-uuid' }, admin))).fields).toEqual({ unitId: expect.stringContaining('单位') });
  });

  it('should give the statistics of each unit it administers, and not of a third', async () => {
    // Past the slips' 报到截止日期: only then is a holder counted as 未报到.
    await db.query('update report_slips set report_by = $3 where unit_id = any($1::uuid[]) or unit_id = $2', [[a.unitId], b.unitId, '2026-11-20']);
    const ofA = await ok(call(reports, 'unitStatistics', { unitId: a.unitId }, admin));
    expect(ofA.unit).toMatchObject({ id: a.unitId, name: '测试单位SA' });
    expect(ofA.figures).toEqual({ inService: 3, reported: 2, communities: 1, notReported: 1, awaiting: 0 });
    expect(ofA.reasons).toEqual([{ reason: '未填写原因', count: 1 }]);

    const ofB = await ok(call(reports, 'unitStatistics', { unitId: b.unitId }, admin));
    expect(ofB.unit).toMatchObject({ id: b.unitId, name: '测试单位SB' });
    expect(ofB.figures).toEqual({ inService: 2, reported: 1, communities: 1, notReported: 1, awaiting: 0 });
    expect(ofB.reasons).toEqual([{ reason: '长期外地出差', count: 1 }]);

    const exported = await ok(call(reports, 'exportUnitStatistics', { unitId: b.unitId }, admin));
    expect(exported.fileName).toBe('在职党员社区报到情况统计表-测试单位SB-2026-11-23.xlsx');

    for (const action of ['unitStatistics', 'exportUnitStatistics']) {
      for (const unitId of [c.unitId, randomUUID()]) expect((await failed(call(reports, action, { unitId }, admin))).code).toBe('FORBIDDEN');
      expect((await failed(call(reports, action, { unitId: a.unitId }, otherAdmin))).code).toBe('FORBIDDEN');
    }
  });

  it('should keep the district admin reading any unit of the district', async () => {
    for (const unit of [a, b, c]) {
      expect((await ok(call(reports, 'unitStatistics', { unitId: unit.unitId }, districtAdmin))).unit.id).toBe(unit.unitId);
    }
  });

  it('should stop reaching a unit once the appointment there is revoked', async () => {
    const [grant] = await db.query<{ id: string }>(`select id from user_roles where user_id = $1 and unit_id = $2`, [admin.id, b.unitId]);
    await ok(call(org, 'revoke', { grantId: grant.id }, districtAdmin));
    // The revocation ends the sessions opened under it; logged in again, the admin holds the other units only.
    expect((await failed(call(reports, 'unitStatistics', { unitId: a.unitId }, admin))).code).toBe('SESSION_EXPIRED');
    admin.token = (await ok(call(auth, 'login', { phone: admin.phone, password: admin.password }))).token;
    expect((await failed(call(registration, 'listSlips', { unitId: b.unitId }, admin))).code).toBe('FORBIDDEN');
    expect((await failed(call(reports, 'unitStatistics', { unitId: b.unitId }, admin))).code).toBe('FORBIDDEN');
    expect(await slipsOf({})).toEqual(await slipsOf({ unitId: a.unitId }));
  });
});
