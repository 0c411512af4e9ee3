import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { main as documents } from '../../cloudfunctions/documents/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { hasPdfToText, pdfText } from '../../cloudfunctions/_core/documents/pdf-text';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { countRows } from '../support/db-state';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const withPoppler = hasPdfToText() ? it : it.skip;

/** A service record written as the record rules store it: Beijing times, the minutes credited, who made it. */
async function addRecord(
  db: Database,
  r: { orderId: string; memberId: string; communityId: string; start: string; end: string; minutes: number; source: 'scan' | 'manual'; createdBy: string; status?: string; place?: string },
) {
  await db.query(
    `insert into service_records (id, order_id, member_id, certifying_org_id, content, place, service_date, started_at, ended_at,
                                  minutes_measured, minutes_credited, source, status, created_by)
     values ($1, $2, $3, $4, '陪伴独居老人', $5, ($6::timestamptz at time zone 'Asia/Shanghai')::date, $6::timestamptz, $7::timestamptz, $8, $8, $9, $10, $11)`,
    [randomUUID(), r.orderId, r.memberId, r.communityId, r.place ?? '社区活动室', r.start, r.end, r.minutes, r.source, r.status ?? 'credited', r.createdBy],
  );
}

async function addOrder(db: Database, o: { communityId: string; kind: 'activity' | 'demand'; startsAt: string; createdBy: string; place: string }) {
  const id = randomUUID();
  const demandId = o.kind === 'demand' ? randomUUID() : null;
  if (demandId) {
    await db.query(
      `insert into demands (id, community_id, requester_name, contact_phone, address, category, description, channel, status, created_by)
       values ($1, $2, '张大爷', '13800000000', $3, '为老服务', '需要有人陪伴', 'phone', 'accepted', $4)`,
      [demandId, o.communityId, o.place, o.createdBy],
    );
  }
  await db.query(
    `insert into orders (id, community_id, demand_id, kind, title, category, place, starts_at, ends_at, capacity, dispatch, status, created_by)
     values ($1, $2, $7, $3, '陪伴独居老人', '为老服务', $4, $5::timestamptz, $5::timestamptz + interval '3 hours', 10, 'open', 'completed', $6)`,
    [id, o.communityId, o.kind, o.place, o.startsAt, o.createdBy, demandId],
  );
  return id;
}

const evaluate = (db: Database, orderId: string, kind: 'resident' | 'organisation', rating: string, by: string) =>
  db.query('insert into evaluations (id, order_id, kind, rating, created_by) values ($1, $2, $3, $4, $5)', [randomUUID(), orderId, kind, rating, by]);

describe('社区服务（活动）记录卡 (004 附件5, issue 14)', () => {
  let db: Database;
  let home: TestCommunity;
  let neighbour: TestCommunity;
  let elsewhere: TestCommunity;
  let member: TestUser;
  let scanner: TestUser;
  let unitAdmin: TestUser;
  let otherUnitAdmin: TestUser;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  const clock = useWallClock(new Date('2026-11-23T01:00:00Z'));

  beforeAll(async () => {
    db = await openSuiteDatabase();
    home = await buildCommunity(db, 'RC', { members: 2, residents: 1 });
    neighbour = await buildCommunity(db, 'RN', { members: 1, residents: 0, districtId: home.districtId });
    elsewhere = await buildCommunity(db, 'RE', { members: 1, residents: 0 });
    [member] = home.members;
    scanner = home.members[1];
    await db.query('update users set name = $2 where id = $1', [member.id, '王堃喆燚']);
    unitAdmin = await createUnitAdmin(db, home.unitId);
    otherUnitAdmin = await createUnitAdmin(db, neighbour.unitId);
    districtAdmin = await createDistrictAdmin(db, home.districtId);
    otherDistrictAdmin = await createDistrictAdmin(db, elsewhere.districtId);

    const march = await addOrder(db, { communityId: home.communityId, kind: 'activity', startsAt: '2026-03-05T09:00:00+08:00', createdBy: home.secretary.id, place: '社区活动室' });
    await evaluate(db, march, 'organisation', 'excellent', home.secretary.id);
    await evaluate(db, march, 'resident', 'satisfied', home.residents[0].id);
    // Scanned: 09:00–11:30 Beijing, 150 minutes, made by the scanning member.
    await addRecord(db, { orderId: march, memberId: member.id, communityId: home.communityId, start: '2026-03-05T09:00:00+08:00', end: '2026-03-05T11:30:00+08:00', minutes: 150, source: 'scan', createdBy: scanner.id });
    // Hand-entered by the secretary: 45 minutes on a home service (the resident's address is masked).
    const home1 = await addOrder(db, { communityId: home.communityId, kind: 'demand', startsAt: '2026-06-10T14:00:00+08:00', createdBy: home.secretary.id, place: '测试小区1栋101室' });
    await evaluate(db, home1, 'resident', 'basic', home.residents[0].id);
    await addRecord(db, { orderId: home1, memberId: member.id, communityId: home.communityId, start: '2026-06-10T14:00:00+08:00', end: '2026-06-10T14:45:00+08:00', minutes: 45, source: 'manual', createdBy: home.secretary.id, place: '测试小区1栋101室' });
    // Served in the neighbouring community, certified by it: 23:30–00:10 Beijing crosses midnight, dated by its start.
    const late = await addOrder(db, { communityId: neighbour.communityId, kind: 'activity', startsAt: '2026-12-31T23:30:00+08:00', createdBy: neighbour.secretary.id, place: '邻社区广场' });
    await addRecord(db, { orderId: late, memberId: member.id, communityId: neighbour.communityId, start: '2026-12-31T23:30:00+08:00', end: '2027-01-01T00:10:00+08:00', minutes: 40, source: 'scan', createdBy: neighbour.secretary.id, place: '邻社区广场' });
    // Not on the 2026 card: pending approval, awaiting the resident, and last year's.
    const other = await addOrder(db, { communityId: home.communityId, kind: 'activity', startsAt: '2026-08-01T09:00:00+08:00', createdBy: home.secretary.id, place: '社区广场' });
    await addRecord(db, { orderId: other, memberId: member.id, communityId: home.communityId, start: '2026-08-01T09:00:00+08:00', end: '2026-08-01T19:00:00+08:00', minutes: 600, source: 'scan', createdBy: scanner.id, status: 'pending_approval' });
    const other2 = await addOrder(db, { communityId: home.communityId, kind: 'demand', startsAt: '2026-09-01T09:00:00+08:00', createdBy: home.secretary.id, place: '测试小区1栋101室' });
    await addRecord(db, { orderId: other2, memberId: member.id, communityId: home.communityId, start: '2026-09-01T09:00:00+08:00', end: '2026-09-01T10:00:00+08:00', minutes: 60, source: 'scan', createdBy: scanner.id, status: 'awaiting_resident' });
    const lastYear = await addOrder(db, { communityId: home.communityId, kind: 'activity', startsAt: '2025-12-31T23:00:00+08:00', createdBy: home.secretary.id, place: '社区广场' });
    await addRecord(db, { orderId: lastYear, memberId: member.id, communityId: home.communityId, start: '2025-12-31T23:00:00+08:00', end: '2025-12-31T23:50:00+08:00', minutes: 50, source: 'manual', createdBy: home.secretary.id });

    const training = randomUUID();
    await db.query(
      `insert into trainings (id, kind, title, organiser, organiser_org_id, started_on, ended_on, minutes, recorded_by, recorded_at, updated_at)
       values ($1, 'backbone', '党员义工骨干培训班', '测试街道RC党工委', $2, '2026-04-01', '2026-04-02', 480, $3, now(), now())`,
      [training, home.streetId, home.secretary.id],
    );
    await db.query('insert into training_participants (training_id, member_id) values ($1, $2)', [training, member.id]);
    await db.query(
      `insert into awards (id, member_id, title, level, awarded_on, awarding_body, recorded_org_id, recorded_by, recorded_at, updated_at)
       values ($1, $2, '优秀党员义工', 'street', '2026-07-01', '测试街道RC党工委', $3, $4, now(), now())`,
      [randomUUID(), member.id, home.communityId, home.secretary.id],
    );
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('should list each credited service of the year with its time, place, content, hours, evaluation and certification', async () => {
    const card = await ok(call(documents, 'recordCard', { year: 2026 }, member));
    expect(card.header).toEqual({
      memberId: member.id, name: '王堃喆燚', volunteerNo: expect.any(String), workUnit: '测试单位RC', community: '测试社区RC', year: 2026,
    });
    expect(card.header.volunteerNo).not.toBe('');
    expect(card.rows.map((row: any) => [row.time, row.place, row.content, row.hours, row.evaluation, row.certification, row.source])).toEqual([
      ['2026-03-05 09:00–11:30', '社区活动室', '陪伴独居老人', 2.5, '优；居民满意', `测试社区RC（扫码核验：${scanner.name}）`, 'scan'],
      ['2026-06-10 14:00–14:45', '测试小****', '陪伴独居老人', 0.75, '居民基本满意', `测试社区RC（补录：${home.secretary.name}）`, 'manual'],
      ['2026-12-31 23:30–00:10', '邻社区广场', '陪伴独居老人', 0.67, '', `测试社区RN（扫码核验：${neighbour.secretary.name}）`, 'scan'],
    ]);
    // 150 + 45 + 40 = 235 minutes = 3.92 hours; scanned 190 minutes = 3.17, hand-entered 45 = 0.75.
    expect(card.totals).toEqual({
      services: 3, hours: 3.92, verifiedServices: 2, verifiedHours: 3.17, handEnteredServices: 1, handEnteredHours: 0.75, pendingServices: 2,
    });
    expect(card.trainings).toEqual([
      { id: expect.any(String), kindLabel: '骨干培训', title: '党员义工骨干培训班', organiser: '测试街道RC党工委', period: '2026-04-01至2026-04-02', hours: 8 },
    ]);
    expect(card.awards).toEqual([{ id: expect.any(String), title: '优秀党员义工', levelLabel: '街道级', awardedOn: '2026-07-01', awardingBody: '测试街道RC党工委' }]);
  });

  it('should read the current Beijing year when none is given, and another year on its own', async () => {
    expect((await ok(call(documents, 'recordCard', {}, member))).header.year).toBe(2026);
    const last = await ok(call(documents, 'recordCard', { year: 2025 }, member));
    expect(last.rows.map((row: any) => [row.time, row.hours, row.source])).toEqual([['2025-12-31 23:00–23:50', 0.83, 'manual']]);
    expect(last.totals).toMatchObject({ services: 1, hours: 0.83, verifiedServices: 0, verifiedHours: 0, handEnteredServices: 1, handEnteredHours: 0.83, pendingServices: 0 });
    expect(last.trainings).toEqual([]);
    expect(last.awards).toEqual([]);
  });

  it('should let the secretary, the unit admin and the district admin read the member\'s card', async () => {
    for (const reader of [home.secretary, unitAdmin, districtAdmin]) {
      const card = await ok(call(documents, 'recordCard', { memberId: member.id, year: 2026 }, reader));
      expect(card.totals.services).toBe(3);
    }
  });

  it('should refuse another member, another community\'s secretary, another unit\'s admin and another district\'s admin, writing nothing', async () => {
    const refusals: [TestUser, string][] = [
      [scanner, 'DOCUMENT_NOT_YOURS'],
      [neighbour.secretary, 'DOCUMENT_NOT_YOURS'],
      [otherUnitAdmin, 'DOCUMENT_NOT_YOURS'],
      [otherDistrictAdmin, 'DOCUMENT_NOT_YOURS'],
      [home.residents[0], 'DOCUMENT_NOT_YOURS'],
    ];
    for (const [reader, code] of refusals) {
      for (const [action, extra] of [['recordCard', {}], ['exportRecordCard', { format: 'pdf' }]] as const) {
        const before = await countRows(db);
        const error = await failed(call(documents, action, { memberId: member.id, year: 2026, ...extra }, reader));
        expect([reader.name, action, error.code]).toEqual([reader.name, action, code]);
        expect(error.message).toMatch(/[\u4e00-\u9fff]/);
        expect(error.message).not.toContain(member.id);
        expect(await countRows(db)).toEqual(before);
      }
    }
    expect((await failed(call(documents, 'recordCard', { memberId: randomUUID() }, home.secretary))).code).toBe('DOCUMENT_NOT_YOURS');
    expect((await failed(call(documents, 'recordCard', { memberId: member.id }))).code).toBe('UNAUTHENTICATED');
  });

  it('should name the field of a bad year or format in Chinese', async () => {
    const year = await failed(call(documents, 'recordCard', { year: 1999 }, member));
    expect(year.code).toBe('VALIDATION_FAILED');
    expect(year.fields?.year).toMatch(/考核年度/);
    const format = await failed(call(documents, 'exportRecordCard', { format: 'doc' }, member));
    expect(format.fields?.format).toMatch(/导出格式/);
  });

  it('should export the card as a workbook laid out like the paper card, with the same cells', async () => {
    const file = await ok(call(documents, 'exportRecordCard', { year: 2026, format: 'xlsx', memberId: member.id }, home.secretary));
    expect(file.fileName).toBe('社区服务记录卡-王堃喆燚-2026.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('记录卡')!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('在职党员社区服务（活动）记录卡（2026年）');
    expect(String(values(2)[0])).toContain('在职党员姓名：王堃喆燚');
    expect(values(3)).toEqual(['年月日', '服务（活动）内容', '服务地点', '累计服务时间（小时）', '评价（优/良/一般）', '认证签字']);
    expect(values(4).slice(0, 4)).toEqual(['2026-03-05 09:00–11:30', '陪伴独居老人', '社区活动室', 2.5]);
    expect(values(5)[3]).toBe(0.75);
    expect(values(6)[3]).toBe(0.67);
    // Six ruled lines as on the paper card, then the total.
    expect(values(10)).toEqual(['合计', '3次', '', 3.92, '', '']);
    expect(String(values(11)[0])).toBe('其中扫码核验2次、3.17小时；补录1次、0.75小时。另有2条记录待审批或待居民确认，未计入。');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
  });

  withPoppler('should export the card as a PDF whose text comes back with the Chinese intact', async () => {
    const file = await ok(call(documents, 'exportRecordCard', { year: 2026, format: 'pdf' }, member));
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe('社区服务记录卡-王堃喆燚-2026.pdf');
    const text = pdfText(file.base64);
    // A cell wraps its text: compared without the line breaks pdftotext puts where the cell wrapped.
    const joined = text.replace(/\s+/g, '');
    for (const expected of [
      '在职党员社区服务（活动）记录卡（2026年）', '王堃喆燚', '测试单位RC', '测试社区RC', '2026-03-0509:00–11:30', '测试小****',
      '居民基本满意', '扫码核验', '补录', '党员义工骨干培训班', '优秀党员义工', '街道级', '社区认证：测试社区RC党组织', '（盖章）', '3.92',
    ]) {
      expect([expected, joined.includes(expected)]).toEqual([expected, true]);
    }
    expect(joined).not.toContain('测试小区1栋101室');
  });
});
