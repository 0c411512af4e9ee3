import ExcelJS from 'exceljs';
import { main as assessment } from '../../cloudfunctions/assessment/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, buildTwoDistricts, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { addActivity, addExemption, addService, setCommunityJoined, setMemberType } from '../support/assessment-fixtures';
import { addOrder, addRecord, addResidentEvaluation } from '../support/rate-fixtures';
import { issueSlip } from '../support/reports-fixtures';
import { newPhone } from '../support/registration-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// 15 August 2026 in Beijing: the third quarter is running, the fourth has not begun.
const NOW = new Date('2026-08-15T10:00:00+08:00');

type File = { fileName: string; mimeType: string; base64: string };

async function sheetsOf(file: File) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** The values of a sheet's rows from `from` on, each as its cells 1..n (rich text and formulas as their plain value). */
const rowsOf = (sheet: ExcelJS.Worksheet, from: number, to = sheet.rowCount) => {
  const rows: unknown[][] = [];
  for (let n = from; n <= to; n++) {
    const row = sheet.getRow(n);
    rows.push(Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).value));
  }
  return rows;
};

const textOf = (sheet: ExcelJS.Worksheet, n: number) => String(sheet.getRow(n).getCell(1).value);

describe('assessment.exportComplianceList: 考核达标情况 as xlsx, from the list the screens show', () => {
  let db: Database;
  let clock: ReturnType<typeof useWallClock>;
  let c: TestCommunity;
  let other: TestCommunity;
  let elsewhere: TestCommunity;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  let unitAdmin: TestUser;
  let otherUnitAdmin: TestUser;

  beforeAll(async () => {
    clock = useWallClock(NOW);
    db = await openSuiteDatabase();
    ({ a: c, b: other, other: elsewhere, districtAdmin, otherDistrictAdmin, unitAdmin } = await buildTwoDistricts(db, ['XL', 'XO', 'XE'], {
      a: { members: 5, residents: 0 },
      b: { members: 1, residents: 0 },
      other: { members: 1, residents: 0 },
    }));
    otherUnitAdmin = await createUnitAdmin(db, other.unitId);
    const m = c.members;
    for (const member of [...m, ...other.members, ...elsewhere.members]) await setCommunityJoined(db, member.id, '2025-01-01T00:00:00+08:00');
    const orderId = await addActivity(db, { communityId: c.communityId, startsAt: '2026-02-01T09:00:00+08:00', createdBy: c.secretary.id });
    const serve = (member: TestUser, serviceDate: string, minutes: number, status?: 'pending_approval') =>
      addService(db, { orderId, memberId: member.id, communityId: c.communityId, serviceDate, minutes, createdBy: c.secretary.id, status });
    // 党员XL1 (in service): 25 h in February, 1.5 h in August → 达标
    await serve(m[0], '2026-02-01', 25 * 60);
    await serve(m[0], '2026-08-01', 90);
    // 党员XL2 (in service): 10 h in March; 100 h awaiting approval do not count → 15 h behind, nothing this quarter
    await serve(m[1], '2026-03-01', 10 * 60);
    await serve(m[1], '2026-08-03', 100 * 60, 'pending_approval');
    // 党员XL3 (社区党员): 20 h in July → 5 h behind
    await setMemberType(db, m[2].id, 'community');
    await serve(m[2], '2026-07-10', 20 * 60);
    // 党员XL4 (in service): exempted for 2026
    await addExemption(db, { memberId: m[3].id, year: 2026, recordedBy: c.secretary.id });
    // 党员XL5 (activist without the date): no rule applies → 不考核
    await setMemberType(db, m[4].id, 'activist');
    // XO's in-service member belongs to XL's unit and served 3 h in May in XO
    await db.query('update members set unit_id = $2 where user_id = $1', [other.members[0].id, c.unitId]);
    const orderO = await addActivity(db, { communityId: other.communityId, startsAt: '2026-05-01T09:00:00+08:00', createdBy: other.secretary.id });
    await addService(db, { orderId: orderO, memberId: other.members[0].id, communityId: other.communityId, serviceDate: '2026-05-01', minutes: 180, createdBy: other.secretary.id });
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const exported = (data: object, user: TestUser) => ok<File>(call(assessment, 'exportComplianceList', data, user));

  it("should list the secretary's community most behind first with each quarter's hours, the rule set and the exemptions", async () => {
    const file = await exported({}, c.secretary);
    expect(file.fileName).toBe('党员考核达标情况-测试社区XL-2026.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = await sheetsOf(file);
    const sheet = workbook.getWorksheet('达标名单')!;
    expect(textOf(sheet, 1)).toBe('2026年度党员义工考核达标情况');
    expect(textOf(sheet, 2)).toBe('社区：测试社区XL');
    expect(textOf(sheet, 3)).toBe('考核办法：台山 2020（默认）');
    expect(textOf(sheet, 4)).toBe('共5人：达标1人，未达标2人，免除1人，不考核1人');
    expect(rowsOf(sheet, 6, 6)[0]).toEqual([
      '序号', '姓名', '志愿者编号', '党员类型', '网格', '第一季度（小时）', '第二季度（小时）', '第三季度（小时）', '第四季度（小时）',
      '全年时数（小时）', '考核情况', '未达标的规则及差距', '免除及原因',
    ]);
    const rows = rowsOf(sheet, 7, 11);
    expect(rows.map((row) => [row[0], row[1], row[3], row[4], ...row.slice(5, 11)])).toEqual([
      [1, '党员XL2', '在职党员', '第2网格', 10, 0, 0, 0, 10, '未达标'],
      [2, '党员XL3', '社区党员', '第1网格', 0, 0, 20, 0, 20, '未达标'],
      [3, '党员XL1', '在职党员', '第1网格', 25, 0, 1.5, 0, 26.5, '达标'],
      [4, '党员XL4', '在职党员', '第2网格', 0, 0, 0, 0, 0, '免除'],
      [5, '党员XL5', '入党积极分子', '第1网格', 0, 0, 0, 0, 0, '不考核'],
    ]);
    expect(rows[0][11]).toBe('每年志愿服务时数不少于25小时：还需服务15小时，12月31日前需完成');
    expect(rows[1][11]).toContain('还需服务5小时');
    expect(rows[2][11]).toBe('');
    expect(rows[3][12]).toContain('经台城街道党工委批准免除：身体原因不宜参加服务');
    expect(rows[0][12]).toBe('');
    expect(textOf(sheet, 12)).toMatch(/^注：时数为已认定的服务时数/);

    const summary = workbook.getWorksheet('汇总')!;
    expect(rowsOf(summary, 2, 3)).toEqual([
      ['人数', '达标', '未达标', '免除', '不考核', '本季度尚无服务'],
      [5, 1, 2, 1, 1, 1],
    ]);
    // Per quarter begun, of the 3 assessed and not exempted (XL1, XL2, XL3): who had a credited service in it.
    expect(rowsOf(summary, 5, 8)).toEqual([
      ['季度', '有已认定服务的人数', '无服务的人数'],
      ['第一季度', 2, 1],
      ['第二季度', 0, 3],
      ['第三季度', 2, 1],
    ]);
  });

  it('should give the same figures as the screen 考核达标 for the same community', async () => {
    const screen = await ok(call(assessment, 'complianceList', { page: { limit: 50, offset: 0 } }, c.secretary));
    const sheet = (await sheetsOf(await exported({}, c.secretary))).getWorksheet('达标名单')!;
    const rows = rowsOf(sheet, 7, 11);
    expect(rows.map((row) => [row[1], row[9], row[10]])).toEqual(screen.items.map((item: any) => [item.name, item.hours, item.statusLabel]));
  });

  it("should list the unit admin's in-service members in the communities they serve, with each community's rule set", async () => {
    const file = await exported({}, unitAdmin);
    expect(file.fileName).toBe('党员考核达标情况-测试单位XL-2026.xlsx');
    const workbook = await sheetsOf(file);
    const sheet = workbook.getWorksheet('达标名单')!;
    expect(textOf(sheet, 2)).toBe('单位：测试单位XL');
    expect(textOf(sheet, 3)).toBe('考核办法：测试社区XL：台山 2020（默认）；测试社区XO：台山 2020（默认）');
    expect(textOf(sheet, 4)).toBe('共4人：达标1人，未达标2人，免除1人，不考核0人');
    expect(sheet.getRow(6).getCell(5).value).toBe('报到社区');
    expect(rowsOf(sheet, 7, 10).map((row) => [row[1], row[4], ...row.slice(5, 11)])).toEqual([
      ['党员XO1', '测试社区XO', 0, 3, 0, 0, 3, '未达标'],
      ['党员XL2', '测试社区XL', 10, 0, 0, 0, 10, '未达标'],
      ['党员XL1', '测试社区XL', 25, 0, 1.5, 0, 26.5, '达标'],
      ['党员XL4', '测试社区XL', 0, 0, 0, 0, 0, '免除'],
    ]);
    const summary = workbook.getWorksheet('汇总')!;
    expect(rowsOf(summary, 3, 3)[0]).toEqual([4, 1, 2, 1, 0, 2]);
    expect(rowsOf(summary, 5, 7)).toEqual([
      ['报到社区', '考核办法', '人数', '达标', '未达标', '免除'],
      ['测试社区XL', '台山 2020', 3, 1, 1, 1],
      ['测试社区XO', '台山 2020', 1, 0, 1, 0],
    ]);
  });

  it('should let a district admin export a community or a unit of her district', async () => {
    const community = await sheetsOf(await exported({ communityId: c.communityId }, districtAdmin));
    expect(textOf(community.getWorksheet('达标名单')!, 4)).toBe('共5人：达标1人，未达标2人，免除1人，不考核1人');
    const unit = await sheetsOf(await exported({ unitId: c.unitId }, districtAdmin));
    expect(textOf(unit.getWorksheet('达标名单')!, 2)).toBe('单位：测试单位XL');
  });

  it('should refuse another community, another unit, another district, a member and both a community and a unit', async () => {
    expect(await failed(call(assessment, 'exportComplianceList', { communityId: c.communityId }, other.secretary))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'exportComplianceList', { unitId: c.unitId }, otherUnitAdmin))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'exportComplianceList', { communityId: c.communityId }, otherDistrictAdmin))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await failed(call(assessment, 'exportComplianceList', { unitId: c.unitId }, otherDistrictAdmin))).code).toMatch(/^ORG_/);
    expect(await failed(call(assessment, 'exportComplianceList', {}, c.members[0]))).toMatchObject({ code: 'FORBIDDEN' });
    const both = await failed(call(assessment, 'exportComplianceList', { communityId: c.communityId, unitId: c.unitId }, districtAdmin));
    expect(both).toMatchObject({ code: 'VALIDATION_FAILED', fields: { unitId: '社区和单位只能选一个' } });
  });
});

describe('assessment.exportOrganisationRates: 组织考核比率 as xlsx, from the rates the screens show', () => {
  let db: Database;
  let clock: ReturnType<typeof useWallClock>;
  let a: TestCommunity;
  let b: TestCommunity;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  let unitAdmin: TestUser;

  beforeAll(async () => {
    clock = useWallClock(NOW);
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'YA', { members: 4, residents: 0 });
    b = await buildCommunity(db, 'YB', { members: 1, residents: 0, districtId: a.districtId });
    const elsewhere = await buildCommunity(db, 'YE', { members: 0, residents: 0 });
    districtAdmin = await createDistrictAdmin(db, a.districtId);
    otherDistrictAdmin = await createDistrictAdmin(db, elsewhere.districtId);
    unitAdmin = await createUnitAdmin(db, a.unitId);
    // 注册率 of community YA and unit YA: 4 registered in-service members and 1 slip holder not reported → 4 / 5.
    await issueSlip(db, { unitId: a.unitId, communityId: a.communityId, name: '待报到', phone: newPhone(), issuedBy: unitAdmin.id, issuedAt: new Date('2026-08-01T02:00:00Z') });
    // 参与率: members 1–3 served in 2026 → 3 / 4. 满意率: one 满意 and one 基本满意 回访 → 1 / 2.
    const by = a.secretary.id;
    const satisfied = await addOrder(db, { communityId: a.communityId, startsAt: '2026-03-10T09:00:00+08:00', createdBy: by });
    const basic = await addOrder(db, { communityId: a.communityId, startsAt: '2026-04-10T09:00:00+08:00', createdBy: by });
    const plain = await addOrder(db, { communityId: a.communityId, startsAt: '2026-05-10T09:00:00+08:00', createdBy: by });
    await addResidentEvaluation(db, satisfied, 'satisfied', by);
    await addResidentEvaluation(db, basic, 'basic', by);
    await addRecord(db, { orderId: satisfied, memberId: a.members[0].id, certifyingOrgId: a.communityId, serviceDate: '2026-03-10', createdBy: by });
    await addRecord(db, { orderId: basic, memberId: a.members[1].id, certifyingOrgId: a.communityId, serviceDate: '2026-04-10', createdBy: by });
    await addRecord(db, { orderId: plain, memberId: a.members[2].id, certifyingOrgId: a.communityId, serviceDate: '2026-05-10', createdBy: by });
    // Community YB: its one member served, no 回访.
    const orderB = await addOrder(db, { communityId: b.communityId, startsAt: '2026-05-01T09:00:00+08:00', createdBy: b.secretary.id });
    await addRecord(db, { orderId: orderB, memberId: b.members[0].id, certifyingOrgId: b.communityId, serviceDate: '2026-05-01', createdBy: b.secretary.id });
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const exported = (data: object, user: TestUser) => ok<File>(call(assessment, 'exportOrganisationRates', data, user));

  /** The sheet's lines keyed by organisation name and indicator: [分子, 分母, 比率, 达标值, 是否达标, 还差, 组织结论]. */
  async function linesOf(file: File) {
    const sheet = (await sheetsOf(file)).getWorksheet('组织考核比率')!;
    const lines = new Map<string, unknown[]>();
    for (const row of rowsOf(sheet, 5, sheet.rowCount - 1)) lines.set(`${row[2]} ${row[5]}`, row.slice(6, 13));
    return { sheet, lines };
  }

  it("should give each organisation of the district admin's district its rates with numerator and denominator against the threshold", async () => {
    const file = await exported({}, districtAdmin);
    expect(file.fileName).toBe('组织考核比率-测试区YA-2026.xlsx');
    const { sheet, lines } = await linesOf(file);
    expect(textOf(sheet, 1)).toBe('2026年度基层党组织考核比率（测试区YA）');
    expect(textOf(sheet, 2)).toBe('共4个组织：达标2个，未达标2个，不考核0个');
    for (const name of ['测试社区YA', '测试单位YA']) {
      expect(lines.get(`${name} 在职党员义工注册率不低于95%`)).toEqual([4, 5, 80, 95, '未达标', '在职党员义工注册率80%，低于95%，还需1名在职党员注册为党员义工', '未达标']);
      expect(lines.get(`${name} 在职注册党员义工参与志愿服务率不低于90%`)).toEqual([3, 4, 75, 90, '未达标', '参与志愿服务率75%，低于90%，还需1名注册党员义工参与志愿服务', '未达标']);
      expect(lines.get(`${name} 志愿服务活动回访调查满意率不低于90%`)).toEqual([1, 2, 50, 90, '未达标', '回访满意率50%，低于90%，还需1份满意的回访', '未达标']);
    }
    expect(lines.get('测试社区YB 在职党员义工注册率不低于95%')).toEqual([1, 1, 100, 95, '达标', '', '达标']);
    expect(lines.get('测试社区YB 在职注册党员义工参与志愿服务率不低于90%')).toEqual([1, 1, 100, 90, '达标', '', '达标']);
    expect(lines.get('测试社区YB 志愿服务活动回访调查满意率不低于90%')).toEqual([0, 0, '—', 90, '不考核', '', '达标']);
    expect(lines.size).toBe(12);
  });

  it('should give the same figures as the screen for the same caller', async () => {
    const screen = await ok(call(assessment, 'organisationRates', {}, districtAdmin));
    const { lines } = await linesOf(await exported({}, districtAdmin));
    for (const organisation of screen.organisations) {
      for (const rate of organisation.rates) {
        expect(lines.get(`${organisation.name} ${rate.title}`)!.slice(0, 2)).toEqual([rate.numerator, rate.denominator]);
      }
    }
  });

  it("should give a secretary her community's own rates and a unit admin its unit's", async () => {
    const community = await linesOf(await exported({}, a.secretary));
    expect([...community.lines.keys()].every((key) => key.startsWith('测试社区YA '))).toBe(true);
    expect(community.lines.size).toBe(3);
    const unit = await linesOf(await exported({}, unitAdmin));
    expect([...unit.lines.keys()].every((key) => key.startsWith('测试单位YA '))).toBe(true);
  });

  it('should refuse another district, a district asked by a secretary, and a member', async () => {
    expect(await failed(call(assessment, 'exportOrganisationRates', { districtId: a.districtId }, otherDistrictAdmin))).toMatchObject({ code: 'ORG_NOT_IN_DISTRICT' });
    expect(await failed(call(assessment, 'exportOrganisationRates', { districtId: a.districtId }, a.secretary))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failed(call(assessment, 'exportOrganisationRates', {}, a.members[0]))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
