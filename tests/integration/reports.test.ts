import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { main as reports } from '../../cloudfunctions/reports/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { REGISTER_COLUMNS, REGISTER_NOTE } from '../../cloudfunctions/_core/reports/register-workbook';
import { DETAIL_HEADINGS, STATISTICS_NOTE } from '../../cloudfunctions/_core/reports/statistics-workbook';
import { maskAddress, maskPhone } from '../../cloudfunctions/_core/shared/masking';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { valueOf } from '../support/db-state';
import { buildTwoDistricts, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { addMember, addProfile, addRegistration, createPerson, issueSlip, leave, setMemberDetails, transferMember } from '../support/reports-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 10:00 Shanghai.
const NOW = new Date('2026-11-23T02:00:00Z');
const A1_ADDRESS = '幸福小区3栋502室';

const readWorkbook = async (file: { base64: string }) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
};
const rowValues = (sheet: ExcelJS.Worksheet, row: number, columns: number) =>
  Array.from({ length: columns }, (_, i) => sheet.getRow(row).getCell(i + 1).value ?? '');
const accessLogCount = (db: Database) => valueOf<number>(db, 'select count(*)::int from access_log');

describe('reports: 在职党员社区报到登记表 (附件4) and 报到情况统计表 (附件3)', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  let unitAdmin: TestUser;
  let otherUnitAdmin: TestUser;
  /** a1 full profile; a2 no profile; a3 transferred to B; a4 left; a5 社区党员; a6 积极分子. */
  let m: Record<'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'a6', TestUser>;
  const clock = useWallClock(NOW);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    ({ a, b, districtAdmin, otherDistrictAdmin, unitAdmin } = await buildTwoDistricts(db, ['RA', 'RB', 'RX'], {
      a: { members: 0, residents: 0 },
      b: { members: 1, residents: 0 },
      other: { members: 0, residents: 0 },
    }));
    otherUnitAdmin = await createUnitAdmin(db, b.unitId);
    await setMemberDetails(db, b.members[0].id, { createdAt: new Date('2026-01-05T02:00:00Z') });

    const inService = (gridIndex: number, createdAt: string) => ({
      communityId: a.communityId, gridId: a.gridIds[gridIndex], unitId: a.unitId, memberType: 'in_service' as const, createdAt: new Date(createdAt),
    });
    m = {
      a1: await addMember(db, '张红', { ...inService(0, '2026-02-20T02:00:00Z'), posts: ['政策法规宣传岗', '困难群众帮扶岗'], skills: ['法律', '书法'] }),
      a2: await addMember(db, '李明', inService(1, '2026-04-10T02:00:00Z')),
      a3: await addMember(db, '王强', inService(0, '2026-01-10T02:00:00Z')),
      a4: await addMember(db, '赵离', inService(1, '2026-01-11T02:00:00Z')),
      a5: await addMember(db, '陈社', { communityId: a.communityId, gridId: a.gridIds[1], unitId: null, memberType: 'community', createdAt: new Date('2026-05-01T02:00:00Z') }),
      a6: await addMember(db, '周积', { communityId: a.communityId, gridId: a.gridIds[0], unitId: null, memberType: 'activist', createdAt: new Date('2026-06-01T02:00:00Z') }),
    };
    await addProfile(db, m.a1.id, {
      gender: '女', birthMonth: '1985-06', joinedPartyMonth: '2008-07', education: '本科', workUnit: '区司法局', jobTitle: '科员',
      unitPhone: '0750-5511941', homeAddress: A1_ADDRESS, hobbies: '书法',
      serviceIntentions: [{ category: '社区服务', subItems: ['结对帮扶', '义务家教'] }, { category: '法律援助', subItems: [] }], willingOtherServices: true,
    });
    await addProfile(db, m.a5.id, { gender: '男', birthMonth: '1960-01', joinedPartyMonth: '1990-07', education: '高中（中专）', homeAddress: '幸福小区1栋101室', willingOtherServices: false });

    // a1 reported with a slip, confirmed at 01:00 Shanghai on 2 March (still 1 March in UTC).
    const a1Slip = await issueSlip(db, { unitId: a.unitId, communityId: a.communityId, name: '张红', phone: m.a1.phone, issuedBy: unitAdmin.id, issuedAt: new Date('2026-02-15T02:00:00Z') });
    await addRegistration(db, {
      userId: m.a1.id, communityId: a.communityId, gridId: a.gridIds[0], slipId: a1Slip, status: 'confirmed',
      submittedAt: new Date('2026-02-28T02:00:00Z'), decidedAt: new Date('2026-03-01T17:00:00Z'), decidedBy: a.secretary.id,
    });
    await transferMember(db, m.a3.id, { communityId: b.communityId, gridId: b.gridIds[1], secretaryId: b.secretary.id, at: new Date('2026-09-01T02:00:00Z') });
    await leave(db, m.a4.id, new Date('2026-10-01T02:00:00Z'));

    // Slips of unit A whose holders are not members yet.
    const slip = (name: string, phone: string, extra: { notReportedReason?: string; cancelledAt?: Date } = {}) =>
      issueSlip(db, { unitId: a.unitId, communityId: a.communityId, name, phone, issuedBy: unitAdmin.id, issuedAt: new Date('2026-10-10T02:00:00Z'), ...extra });
    const waiting = await createPerson(db, '孙待');
    await addRegistration(db, { userId: waiting.id, communityId: a.communityId, slipId: await slip('孙待', waiting.phone), status: 'pending', submittedAt: new Date('2026-11-20T02:00:00Z') });
    const sentBack = await createPerson(db, '吴退');
    await addRegistration(db, {
      userId: sentBack.id, communityId: a.communityId, slipId: await slip('吴退', sentBack.phone), status: 'returned', returnReason: '住址不在本社区',
      submittedAt: new Date('2026-11-02T02:00:00Z'), decidedAt: new Date('2026-11-03T02:00:00Z'), decidedBy: a.secretary.id,
    });
    await slip('郑忙', '13900000001', { notReportedReason: '工作繁忙' });
    await slip('冯忙', '13900000002', { notReportedReason: '工作繁忙' });
    await slip('褚空', '13900000003');
    await slip('卫撤', '13900000004', { notReportedReason: '调离本单位', cancelledAt: new Date('2026-10-20T02:00:00Z') });
  });
  beforeEach(() => clock.set(NOW));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  describe('communityRegister', () => {
    it('should list the in-service members of the community by default, with the header from the tree and every column of 附件4', async () => {
      const register = await ok(call(reports, 'communityRegister', {}, a.secretary));
      expect(register.header).toEqual({ district: '测试区RA', street: '测试街道RA', community: '测试社区RA' });
      expect(register.total).toBe(2);
      expect(register.countsByType).toEqual({ in_service: 2, community: 1, activist: 1 });
      expect(register.items).toEqual([
        {
          seq: 1, memberId: m.a1.id, volunteerNo: expect.stringMatching(/^DY\d+$/), memberType: 'in_service', name: '张红', gender: '女',
          birthMonth: '1985.06', joinedPartyMonth: '2008.07', education: '本科', skills: '法律、书法', hobbies: '书法', workUnitAndTitle: '区司法局 科员',
          unitKind: '机关', address: maskAddress(A1_ADDRESS), unitPhone: '0750-5511941', phone: maskPhone(m.a1.phone),
          serviceProjects: '政策法规宣传岗、困难群众帮扶岗；社区服务（结对帮扶、义务家教）、法律援助', serviceGroup: '', gridName: '第1网格',
          reportedOn: '2026-03-02', willingOtherServices: '是',
        },
        {
          seq: 2, memberId: m.a2.id, volunteerNo: expect.stringMatching(/^DY\d+$/), memberType: 'in_service', name: '李明', gender: '', birthMonth: '',
          joinedPartyMonth: '', education: '', skills: '', hobbies: '', workUnitAndTitle: '测试单位RA', unitKind: '机关', address: '', unitPhone: '',
          phone: maskPhone(m.a2.phone), serviceProjects: '', serviceGroup: '', gridName: '第2网格', reportedOn: '2026-04-10', willingOtherServices: '',
        },
      ]);
      expect(JSON.stringify(register)).not.toContain(m.a1.phone);
      expect(JSON.stringify(register)).not.toContain(A1_ADDRESS);
    });

    it('should list every type with memberType all, leave out who left and who transferred out, and page', async () => {
      const all = await ok(call(reports, 'communityRegister', { memberType: 'all' }, a.secretary));
      expect(all.items.map((row: { name: string }) => row.name)).toEqual(['张红', '李明', '陈社', '周积']);
      expect(all.items.find((row: { name: string }) => row.name === '陈社')).toMatchObject({ memberType: 'community', unitKind: '', workUnitAndTitle: '', willingOtherServices: '否', address: maskAddress('幸福小区1栋101室') });
      const activists = await ok(call(reports, 'communityRegister', { memberType: 'activist' }, a.secretary));
      expect(activists.items.map((row: { name: string }) => row.name)).toEqual(['周积']);
      const second = await ok(call(reports, 'communityRegister', { memberType: 'all', page: { limit: 1, offset: 1 } }, a.secretary));
      expect(second).toMatchObject({ total: 4, items: [{ seq: 2, name: '李明' }] });
    });

    it('should list a transferred member at the new community, dated by the confirmed transfer', async () => {
      const register = await ok(call(reports, 'communityRegister', {}, b.secretary));
      expect(register.items.map((row: { name: string; reportedOn: string; gridName: string }) => [row.name, row.reportedOn, row.gridName])).toEqual([
        [b.members[0].name, '2026-01-05', '第1网格'],
        ['王强', '2026-09-01', '第2网格'],
      ]);
    });

    it('should let the district admin open a community of the district, and refuse everyone else', async () => {
      expect((await ok(call(reports, 'communityRegister', { communityId: a.communityId }, districtAdmin))).total).toBe(2);
      for (const [who, data] of [
        [b.secretary, { communityId: a.communityId }], [m.a1, {}], [m.a1, { communityId: a.communityId }], [unitAdmin, { communityId: a.communityId }],
        [otherDistrictAdmin, { communityId: a.communityId }], [districtAdmin, {}],
      ] as const) {
        expect((await failed(call(reports, 'communityRegister', data, who))).code).toBe('FORBIDDEN');
      }
      expect((await failed(call(reports, 'communityRegister', {}))).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('exportCommunityRegister', () => {
    it('should lay the workbook out like 附件4, masked, with the member’s 服务队 as 志愿服务小组, and log nothing', async () => {
      const teamId = randomUUID();
      await db.query(`insert into teams (id, community_id, kind, name, created_by, created_at) values ($1, $2, 'service_team', '助老服务队', $3, now())`, [teamId, a.communityId, a.secretary.id]);
      await db.query('insert into team_members (team_id, member_id, joined_at) values ($1, $2, now())', [teamId, m.a2.id]);
      const before = await accessLogCount(db);
      const file = await ok(call(reports, 'exportCommunityRegister', {}, a.secretary));
      expect(file).toMatchObject({ fileName: '在职党员社区报到登记表-测试社区RA-2026-11-23.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const sheet = (await readWorkbook(file)).getWorksheet('登记表')!;
      expect(sheet.getCell('A1').value).toBe('在职党员社区报到登记表');
      expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:Q1', 'A2:Q2', 'A6:Q6', 'A7:Q7']));
      const headerLine = (sheet.getCell('A2').value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
      expect(headerLine.replace(/\s+/g, '')).toBe('测试区RA县（市、区）测试街道RA街道（乡镇）测试社区RA社区党组织');
      expect(rowValues(sheet, 3, 17)).toEqual(REGISTER_COLUMNS.map(([heading]) => heading));
      expect(rowValues(sheet, 4, 17)).toEqual([
        1, '张红', '女', '1985.06', '2008.07', '本科', '法律、书法', '书法', '区司法局 科员', '机关', maskAddress(A1_ADDRESS), '0750-5511941',
        maskPhone(m.a1.phone), '政策法规宣传岗、困难群众帮扶岗；社区服务（结对帮扶、义务家教）、法律援助', '', '2026-03-02', '是',
      ]);
      expect(rowValues(sheet, 5, 17)).toEqual([2, '李明', '', '', '', '', '', '', '测试单位RA', '机关', '', '', maskPhone(m.a2.phone), '', '助老服务队', '2026-04-10', '']);
      expect(sheet.getCell('A6').value).toBe(REGISTER_NOTE);
      expect(sheet.getCell('A7').value).toBe('填报日期：2026年11月23日');
      expect(sheet.rowCount).toBe(7);
      for (const cell of ['A3', 'Q3', 'A4', 'Q5']) expect(sheet.getCell(cell).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
      expect(sheet.getCell('J3').alignment).toMatchObject({ wrapText: true });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(await accessLogCount(db)).toBe(before);
    });

    it('should give the secretary full phones and addresses, writing one access-log row per member per field', async () => {
      const before = await accessLogCount(db);
      const file = await ok(call(reports, 'exportCommunityRegister', { includeContacts: true }, a.secretary));
      const sheet = (await readWorkbook(file)).getWorksheet('登记表')!;
      expect([sheet.getCell('K4').value, sheet.getCell('M4').value, sheet.getCell('K5').value, sheet.getCell('M5').value]).toEqual([A1_ADDRESS, m.a1.phone, '', m.a2.phone]);
      const rows = await db.query<{ subject_user_id: string; field: string; viewer_id: string; community_id: string; purpose: string; at: Date }>(
        'select subject_user_id, field, viewer_id, community_id, purpose, at from access_log order by field, subject_user_id',
      );
      expect(rows).toHaveLength(before! + 3);
      const logged = rows.map((row) => [row.subject_user_id, row.field]);
      expect(logged).toEqual(expect.arrayContaining([[m.a1.id, 'phone'], [m.a1.id, 'address'], [m.a2.id, 'phone']]));
      for (const row of rows) expect(row).toMatchObject({ viewer_id: a.secretary.id, community_id: a.communityId, purpose: '导出党员登记表', at: NOW });
    });

    it('should export every type under its own title', async () => {
      const file = await ok(call(reports, 'exportCommunityRegister', { memberType: 'all' }, a.secretary));
      const sheet = (await readWorkbook(file)).getWorksheet('登记表')!;
      expect(sheet.getCell('A1').value).toBe('党员社区报到登记表（全部党员）');
      expect([4, 5, 6, 7].map((row) => sheet.getRow(row).getCell(2).value)).toEqual(['张红', '李明', '陈社', '周积']);
    });

    it('should refuse full contacts to a district admin, writing nothing, and scope the export like the register', async () => {
      const before = await accessLogCount(db);
      const refused = await failed(call(reports, 'exportCommunityRegister', { communityId: a.communityId, includeContacts: true }, districtAdmin));
      expect(refused).toMatchObject({ code: 'REPORT_CONTACTS_SECRETARY_ONLY', message: '只有本社区党组织书记或管理员可以导出完整电话和住址' });
      expect((await failed(call(reports, 'exportCommunityRegister', { communityId: a.communityId, includeContacts: true }, b.secretary))).code).toBe('FORBIDDEN');
      expect((await failed(call(reports, 'exportCommunityRegister', {}, m.a1))).code).toBe('FORBIDDEN');
      expect(await accessLogCount(db)).toBe(before);
      const masked = await readWorkbook(await ok(call(reports, 'exportCommunityRegister', { communityId: a.communityId }, districtAdmin)));
      expect(masked.getWorksheet('登记表')!.getCell('M4').value).toBe(maskPhone(m.a1.phone));
    });
  });

  describe('unitStatistics', () => {
    const expectedReasons = [
      { reason: '工作繁忙', count: 2 },
      { reason: '被社区退回：住址不在本社区', count: 1 },
      { reason: '待社区确认', count: 1 },
      { reason: '未填写原因', count: 1 },
    ];

    it('should count in-service members, the reported, their communities and the not reported with grouped reasons', async () => {
      const statistics = await ok(call(reports, 'unitStatistics', {}, unitAdmin));
      expect(statistics.unit).toEqual({ id: a.unitId, name: '测试单位RA', kind: '机关' });
      expect(statistics.figures).toEqual({ inService: 8, reported: 3, communities: 2, notReported: 5, awaiting: 0 });
      expect(statistics.reasons).toEqual(expectedReasons.sort((x, y) => y.count - x.count || x.reason.localeCompare(y.reason, 'zh')));
      const detail = (name: string) => statistics.details.find((row: { name: string }) => row.name === name);
      expect(statistics.details.map((row: { name: string }) => row.name).sort()).toEqual(['冯忙', '吴退', '孙待', '张红', '李明', '王强', '褚空', '郑忙'].sort());
      expect(detail('张红')).toEqual({ name: '张红', phone: maskPhone(m.a1.phone), community: '测试社区RA', status: 'reported', statusLabel: '已报到', date: '2026-03-02', reason: '' });
      expect(detail('王强')).toMatchObject({ community: '测试社区RB', status: 'reported', date: '2026-09-01' });
      expect(detail('孙待')).toMatchObject({ status: 'pending', statusLabel: '待社区确认', date: '2026-11-20', reason: '待社区确认' });
      expect(detail('吴退')).toMatchObject({ status: 'returned', statusLabel: '被退回', date: '2026-11-03', reason: '被社区退回：住址不在本社区' });
      expect(detail('郑忙')).toEqual({ name: '郑忙', phone: '139****0001', community: '测试社区RA', status: 'not_reported', statusLabel: '未报到', date: '2026-10-10', reason: '工作繁忙' });
      expect(detail('褚空')).toMatchObject({ status: 'not_reported', reason: '未填写原因' });
      expect(detail('卫撤')).toBeUndefined();
      expect(detail('赵离')).toBeUndefined();
    });

    it('should let the district admin see a unit of the district, and refuse everyone else', async () => {
      expect((await ok(call(reports, 'unitStatistics', { unitId: a.unitId }, districtAdmin))).figures.inService).toBe(8);
      expect((await ok(call(reports, 'unitStatistics', {}, otherUnitAdmin))).figures).toEqual({ inService: 1, reported: 1, communities: 1, notReported: 0, awaiting: 0 });
      for (const [who, data] of [
        [otherUnitAdmin, { unitId: a.unitId }], [m.a1, {}], [m.a1, { unitId: a.unitId }], [a.secretary, { unitId: a.unitId }],
        [otherDistrictAdmin, { unitId: a.unitId }], [districtAdmin, {}],
      ] as const) {
        expect((await failed(call(reports, 'unitStatistics', data, who))).code).toBe('FORBIDDEN');
        expect((await failed(call(reports, 'exportUnitStatistics', data, who))).code).toBe('FORBIDDEN');
      }
    });

    it('should export the 附件3 form and a 明细 sheet, read back cell by cell', async () => {
      const file = await ok(call(reports, 'exportUnitStatistics', {}, unitAdmin));
      expect(file.fileName).toBe('在职党员社区报到情况统计表-测试单位RA-2026-11-23.xlsx');
      const workbook = await readWorkbook(file);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['统计表', '明细']);
      const form = workbook.getWorksheet('统计表')!;
      expect(form.getCell('A1').value).toBe('在职党员社区报到情况统计表');
      expect(form.getCell('A2').value).toBe('填报日期：2026年11月23日');
      expect([3, 4, 5, 6, 7, 8, 9].map((row) => rowValues(form, row, 2))).toEqual([
        ['单位名称', '测试单位RA'],
        ['在职党员总数', 8],
        ['报到党员总数', 3],
        ['报到涉及社区数', 2],
        ['未到社区报到的党员数', 5],
        ['尚在报到期限内的党员数', 0],
        ['未报到的主要原因', '工作繁忙（2人）\n被社区退回：住址不在本社区（1人）\n待社区确认（1人）\n未填写原因（1人）'],
      ]);
      expect(form.getCell('A10').value).toBe(STATISTICS_NOTE);
      expect(form.model.merges).toEqual(expect.arrayContaining(['A1:B1', 'A2:B2', 'A10:B10']));
      expect(form.getCell('B9').border).toMatchObject({ top: { style: 'thin' }, right: { style: 'thin' } });
      expect(form.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
      const details = workbook.getWorksheet('明细')!;
      expect(rowValues(details, 2, 7)).toEqual(DETAIL_HEADINGS);
      expect(details.rowCount).toBe(2 + 8);
      const lines = Array.from({ length: 8 }, (_, i) => rowValues(details, 3 + i, 7));
      expect(lines.map((line) => line[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(lines).toEqual(expect.arrayContaining([
        [expect.any(Number), '郑忙', '139****0001', '测试社区RA', '未报到', '2026-10-10', '工作繁忙'],
        [expect.any(Number), '张红', maskPhone(m.a1.phone), '测试社区RA', '已报到', '2026-03-02', ''],
      ]));
      expect(JSON.stringify(lines)).not.toContain(m.a1.phone);
    });
  });
});
