import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main as records } from '../../cloudfunctions/records/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { NATIONAL_EXPORT_SHEETS, nationalExportMappingMarkdown } from '../../cloudfunctions/_core/volunteer-record/national-export-mapping';
import { addActivity, addService } from '../support/assessment-fixtures';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildTwoDistricts, type TestCommunity, type TestUser } from '../support/fixtures';
import { addProfile, setMemberDetails } from '../support/reports-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Thursday 2026-08-20 10:00 Beijing.
const NOW = new Date('2026-08-20T02:00:00Z');
const DOC = path.join(__dirname, '../../docs/national-export.md');
const START = '<!-- mapping:start (generated from cloudfunctions/_core/volunteer-record/national-export-mapping.ts) -->';
const END = '<!-- mapping:end -->';

type File = { fileName: string; mimeType: string; base64: string };

async function workbookOf(file: File) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's cells from row `from` on, each row as its values 1..n. */
const rowsOf = (sheet: ExcelJS.Worksheet, from: number) => {
  const rows: unknown[][] = [];
  for (let n = from; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    rows.push(Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).value));
  }
  return rows;
};

describe('reports.exportNationalRecord: the hand-over to the 全国志愿服务信息系统 (MZ/T 061-2015), issue 14 item 6', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let other: TestCommunity;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  let unitAdmin: TestUser;
  const ids: Record<string, string> = {};
  const clock = useWallClock(NOW);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    ({ a, b, other, districtAdmin, otherDistrictAdmin, unitAdmin } = await buildTwoDistricts(db, ['NA', 'NB', 'NO'], {
      a: { members: 2, residents: 0 },
      b: { members: 1, residents: 0, memberType: 'community' },
      other: { members: 1, residents: 0 },
    }));
    const [m1, m2] = a.members;
    const [n1] = b.members;
    await db.query(`update users set name = '李堃喆' where id = $1`, [m1.id]);
    await addProfile(db, m1.id, { gender: '男', birthMonth: '1985-06', education: '本科', homeAddress: '测试小区1栋', willingOtherServices: true });
    for (const member of [m1, m2, n1]) await setMemberDetails(db, member.id, { createdAt: new Date('2026-01-05T02:00:00Z') });

    ids.order1 = await addActivity(db, { communityId: a.communityId, startsAt: '2026-03-10T09:00:00+08:00', createdBy: a.secretary.id });
    ids.order2 = await addActivity(db, { communityId: a.communityId, startsAt: '2026-05-01T09:00:00+08:00', createdBy: a.secretary.id });
    ids.order3 = await addActivity(db, { communityId: a.communityId, startsAt: '2026-06-01T09:00:00+08:00', createdBy: a.secretary.id });
    ids.orderOld = await addActivity(db, { communityId: a.communityId, startsAt: '2025-12-31T09:00:00+08:00', createdBy: a.secretary.id });
    ids.orderB = await addActivity(db, { communityId: b.communityId, startsAt: '2026-07-01T09:00:00+08:00', createdBy: b.secretary.id });
    ids.orderOther = await addActivity(db, { communityId: other.communityId, startsAt: '2026-07-01T09:00:00+08:00', createdBy: other.secretary.id });
    const service = (orderId: string, memberId: string, communityId: string, serviceDate: string, minutes: number, source: 'scan' | 'manual', status: 'credited' | 'pending_approval' = 'credited') =>
      addService(db, { orderId, memberId, communityId, serviceDate, minutes, createdBy: a.secretary.id, source, status });
    await service(ids.order1, m1.id, a.communityId, '2026-03-10', 90, 'scan');
    await service(ids.order1, m2.id, a.communityId, '2026-03-10', 60, 'scan');
    await service(ids.order2, m1.id, a.communityId, '2026-05-01', 45, 'manual');
    await service(ids.order3, m1.id, a.communityId, '2026-06-01', 600, 'manual', 'pending_approval');
    await service(ids.orderOld, m2.id, a.communityId, '2025-12-31', 120, 'scan');
    await service(ids.orderB, n1.id, b.communityId, '2026-07-01', 120, 'manual');
    await service(ids.orderOther, other.members[0].id, other.communityId, '2026-07-01', 30, 'scan');

    const training = (memberIds: string[], extra: Record<string, unknown>) => ({
      kind: 'pre_service', title: '岗前培训', organiser: '测试社区NA党委', startedOn: '2026-03-01', endedOn: '2026-03-01', hours: 2, memberIds, ...extra,
    });
    ids.training1 = (await ok(call(records, 'recordTraining', training([m1.id, m2.id], {}), a.secretary))).id;
    ids.training2 = (await ok(call(records, 'recordTraining', training([m1.id, n1.id], { kind: 'backbone', title: '骨干培训班', organiser: '测试区NA委组织部', startedOn: '2026-04-01', endedOn: '2026-04-02', hours: 6.5 }), districtAdmin))).id;
    const withdrawn = await ok(call(records, 'recordTraining', training([m2.id], { title: '撤回的培训' }), a.secretary));
    await ok(call(records, 'withdrawTraining', { id: withdrawn.id, reason: '重复登记' }, a.secretary));
    await ok(call(records, 'recordTraining', training([other.members[0].id], { title: '外区培训', organiser: '外区' }), other.secretary));
    ids.award1 = (await ok(call(records, 'recordAward', { memberId: m1.id, title: '优秀党员义工', level: 'city', awardedOn: '2026-06-30', awardingBody: '台山市委组织部' }, a.secretary))).id;
    await ok(call(records, 'recordAward', { memberId: m2.id, title: '去年的表彰', level: 'community', awardedOn: '2025-06-30', awardingBody: '测试社区NA党委' }, a.secretary));
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('should give the district admin one sheet per entity, headed by the mapping’s element names, each cell from the data', async () => {
    const file = await ok<File>(call(reports, 'exportNationalRecord', { year: 2026 }, districtAdmin));
    expect(file).toMatchObject({ fileName: '测试区NA2026年志愿服务记录（全国系统导出）.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['志愿者', '志愿服务项目', '志愿服务时间', '培训', '表彰奖励', '说明']);
    for (const mapped of NATIONAL_EXPORT_SHEETS) {
      const sheet = workbook.getWorksheet(mapped.sheet)!;
      expect(sheet.getRow(1).getCell(1).value).toBe(`测试区NA 2026年 ${mapped.sheet}（报送全国志愿服务信息系统）`);
      expect(rowsOf(sheet, 2)[0]).toEqual(mapped.columns.map((column) => column.element));
    }
    const [m1, m2] = a.members;
    const [n1] = b.members;
    const no = async (id: string) => (await db.query<{ volunteer_no: string }>('select volunteer_no from members where user_id = $1', [id]))[0].volunteer_no;
    const [no1, no2, noB] = [await no(m1.id), await no(m2.id), await no(n1.id)];

    // 志愿者: every member of the district, none of another's; totals are the sums of the rows below
    const volunteers = rowsOf(workbook.getWorksheet('志愿者')!, 3);
    expect(volunteers).toEqual([
      ['', no1, '李堃喆', '男', '中共党员', '测试社区NA', '测试街道NA', '测试单位NA', '2026-01-05', 2, 2.25, 1.5, 8.5, 1],
      ['', no2, m2.name, '', '中共党员', '测试社区NA', '测试街道NA', '测试单位NA', '2026-01-05', 1, 1, 1, 2, 0],
      ['', noB, n1.name, '', '中共党员', '测试社区NB', '测试街道NB', '测试单位NB', '2026-01-05', 1, 2, 0, 6.5, 0],
    ].sort((x, y) => String(x[1]).localeCompare(String(y[1]))));

    // 志愿服务项目: the orders the exported hours belong to
    const projects = rowsOf(workbook.getWorksheet('志愿服务项目')!, 3);
    expect(projects).toEqual([
      [ids.order1, '清洁家园', '组织活动', '环境美化', '社区广场', '2026-03-10 09:00', '2026-03-10 10:00', '测试社区NA', 2, 2.5],
      [ids.order2, '清洁家园', '组织活动', '环境美化', '社区广场', '2026-05-01 09:00', '2026-05-01 10:00', '测试社区NA', 1, 0.75],
      [ids.orderB, '清洁家园', '组织活动', '环境美化', '社区广场', '2026-07-01 09:00', '2026-07-01 10:00', '测试社区NB', 1, 2],
    ]);

    // 志愿服务时间: credited records only, dated in the year, certified in the district; pending and last year's left out
    const times = rowsOf(workbook.getWorksheet('志愿服务时间')!, 3).map((row) => row.slice(1));
    expect(times).toEqual([
      ...[
        [no1, '李堃喆', ids.order1, '清洁家园', '2026-03-10', '2026-03-10 09:00', '2026-03-10 10:30', 1.5, '扫码核验', '测试社区NA'],
        [no2, m2.name, ids.order1, '清洁家园', '2026-03-10', '2026-03-10 09:00', '2026-03-10 10:00', 1, '扫码核验', '测试社区NA'],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      [no1, '李堃喆', ids.order2, '清洁家园', '2026-05-01', '2026-05-01 09:00', '2026-05-01 09:45', 0.75, '手工补录', '测试社区NA'],
      [noB, n1.name, ids.orderB, '清洁家园', '2026-07-01', '2026-07-01 09:00', '2026-07-01 11:00', 2, '手工补录', '测试社区NB'],
    ]);
    const recordIds = await db.query<{ id: string }>(`select id from service_records where status = 'credited' and order_id = any($1::uuid[])`, [[ids.order1, ids.order2, ids.orderB]]);
    expect(rowsOf(workbook.getWorksheet('志愿服务时间')!, 3).map((row) => row[0]).sort()).toEqual(recordIds.map((row) => row.id).sort());

    // 培训: one row per participant of each live training of the district
    const trainings = rowsOf(workbook.getWorksheet('培训')!, 3);
    const byNo = (x: unknown[], y: unknown[]) => String(x[0]).localeCompare(String(y[0])) || String(x[7]).localeCompare(String(y[7]));
    expect(trainings.sort(byNo)).toEqual([
      [ids.training1, '岗前培训', '岗前培训', '测试社区NA党委', '2026-03-01', '2026-03-01', 2, no1, '李堃喆'],
      [ids.training1, '岗前培训', '岗前培训', '测试社区NA党委', '2026-03-01', '2026-03-01', 2, no2, m2.name],
      [ids.training2, '骨干培训班', '骨干培训', '测试区NA委组织部', '2026-04-01', '2026-04-02', 6.5, no1, '李堃喆'],
      [ids.training2, '骨干培训班', '骨干培训', '测试区NA委组织部', '2026-04-01', '2026-04-02', 6.5, noB, n1.name],
    ].sort(byNo));

    expect(rowsOf(workbook.getWorksheet('表彰奖励')!, 3)).toEqual([[ids.award1, no1, '李堃喆', '优秀党员义工', '市级', '2026-06-30', '台山市委组织部']]);
    expect(String(workbook.getWorksheet('说明')!.getRow(5).getCell(1).value)).toContain('不含手机号码和身份证号');
  });

  it('should narrow to a quarter', async () => {
    const workbook = await workbookOf(await ok<File>(call(reports, 'exportNationalRecord', { year: 2026, quarter: 2 }, districtAdmin)));
    expect(workbook.getWorksheet('志愿服务时间')!.getRow(1).getCell(1).value).toBe('测试区NA 2026年第2季度 志愿服务时间（报送全国志愿服务信息系统）');
    expect(rowsOf(workbook.getWorksheet('志愿服务时间')!, 3).map((row) => row[3])).toEqual([ids.order2]);
    expect(rowsOf(workbook.getWorksheet('培训')!, 3).map((row) => row[0])).toEqual([ids.training2, ids.training2]);
    expect(rowsOf(workbook.getWorksheet('表彰奖励')!, 3)).toHaveLength(1);
    expect(rowsOf(workbook.getWorksheet('志愿服务项目')!, 3).map((row) => row[0])).toEqual([ids.order2]);
  });

  it('should give another district admin only her own district', async () => {
    const workbook = await workbookOf(await ok<File>(call(reports, 'exportNationalRecord', { year: 2026 }, otherDistrictAdmin)));
    expect(rowsOf(workbook.getWorksheet('志愿者')!, 3).map((row) => row[2])).toEqual([other.members[0].name]);
    expect(rowsOf(workbook.getWorksheet('志愿服务时间')!, 3).map((row) => row[3])).toEqual([ids.orderOther]);
    expect(rowsOf(workbook.getWorksheet('培训')!, 3).map((row) => row[1])).toEqual(['外区培训']);
    expect(rowsOf(workbook.getWorksheet('表彰奖励')!, 3)).toEqual([]);
  });

  it('should refuse everyone but a district admin, and bad periods naming the field', async () => {
    for (const caller of [a.secretary, a.members[0], unitAdmin]) {
      const error = await failed(call(reports, 'exportNationalRecord', { year: 2026 }, caller));
      expect(error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('区（街道）党（工）委管理员') });
    }
    expect((await failed(call(reports, 'exportNationalRecord', { year: 2026 }))).code).toBe('UNAUTHENTICATED');
    expect((await failed(call(reports, 'exportNationalRecord', { year: 2026, quarter: 5 }, districtAdmin))).fields).toEqual({ quarter: '季度不能大于4' });
    expect((await failed(call(reports, 'exportNationalRecord', {}, districtAdmin))).fields).toEqual({ year: '年度须为数字' });
  });

  it('should keep docs/national-export.md the same as the mapping file', () => {
    const generated = `${START}\n\n${nationalExportMappingMarkdown()}\n\n${END}`;
    const doc = fs.readFileSync(DOC, 'utf8');
    if (process.env.WRITE_NATIONAL_EXPORT_DOC === '1') {
      const at = doc.indexOf(START);
      fs.writeFileSync(DOC, `${doc.slice(0, at)}${generated}${doc.slice(doc.indexOf(END) + END.length)}`);
      return;
    }
    expect(doc.slice(doc.indexOf(START), doc.indexOf(END) + END.length)).toBe(generated);
    for (const mapped of NATIONAL_EXPORT_SHEETS) for (const column of mapped.columns) expect(doc).toContain(`| ${column.element} |`);
  });
});
