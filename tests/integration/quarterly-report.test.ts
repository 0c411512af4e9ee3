import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { main as auth } from '../../cloudfunctions/auth/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import { seedDemoData } from '../../gateway/demo-seed';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { QUARTERLY_NOTE, QUARTERLY_TITLE } from '../../cloudfunctions/_core/reports/quarterly-report-workbook';
import { addService } from '../support/assessment-fixtures';
import { call, failed, ok, refusedUnchanged } from '../support/call';
import { useWallClock } from '../support/clock';
import { valueOf } from '../support/db-state';
import { buildTwoDistricts, createUnitAdmin, renewTokens, sessionTokenFor, type TestCommunity, type TestUser } from '../support/fixtures';
import { addOrder } from '../support/rate-fixtures';
import { addMember, addRegistration, issueSlip, leave } from '../support/reports-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 10:00 Shanghai: the fourth quarter runs, due 28 December.
const NOW = new Date('2026-11-23T02:00:00Z');
const Q4 = { year: 2026, quarter: 4 };
const CONTACTS = { leadName: '黄书记', leadPhone: '13800138000', contactName: '林干事', contactPhone: '0750-5511941' };

const written = async (db: Database) => ({
  reports: await valueOf<number>(db, 'select count(*)::int from quarterly_reports'),
  contacts: await valueOf<number>(db, 'select count(*)::int from organisation_contacts'),
  figures: await valueOf<string>(db, "select coalesce(string_agg(figures::text, '|' order by id), '') from quarterly_reports"),
});

describe('reports: 党员义工工作进展情况季报表 (001 附件4)', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let other: TestCommunity;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  let unitAdmin: TestUser;
  let otherUnitAdmin: TestUser;
  let m: Record<'kun' | 'zhe' | 'yi' | 'probation' | 'activist' | 'left' | 'elsewhere', TestUser>;
  let orders: Record<'clean' | 'elders' | 'september' | 'inB', string>;
  const clock = useWallClock(NOW);
  /** Moves the clock, with new sessions for everyone (a session lasts 24 hours). */
  const moveTo = async (at: Date) => {
    clock.set(at);
    for (const user of [districtAdmin, otherDistrictAdmin, unitAdmin, otherUnitAdmin, ...Object.values(m)]) user.token = await sessionTokenFor(db, user.id);
    await renewTokens(db, a, b, other);
  };

  beforeAll(async () => {
    db = await openSuiteDatabase();
    ({ a, b, other, districtAdmin, otherDistrictAdmin, unitAdmin } = await buildTwoDistricts(db, ['QA', 'QB', 'QX'], {
      a: { members: 0, residents: 0 },
      b: { members: 1, residents: 0 },
      other: { members: 0, residents: 0 },
    }));
    otherUnitAdmin = await createUnitAdmin(db, b.unitId);

    const of = (memberType: 'in_service' | 'community' | 'probationary' | 'activist', community = a, unitId: string | null = a.unitId) => ({
      communityId: community.communityId, gridId: community.gridIds[0], unitId, memberType, createdAt: new Date('2026-02-01T02:00:00Z'),
    });
    m = {
      kun: await addMember(db, '张堃', of('in_service')),
      zhe: await addMember(db, '李喆', of('in_service')),
      yi: await addMember(db, '王燚', of('community', a, null)),
      probation: await addMember(db, '陈预', of('probationary')),
      activist: await addMember(db, '周积', of('activist', a, null)),
      left: await addMember(db, '赵离', of('in_service')),
      elsewhere: await addMember(db, '吴远', of('in_service', b)),
    };
    await leave(db, m.left.id, new Date('2026-06-01T02:00:00Z'));
    const slip = await issueSlip(db, { unitId: a.unitId, communityId: a.communityId, name: '张堃', phone: m.kun.phone, issuedBy: unitAdmin.id, issuedAt: new Date('2026-01-20T02:00:00Z') });
    await addRegistration(db, {
      userId: m.kun.id, communityId: a.communityId, gridId: a.gridIds[0], slipId: slip, status: 'confirmed',
      submittedAt: new Date('2026-01-25T02:00:00Z'), decidedAt: new Date('2026-01-26T02:00:00Z'), decidedBy: a.secretary.id,
    });
    // Two holders of unit A's 报到单 to community A not reported yet; a cancelled slip counts for nobody.
    for (const [name, phone] of [['孙待', '13900001001'], ['郑忙', '13900001002']]) {
      await issueSlip(db, { unitId: a.unitId, communityId: a.communityId, name, phone, issuedBy: unitAdmin.id, issuedAt: new Date('2026-10-10T02:00:00Z') });
    }
    await issueSlip(db, {
      unitId: a.unitId, communityId: a.communityId, name: '卫撤', phone: '13900001003', issuedBy: unitAdmin.id,
      issuedAt: new Date('2026-10-10T02:00:00Z'), cancelledAt: new Date('2026-10-20T02:00:00Z'),
    });

    // Teams: community A has two standing and one archived on 1 November (standing at the end of the third quarter).
    const team = (owner: { communityId?: string; unitId?: string }, name: string, createdAt: string, archivedAt: string | null = null) =>
      db.query(
        `insert into teams (id, community_id, unit_id, kind, name, created_by, created_at, archived_at) values ($1, $2, $3, 'service_team', $4, $5, $6, $7)`,
        [randomUUID(), owner.communityId ?? null, owner.unitId ?? null, name, a.secretary.id, createdAt, archivedAt],
      );
    await team({ communityId: a.communityId }, '红色先锋队', '2026-03-01T02:00:00Z');
    await team({ communityId: a.communityId }, '银发服务队', '2026-08-01T02:00:00Z');
    await team({ communityId: a.communityId }, '旧服务队', '2026-02-01T02:00:00Z', '2026-11-01T02:00:00Z');
    await team({ unitId: a.unitId }, '单位志愿队', '2026-04-01T02:00:00Z');

    orders = {
      clean: await addOrder(db, { communityId: a.communityId, startsAt: '2026-10-12T09:00:00+08:00', createdBy: a.secretary.id, title: '清洁家园' }),
      elders: await addOrder(db, { communityId: a.communityId, startsAt: '2026-11-05T09:00:00+08:00', createdBy: a.secretary.id, title: '关爱老人' }),
      september: await addOrder(db, { communityId: a.communityId, startsAt: '2026-09-20T09:00:00+08:00', createdBy: a.secretary.id, title: '九月义诊' }),
      inB: await addOrder(db, { communityId: b.communityId, startsAt: '2026-10-20T09:00:00+08:00', createdBy: b.secretary.id, title: '文明劝导' }),
    };
    const serve = (orderId: string, member: TestUser, communityId: string, serviceDate: string, minutes: number, extra: { status?: 'pending_approval'; source?: 'scan' } = {}) =>
      addService(db, { orderId, memberId: member.id, communityId, serviceDate, minutes, createdBy: a.secretary.id, ...extra });
    await serve(orders.clean, m.kun, a.communityId, '2026-10-12', 90, { source: 'scan' });
    await serve(orders.clean, m.zhe, a.communityId, '2026-10-12', 60, { source: 'scan' });
    await serve(orders.clean, m.yi, a.communityId, '2026-10-12', 30, { status: 'pending_approval' });
    await serve(orders.clean, m.elsewhere, a.communityId, '2026-10-12', 45, { source: 'scan' });
    await serve(orders.elders, m.kun, a.communityId, '2026-11-05', 120);
    await serve(orders.elders, m.activist, a.communityId, '2026-11-05', 60);
    await serve(orders.september, m.kun, a.communityId, '2026-09-20', 60);
    await serve(orders.inB, m.elsewhere, b.communityId, '2026-10-20', 30);
    await serve(orders.inB, b.members[0], b.communityId, '2026-10-20', 60);
  });
  beforeEach(() => moveTo(NOW));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  describe('quarterlyReport: the figures', () => {
    it("should count a community's roll, teams and the quarter's activities from the data", async () => {
      const report = await ok(call(reports, 'quarterlyReport', {}, a.secretary));
      expect(report.current).toEqual({
        organisation: { kind: 'community', id: a.communityId, name: '测试社区QA' },
        year: 2026,
        quarter: 4,
        teams: 2,
        // 张堃 李喆 王燚 陈预 registered, plus the two open 报到单 naming the community; 赵离 left, 吴远 serves in B
        partyMembers: 6,
        registeredVolunteers: 4,
        activists: 1,
        contacts: null,
        activities: [
          // 90 + 60 + 45 credited minutes; 王燚's 30 wait for approval
          { orderId: orders.clean, project: '清洁家园', heldOn: '2026-10-12', participants: 3, hours: 3.25 },
          { orderId: orders.elders, project: '关爱老人', heldOn: '2026-11-05', participants: 2, hours: 3 },
        ],
        totals: { people: 4, participations: 5, hours: 6.25 },
        filledOn: '2026-11-23',
      });
      expect(report.submitted).toBeNull();
      expect(report.due).toEqual({ dueOn: '2026-12-28', daysLeft: 35, overdue: false });
      expect(report.canSubmit).toBe(true);
    });

    it("should count a unit's own members wherever they serve, and name the community of each activity", async () => {
      const report = await ok(call(reports, 'quarterlyReport', {}, unitAdmin));
      expect(report.current).toMatchObject({
        organisation: { kind: 'unit', id: a.unitId, name: '测试单位QA' },
        teams: 1,
        // 张堃 李喆 陈预 吴远, plus the unit's two open 报到单
        partyMembers: 6,
        registeredVolunteers: 4,
        activists: 0,
        activities: [
          { orderId: orders.clean, project: '清洁家园（测试社区QA）', heldOn: '2026-10-12', participants: 3, hours: 3.25 },
          { orderId: orders.inB, project: '文明劝导（测试社区QB）', heldOn: '2026-10-20', participants: 1, hours: 0.5 },
          { orderId: orders.elders, project: '关爱老人（测试社区QA）', heldOn: '2026-11-05', participants: 1, hours: 2 },
        ],
        totals: { people: 3, participations: 5, hours: 5.75 },
      });
    });

    it('should read an earlier quarter by its own dates: its activities, and the teams standing at its end', async () => {
      const report = await ok(call(reports, 'quarterlyReport', { year: 2026, quarter: 3 }, a.secretary));
      expect(report.current).toMatchObject({
        teams: 3,
        activities: [{ orderId: orders.september, project: '九月义诊', heldOn: '2026-09-20', participants: 1, hours: 1 }],
        totals: { people: 1, participations: 1, hours: 1 },
      });
      expect(report.due).toEqual({ dueOn: '2026-09-28', daysLeft: -56, overdue: true });
    });

    it('should show an empty quarter with no rows and zero totals', async () => {
      const report = await ok(call(reports, 'quarterlyReport', { year: 2026, quarter: 1 }, a.secretary));
      expect(report.current.activities).toEqual([]);
      expect(report.current.totals).toEqual({ people: 0, participations: 0, hours: 0 });
    });
  });

  describe('quarterlyReport: who may read whose', () => {
    it('should give a district admin any community or unit of her district, and refuse her none named', async () => {
      expect((await ok(call(reports, 'quarterlyReport', { communityId: b.communityId }, districtAdmin))).current.organisation.name).toBe('测试社区QB');
      expect((await ok(call(reports, 'quarterlyReport', { unitId: a.unitId }, districtAdmin))).current.organisation.name).toBe('测试单位QA');
      expect((await ok(call(reports, 'quarterlyReport', { unitId: a.unitId }, districtAdmin))).canSubmit).toBe(false);
      expect((await failed(call(reports, 'quarterlyReport', {}, districtAdmin))).code).toBe('VALIDATION_FAILED');
    });

    it.each([
      ['another district’s admin, a community', () => otherDistrictAdmin, () => ({ communityId: a.communityId }), 'FORBIDDEN'],
      ['another district’s admin, a unit', () => otherDistrictAdmin, () => ({ unitId: a.unitId }), 'ORG_NOT_IN_DISTRICT'],
      ['a secretary, another community', () => a.secretary, () => ({ communityId: b.communityId }), 'FORBIDDEN'],
      ['a secretary, a unit', () => a.secretary, () => ({ unitId: a.unitId }), 'FORBIDDEN'],
      ['another unit’s admin', () => otherUnitAdmin, () => ({ unitId: a.unitId }), 'FORBIDDEN'],
      ['a member', () => m.kun, () => ({}), 'FORBIDDEN'],
    ])('should refuse %s', async (_, who, input, code) => {
      const error = await failed(call(reports, 'quarterlyReport', input(), who()));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('should refuse both a community and a unit named, and a year without its quarter, naming the field', async () => {
      const both = await failed(call(reports, 'quarterlyReport', { communityId: a.communityId, unitId: a.unitId }, districtAdmin));
      expect(both.fields).toEqual({ unitId: '社区和单位只能指定一个' });
      const half = await failed(call(reports, 'quarterlyReport', { year: 2026 }, a.secretary));
      expect(half.fields).toEqual({ quarter: '年份和季度须一起填写' });
    });
  });

  describe('submitQuarterlyReport', () => {
    it('should refuse a quarter not begun, and the first submission without contacts, writing nothing', async () => {
      await refusedUnchanged(() => written(db), () => call(reports, 'submitQuarterlyReport', { year: 2027, quarter: 1, contacts: CONTACTS }, a.secretary), 'REPORT_QUARTER_NOT_BEGUN');
      const error = await refusedUnchanged(() => written(db), () => call(reports, 'submitQuarterlyReport', Q4, a.secretary), 'REPORT_CONTACTS_REQUIRED');
      expect(Object.keys(error.fields!).sort()).toEqual(['contacts.contactName', 'contacts.contactPhone', 'contacts.leadName', 'contacts.leadPhone']);
    });

    it('should refuse a bad phone or a blank name with the field named, and the district admin submitting', async () => {
      const bad = await refusedUnchanged(
        () => written(db),
        () => call(reports, 'submitQuarterlyReport', { ...Q4, contacts: { ...CONTACTS, leadPhone: '12345', contactName: ' ' } }, a.secretary),
        'VALIDATION_FAILED',
      );
      expect(bad.fields).toEqual({ 'contacts.leadPhone': expect.stringContaining('负责人联系电话'), 'contacts.contactName': '联系人姓名不能为空' });
      expect(JSON.stringify(bad)).not.toContain('12345');
      await refusedUnchanged(() => written(db), () => call(reports, 'submitQuarterlyReport', { ...Q4, communityId: a.communityId, contacts: CONTACTS }, districtAdmin), 'REPORT_NOT_YOURS_TO_SUBMIT');
    });

    it('should freeze the figures as version 1 with who and when, and keep the contacts for the next time', async () => {
      const before = await ok(call(reports, 'quarterlyReport', {}, a.secretary));
      const report = await ok(call(reports, 'submitQuarterlyReport', { ...Q4, contacts: CONTACTS }, a.secretary));
      expect(report.submitted).toEqual({
        version: 1, submittedAt: NOW.toISOString(), submittedBy: '书记QA', late: false, seenAt: null,
        figures: { ...before.current, contacts: CONTACTS },
      });
      expect(report.current.contacts).toEqual(CONTACTS);
      expect(report.canSubmit).toBe(true);
    });

    it('should leave the submitted version as it was when the records change, and submit the change as version 2', async () => {
      await addService(db, { orderId: orders.elders, memberId: m.zhe.id, communityId: a.communityId, serviceDate: '2026-11-05', minutes: 30, createdBy: a.secretary.id });
      await moveTo(new Date('2026-11-24T02:00:00Z'));
      const changed = await ok(call(reports, 'quarterlyReport', {}, a.secretary));
      expect(changed.current.totals).toEqual({ people: 4, participations: 6, hours: 6.75 });
      expect(changed.submitted.figures.totals).toEqual({ people: 4, participations: 5, hours: 6.25 });

      const resubmitted = await ok(call(reports, 'submitQuarterlyReport', Q4, a.secretary));
      expect(resubmitted.submitted).toMatchObject({ version: 2, submittedAt: '2026-11-24T02:00:00.000Z', figures: { contacts: CONTACTS, totals: { hours: 6.75 }, filledOn: '2026-11-24' } });
      expect(await valueOf(db, 'select count(*)::int from quarterly_reports where community_id = $1', [a.communityId])).toBe(2);
      expect(await valueOf(db, "select figures->'totals'->>'hours' from quarterly_reports where community_id = $1 and version = 1", [a.communityId])).toBe('6.25');
    });

    it('should mark the report seen when the district admin opens it, and refuse a resubmission after that', async () => {
      await moveTo(new Date('2026-11-25T02:00:00Z'));
      const seen = await ok(call(reports, 'quarterlyReport', { communityId: a.communityId }, districtAdmin));
      expect(seen.submitted).toMatchObject({ version: 2, seenAt: '2026-11-25T02:00:00.000Z' });
      expect((await ok(call(reports, 'quarterlyReport', {}, a.secretary))).canSubmit).toBe(false);
      await refusedUnchanged(() => written(db), () => call(reports, 'submitQuarterlyReport', Q4, a.secretary), 'REPORT_ALREADY_SEEN');
    });

    it("should let a unit admin submit the unit's report, and mark a past quarter's submission late", async () => {
      await moveTo(new Date('2026-11-25T02:00:00Z'));
      const unit = await ok(call(reports, 'submitQuarterlyReport', { ...Q4, contacts: { ...CONTACTS, leadName: '单位负责人' } }, unitAdmin));
      expect(unit.submitted).toMatchObject({ version: 1, late: false, figures: { organisation: { kind: 'unit', id: a.unitId }, totals: { hours: 6.25 } } });
      const q3 = await ok(call(reports, 'submitQuarterlyReport', { year: 2026, quarter: 3 }, a.secretary));
      expect(q3.submitted).toMatchObject({ version: 1, late: true, figures: { quarter: 3, totals: { hours: 1 } } });
    });
  });

  describe('quarterlyReportStatus', () => {
    it('should list every community and unit of the district with what was submitted, overdue first once the due day has passed', async () => {
      await moveTo(new Date('2026-11-25T02:00:00Z'));
      const status = await ok(call(reports, 'quarterlyReportStatus', {}, districtAdmin));
      expect(status).toMatchObject({ year: 2026, quarter: 4, dueOn: '2026-12-28', daysLeft: 33, counts: { total: 4, submitted: 2, overdue: 0 } });
      expect(status.items.map((item: any) => [item.name, item.status])).toEqual([
        ['测试社区QB', 'waiting'], ['测试单位QB', 'waiting'], ['测试社区QA', 'submitted'], ['测试单位QA', 'submitted'],
      ]);
      expect(status.items[2].submission).toEqual({
        version: 2, submittedAt: '2026-11-24T02:00:00.000Z', late: false, seen: true, registeredVolunteers: 4, activities: 2, hours: 6.75,
      });
      expect(status.items[3].submission).toMatchObject({ version: 1, seen: false, activities: 3, hours: 6.25 });

      await moveTo(new Date('2026-12-29T02:00:00Z'));
      const late = await ok(call(reports, 'quarterlyReportStatus', {}, districtAdmin));
      expect(late.counts).toEqual({ total: 4, submitted: 2, overdue: 2 });
      expect(late.items.map((item: any) => item.status)).toEqual(['overdue', 'overdue', 'submitted', 'submitted']);
    });

    it('should show a past quarter with its late submission, and refuse anyone but a district admin', async () => {
      await moveTo(new Date('2026-11-25T02:00:00Z'));
      const q3 = await ok(call(reports, 'quarterlyReportStatus', { year: 2026, quarter: 3 }, districtAdmin));
      expect(q3.counts).toEqual({ total: 4, submitted: 1, overdue: 3 });
      expect(q3.items.find((item: any) => item.id === a.communityId).submission).toMatchObject({ late: true, hours: 1 });
      expect((await failed(call(reports, 'quarterlyReportStatus', {}, a.secretary))).code).toBe('FORBIDDEN');
      expect((await failed(call(reports, 'quarterlyReportStatus', {}, unitAdmin))).code).toBe('FORBIDDEN');
      const others = await ok(call(reports, 'quarterlyReportStatus', {}, otherDistrictAdmin));
      expect(others.items.map((item: any) => item.name)).toEqual(['测试社区QX', '测试单位QX']);
    });
  });

  describe('exportQuarterlyReport', () => {
    const readSheet = async (file: { base64: string }) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
      return workbook.getWorksheet('季报表')!;
    };
    /** Each row's cells joined by |, a merged range once. */
    const texts = (sheet: ExcelJS.Worksheet) => {
      const out: string[] = [];
      sheet.eachRow((row) => {
        const cells = (row.values as unknown[]).slice(1).map((value) => String(value ?? ''));
        out.push(cells.filter((cell, i) => i === 0 || cell !== cells[i - 1]).join('|'));
      });
      return out;
    };

    it('should lay out the submitted version like 附件4 on A4, with the activities, the 注, the seal box and 填报日期', async () => {
      await moveTo(new Date('2026-11-26T02:00:00Z'));
      const file = await ok(call(reports, 'exportQuarterlyReport', {}, a.secretary));
      expect(file.fileName).toBe('党员义工工作进展情况季报表-测试社区QA-2026年第四季度.xlsx');
      const sheet = await readSheet(file);
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
      const rows = texts(sheet);
      expect(rows[0]).toBe(QUARTERLY_TITLE);
      expect(rows[1]).toBe('已于2026-11-24 10:00报送上级（第2版）');
      expect(rows.slice(2, 16)).toEqual([
        '党员义工组织名称|测试社区QA',
        '下辖党员义工组织|2 个',
        '管辖党员总数|6 人',
        '注册党员义工总数|4 人',
        '入党积极分子注册义工|1 人',
        '义工组织负责人、联系人|姓名|负责人：黄书记|联系人：林干事',
        '义工组织负责人、联系人|联系电话|13800138000|0750-5511941',
        '组织开展义工服务|开展时间：2026年第四季度',
        '组织开展义工服务|项目|参加人数|累计时数（小时）',
        '组织开展义工服务|1、清洁家园（2026年10月12日）|3|3.25',
        '组织开展义工服务|2、关爱老人（2026年11月5日）|3|3.5',
        '组织开展义工服务|合计|4人（6人次）|6.75',
        QUARTERLY_NOTE,
        '填报单位（盖章）：|填报日期：2026年11月24日',
      ]);
      expect(sheet.pageSetup.printTitlesRow).toBe('11:11');
      expect(sheet.getCell('C13').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    });

    it('should export an unsubmitted quarter from today’s figures, marked 未提交, for the district admin too', async () => {
      const file = await ok(call(reports, 'exportQuarterlyReport', { communityId: b.communityId }, districtAdmin));
      expect(file.fileName).toBe('党员义工工作进展情况季报表-测试社区QB-2026年第四季度-未提交.xlsx');
      const rows = texts(await readSheet(file));
      expect(rows[1]).toBe('未提交（2026-11-23导出的当前数据）');
      expect(rows).toContain('组织开展义工服务|1、文明劝导（2026年10月20日）|2|1.5');
      expect((await failed(call(reports, 'exportQuarterlyReport', { communityId: a.communityId }, b.secretary))).code).toBe('FORBIDDEN');
    });
  });

  describe('submitting twice at once', () => {
    it('should number the versions one after the other', async () => {
      const answers = await Promise.all([1, 2].map(() => call(reports, 'submitQuarterlyReport', { year: 2026, quarter: 3, contacts: CONTACTS }, b.secretary)));
      const versions = await Promise.all(answers.map(async (answer) => (await ok(answer)).submitted.version));
      expect(versions.sort()).toEqual([1, 2]);
      expect(await valueOf(db, 'select count(*)::int from quarterly_reports where community_id = $1', [b.communityId])).toBe(2);
    });
  });
});

describe('reports: the demo world’s 季报表', () => {
  let db: Database;
  const clock = useWallClock(NOW);
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('should have last quarter’s report submitted by the demo community before it was due, and this quarter’s not yet', async () => {
    db = await openSuiteDatabase();
    const accounts = await seedDemoData(db, { now: NOW, passwordCost: 1024 });
    const secretary = accounts.find((account) => account.role === 'secretary')!;
    const session = await ok(call(auth, 'login', { phone: secretary.phone, password: secretary.password }));
    const user = { id: session.profile.userId, name: secretary.name, phone: secretary.phone, password: secretary.password, token: session.token };
    const last = await ok(call(reports, 'quarterlyReport', { year: 2026, quarter: 3 }, user));
    expect(last.submitted).toMatchObject({ version: 1, submittedBy: secretary.name, late: false, seenAt: null, figures: { contacts: { leadName: secretary.name } } });
    expect(last.submitted.submittedAt).toBe('2026-09-25T08:00:00.000Z');
    const current = await ok(call(reports, 'quarterlyReport', {}, user));
    expect(current.submitted).toBeNull();
    expect(current.current.contacts).toMatchObject({ leadName: secretary.name, leadPhone: secretary.phone });
    expect(current.canSubmit).toBe(true);
  });
});
