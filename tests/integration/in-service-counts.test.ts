import ExcelJS from 'exceljs';
import { main as org } from '../../cloudfunctions/org/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, sessionTokenFor, type TestCommunity, type TestUser } from '../support/fixtures';
import { addMember, addProfile, addRegistration, issueSlip, leave } from '../support/reports-fixtures';
import { newPhone } from '../support/registration-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 10:00 Shanghai.
const NOW = new Date('2026-11-23T02:00:00Z');

const figureOnForm = async (file: { base64: string }, label: string) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('统计表')!;
  for (let row = 1; row <= sheet.rowCount; row += 1) if (sheet.getRow(row).getCell(1).value === label) return sheet.getRow(row).getCell(2).value;
  throw new Error(`no row ${label}`);
};

describe('在职党员 counted one way, a slip late only after its deadline, and the 登记表 searched', () => {
  let db: Database;
  let a: TestCommunity;
  let districtAdmin: TestUser;
  let unitAdmin: TestUser;
  const clock = useWallClock(NOW);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'IC', { members: 0, residents: 0 });
    districtAdmin = await createDistrictAdmin(db, a.districtId);
    unitAdmin = await createUnitAdmin(db, a.unitId);
    const ofUnit = (memberType: 'in_service' | 'probationary' | 'activist' | 'community', unitId: string | null = a.unitId) => ({
      communityId: a.communityId, gridId: a.gridIds[0], unitId, memberType, createdAt: new Date('2026-03-01T02:00:00Z'),
    });
    // The unit's page used to count every member with the unit (the activist too) and no slip holder;
    // the statistics counted in-service members and slip holders, and left the 预备党员 out.
    await addMember(db, '张在职', ofUnit('in_service'));
    await addMember(db, '李预备', ofUnit('probationary'));
    await addMember(db, '王积极', ofUnit('activist'));
    await addMember(db, '陈社区', ofUnit('community', null));
    const gone = await addMember(db, '赵离开', ofUnit('in_service'));
    await leave(db, gone.id, new Date('2026-10-01T02:00:00Z'));
    const reported = await addMember(db, '周凭单', ofUnit('in_service'));
    const used = await issueSlip(db, { unitId: a.unitId, communityId: a.communityId, name: '周凭单', phone: reported.phone, issuedBy: unitAdmin.id, issuedAt: new Date('2026-02-20T02:00:00Z') });
    await addRegistration(db, { userId: reported.id, communityId: a.communityId, slipId: used, status: 'confirmed', submittedAt: new Date('2026-02-25T02:00:00Z'), decidedAt: new Date('2026-03-01T02:00:00Z'), decidedBy: a.secretary.id });
    // Issued in October with 30 days to report: late now.
    await issueSlip(db, { unitId: a.unitId, communityId: a.communityId, name: '吴逾期', phone: newPhone(), issuedBy: unitAdmin.id, issuedAt: new Date('2026-10-10T02:00:00Z') });
    await issueSlip(db, { unitId: a.unitId, communityId: a.communityId, name: '郑作废', phone: newPhone(), issuedBy: unitAdmin.id, issuedAt: new Date('2026-10-10T02:00:00Z'), cancelledAt: new Date('2026-10-12T02:00:00Z') });
  });
  beforeEach(() => clock.set(NOW));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const unitOnDistrictPage = async () => (await ok(call(org, 'tree', {}, districtAdmin))).units.find((unit: { id: string }) => unit.id === a.unitId);
  const statistics = () => ok(call(reports, 'unitStatistics', {}, unitAdmin));
  /** Moves the clock on weeks, with a fresh session for the unit admin. */
  const moveTo = async (at: Date) => {
    clock.set(at);
    unitAdmin.token = await sessionTokenFor(db, unitAdmin.id, at);
  };

  it('should give the district’s unit page and the unit’s statistics the same 在职党员 and 报到 counts', async () => {
    const onDistrictPage = await unitOnDistrictPage();
    const onUnitPage = await statistics();
    // 张在职, 李预备 and 周凭单 reported; 吴逾期 holds a slip: the activist, the community member, who left and the cancelled slip are not in-service.
    expect(onUnitPage.figures).toMatchObject({ inService: 4, reported: 3 });
    expect({ inService: onDistrictPage.inService, reported: onDistrictPage.reported }).toEqual({ inService: onUnitPage.figures.inService, reported: onUnitPage.figures.reported });
    expect(onUnitPage.details.map((row: { name: string }) => row.name).sort()).toEqual(['吴逾期', '周凭单', '张在职', '李预备'].sort());
  });

  it('should keep the two counts equal when the unit issues a slip', async () => {
    await ok(call(registration, 'issueSlip', { memberName: '孙新来', memberPhone: newPhone(), partyStanding: '预备', communityId: a.communityId, reportBy: '2026-12-20' }, unitAdmin));
    const afterIssue = await statistics();
    expect(afterIssue.figures).toMatchObject({ inService: 5, reported: 3 });
    expect(await unitOnDistrictPage()).toMatchObject({ inService: 5, reported: 3 });
  });

  describe('the 报到截止日期', () => {
    let slipCode = '';

    it('should count a slip issued today as 待报到 within its deadline, not as 未报到·未填写原因', async () => {
      const issued = await ok(call(registration, 'issueSlip', { memberName: '冯今天', memberPhone: newPhone(), partyStanding: '正式', communityId: a.communityId, reportBy: '2026-12-31' }, unitAdmin));
      slipCode = issued.code;
      const today = await statistics();
      const detail = today.details.find((row: { name: string }) => row.name === '冯今天');
      expect(detail).toMatchObject({ status: 'awaiting', statusLabel: '待报到', date: '2026-12-31', reason: '' });
      expect(today.reasons).toEqual([{ reason: '未填写原因', count: 1 }]); // 吴逾期 only
      expect(today.figures.notReported).toBe(1);
      expect(today.figures.awaiting).toBe(2); // 冯今天 and 孙新来
      expect(today.figures.inService).toBe(today.figures.reported + today.figures.notReported + today.figures.awaiting);
      const form = await ok(call(reports, 'exportUnitStatistics', {}, unitAdmin));
      expect(await figureOnForm(form, '未到社区报到的党员数')).toBe(1);
      expect(await figureOnForm(form, '尚在报到期限内的党员数')).toBe(2);
    });

    it('should still count it as in time on the deadline day, and as 未报到 the day after', async () => {
      await moveTo(new Date('2026-12-31T15:00:00Z')); // 23:00 Shanghai on the 31st
      expect((await statistics()).details.find((row: { name: string }) => row.name === '冯今天')).toMatchObject({ status: 'awaiting' });
      await moveTo(new Date('2026-12-31T16:30:00Z')); // 00:30 Shanghai on 1 January
      const late = await statistics();
      expect(late.details.find((row: { name: string }) => row.name === '冯今天')).toMatchObject({ status: 'not_reported', statusLabel: '未报到', reason: '未填写原因' });
      expect(late.figures.awaiting).toBe(0);
      const slips = await ok(call(registration, 'listSlips', {}, unitAdmin));
      expect(slips.items.find((slip: { code: string }) => slip.code === slipCode)).toMatchObject({ result: 'awaiting', overdue: true });
    });
  });

  describe('the 登记表 search', () => {
    let members: Record<string, TestUser>;

    beforeAll(async () => {
      const b = await buildCommunity(db, 'IS', { members: 0, residents: 0, districtId: a.districtId });
      const at = (memberType: 'in_service' | 'community', unitId: string | null) => ({ communityId: b.communityId, gridId: b.gridIds[0], unitId, memberType, createdAt: new Date('2026-04-01T02:00:00Z') });
      members = {
        liu: await addMember(db, '刘秀兰', at('community', null)),
        liu2: await addMember(db, '刘建国', at('in_service', b.unitId)),
        he: await addMember(db, '何平', at('in_service', b.unitId)),
      };
      await addProfile(db, members.he.id, { gender: '男', birthMonth: '1980-01', joinedPartyMonth: '2005-07', education: '本科', homeAddress: '测试小区2栋', workUnit: '区人民医院', willingOtherServices: true });
      members.secretary = b.secretary;
    });

    const search = async (query: string, memberType = 'all') =>
      (await ok(call(reports, 'communityRegister', { memberType, query }, members.secretary))) as { total: number; items: { name: string }[] };

    it('should narrow the register by part of a name', async () => {
      const found = await search('刘');
      expect(found.items.map((row) => row.name)).toEqual(['刘秀兰', '刘建国']);
      expect(found.total).toBe(2);
      expect((await search('刘', 'in_service')).items.map((row) => row.name)).toEqual(['刘建国']);
    });

    it('should find a member by the last digits of the phone, not by digits in the middle', async () => {
      const tail = members.he.phone.slice(-4);
      expect((await search(tail)).items.map((row) => row.name)).toEqual(['何平']);
      expect((await search(members.he.phone.slice(2, 6))).items.map((row) => row.name)).not.toContain('何平');
    });

    it('should find a member by the unit, as recorded or as written on the form', async () => {
      expect((await search('测试单位IS')).items.map((row) => row.name)).toEqual(['刘建国', '何平']);
      expect((await search('人民医院')).items.map((row) => row.name)).toEqual(['何平']);
    });

    it('should list everyone for an empty query and nobody for one that finds nothing', async () => {
      expect((await search('  ')).total).toBe(3);
      expect(await search('没有这个人')).toMatchObject({ total: 0, items: [] });
    });

    it('should refuse a query too long, naming the field', async () => {
      const error = await failed(call(reports, 'communityRegister', { query: '查'.repeat(31) }, members.secretary));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { query: '搜索内容不能超过30个字' } });
    });
  });
});
