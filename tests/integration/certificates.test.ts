import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { main as certificates } from '../../cloudfunctions/certificates/index';
import { main as records } from '../../cloudfunctions/records/index';
import { VERIFIED_HOURS_STATEMENT } from '../../cloudfunctions/_core/certificates/certificates.schemas';
import { verificationCode } from '../../cloudfunctions/_core/certificates/verification-code';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { hasPdfToText, pdfText } from '../../cloudfunctions/_core/documents/pdf-text';
import { call, failed, ok, refusedUnchanged } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 10:00 Shanghai.
const NOW = new Date('2026-11-23T02:00:00Z');
const KEY = process.env.CERTIFICATE_KEY!;

/** The QR code on the PDF's last page, read from a grey-scale rendering (pdftoppm -gray writes PGM). */
function qrTextOf(base64: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certificate-qr-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.pdf'), Buffer.from(base64, 'base64'));
    execFileSync('/usr/bin/pdftoppm', ['-gray', '-r', '150', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const last = fs.readdirSync(dir).filter((name) => name.endsWith('.pgm')).sort().pop()!;
    const pgm = fs.readFileSync(path.join(dir, last));
    const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const grey = pgm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([grey[i], grey[i], grey[i], 255], i * 4);
    return jsQR(rgba, width, height)?.data ?? null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const certificateRows = (db: Database) =>
  db.query('select id, status, number, snapshot, refuse_reason, revoke_reason, replaces_id from certificates order by requested_at, id');

describe('certificates: 志愿服务证明, requested, issued by the organising community, verified by anyone', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let districtAdmin: TestUser;
  let member: TestUser;
  let otherMember: TestUser;
  let orderA: string;
  let orderB: string;
  const recordIds: Record<string, string> = {};
  const clock = useWallClock(NOW);

  /** A record of `member` at `community` on the order, scanned (verified) or hand-entered, credited unless said. */
  async function addRecord(
    label: string,
    r: { memberId: string; orderId: string; communityId: string; date: string; minutes: number; source: 'scan' | 'manual'; status?: string; content?: string; place?: string },
  ) {
    const id = randomUUID();
    const startedAt = `${r.date}T09:00:00+08:00`;
    await db.query(
      `insert into service_records (id, order_id, member_id, certifying_org_id, content, place, service_date, started_at, ended_at,
                                    minutes_measured, minutes_credited, source, status, created_by)
       values ($1, $2, $3, $4, $5, $6, $7::date, $8::timestamptz, $8::timestamptz + make_interval(mins => $9), $9, $9, $10, $11, $12)`,
      [id, r.orderId, r.memberId, r.communityId, r.content ?? '清洁家园', r.place ?? '社区广场', r.date, startedAt, r.minutes, r.source, r.status ?? 'credited', a.secretary.id],
    );
    recordIds[label] = id;
    return id;
  }

  async function addOrder(communityId: string, createdBy: string, startsAt: string) {
    const id = randomUUID();
    await db.query(
      `insert into orders (id, community_id, kind, title, category, place, starts_at, ends_at, capacity, dispatch, status, created_by)
       values ($1, $2, 'activity', '清洁家园', '环境美化', '社区广场', $3::timestamptz, $3::timestamptz + interval '8 hours', 50, 'open', 'completed', $4)`,
      [id, communityId, startsAt, createdBy],
    );
    return id;
  }

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'CA', { members: 2, residents: 0 });
    b = await buildCommunity(db, 'CB', { members: 1, residents: 0, districtId: a.districtId });
    districtAdmin = await createDistrictAdmin(db, a.districtId);
    [member, otherMember] = a.members;
    await db.query(`update users set name = '王堃喆燚' where id = $1`, [member.id]);
    await db.query(`update organisations set service_phone = '0750-5511941' where id = $1`, [a.communityId]);
    orderA = await addOrder(a.communityId, a.secretary.id, '2026-03-02T09:00:00+08:00');
    orderB = await addOrder(b.communityId, b.secretary.id, '2026-04-06T09:00:00+08:00');
    // At A: 90 + 45 + 150 scanned minutes in the first half, a hand entry of 120 and a pending one of 60 besides; one in July.
    await addRecord('a1', { memberId: member.id, orderId: orderA, communityId: a.communityId, date: '2026-03-02', minutes: 90, source: 'scan' });
    await addRecord('a2', { memberId: member.id, orderId: await addOrder(a.communityId, a.secretary.id, '2026-04-11T09:00:00+08:00'), communityId: a.communityId, date: '2026-04-11', minutes: 45, source: 'scan', content: '政策宣传', place: '社区活动室' });
    await addRecord('a3', { memberId: member.id, orderId: await addOrder(a.communityId, a.secretary.id, '2026-05-20T09:00:00+08:00'), communityId: a.communityId, date: '2026-05-20', minutes: 150, source: 'scan' });
    await addRecord('a4', { memberId: member.id, orderId: await addOrder(a.communityId, a.secretary.id, '2026-05-21T09:00:00+08:00'), communityId: a.communityId, date: '2026-05-21', minutes: 120, source: 'manual' });
    await addRecord('a5', { memberId: member.id, orderId: await addOrder(a.communityId, a.secretary.id, '2026-05-22T09:00:00+08:00'), communityId: a.communityId, date: '2026-05-22', minutes: 60, source: 'scan', status: 'pending_approval' });
    await addRecord('a6', { memberId: member.id, orderId: await addOrder(a.communityId, a.secretary.id, '2026-07-01T09:00:00+08:00'), communityId: a.communityId, date: '2026-07-01', minutes: 30, source: 'scan' });
    // At B, which organised a service of the same member: 75 scanned minutes.
    await addRecord('b1', { memberId: member.id, orderId: orderB, communityId: b.communityId, date: '2026-04-06', minutes: 75, source: 'scan', content: '助老服务', place: '长者饭堂' });
    // Another member's record, never on this member's certificate.
    await addRecord('x1', { memberId: otherMember.id, orderId: orderA, communityId: a.communityId, date: '2026-03-02', minutes: 200, source: 'scan' });
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const firstHalf = { from: '2026-01-01', to: '2026-06-30', purpose: '入学材料' };
  let atA: any;
  let atB: any;
  let issued: any;
  let reissued: any;

  describe('a request', () => {
    it('should split a period over the communities that organised verified service, one certificate each (谁组织谁证明)', async () => {
      const answer = await ok(call(certificates, 'request', firstHalf, member));
      expect(answer.certificates.map((c: any) => [c.communityName, c.status, c.number, c.hours]).sort()).toEqual([
        ['测试社区CA', 'requested', null, null],
        ['测试社区CB', 'requested', null, null],
      ]);
      atA = answer.certificates.find((c: any) => c.communityId === a.communityId);
      atB = answer.certificates.find((c: any) => c.communityId === b.communityId);
      expect(atA.requestId).toBe(atB.requestId);
      expect(atA).toMatchObject({ periodFrom: '2026-01-01', periodTo: '2026-06-30', purpose: '入学材料', chosenRecords: null, verifyUrl: null });
    });

    it('should refuse the same period again while it waits, writing nothing', async () => {
      await refusedUnchanged(() => certificateRows(db), () => call(certificates, 'request', firstHalf, member), 'CERTIFICATE_ALREADY_PENDING');
    });

    it('should refuse a period with no verified hours, records of someone else, or a period ending after today', async () => {
      await refusedUnchanged(() => certificateRows(db), () => call(certificates, 'request', { from: '2026-08-01', to: '2026-10-31' }, member), 'CERTIFICATE_NOTHING_TO_CERTIFY');
      await refusedUnchanged(() => certificateRows(db), () => call(certificates, 'request', { recordIds: [recordIds.x1] }, member), 'CERTIFICATE_RECORDS_NOT_YOURS');
      await refusedUnchanged(() => certificateRows(db), () => call(certificates, 'request', { recordIds: [recordIds.a4] }, member), 'CERTIFICATE_NOTHING_TO_CERTIFY');
      const late = await refusedUnchanged(() => certificateRows(db), () => call(certificates, 'request', { from: '2026-11-01', to: '2026-11-30' }, member), 'VALIDATION_FAILED');
      expect(late.fields).toEqual({ to: '结束日期不能晚于今天' });
    });

    it('should name the field when the period is half given, reversed, or mixed with chosen records', async () => {
      const half = await failed(call(certificates, 'request', { from: '2026-01-01' }, member));
      expect(half).toMatchObject({ code: 'VALIDATION_FAILED', fields: { to: '请填写证明期间的开始和结束日期' } });
      const reversed = await failed(call(certificates, 'request', { from: '2026-06-01', to: '2026-01-01' }, member));
      expect(reversed.fields).toEqual({ to: '结束日期不能早于开始日期' });
      const mixed = await failed(call(certificates, 'request', { ...firstHalf, recordIds: [recordIds.a1] }, member));
      expect(mixed.fields).toEqual({ recordIds: '请按期间或按所选记录申请，二者选一' });
      const none = await failed(call(certificates, 'request', {}, member));
      expect(none.fields).toEqual({ from: '请填写证明期间，或选择服务记录' });
    });

    it('should be for members only', async () => {
      const error = await failed(call(certificates, 'request', firstHalf, a.secretary));
      expect(error.code).toBe('FORBIDDEN');
    });
  });

  describe('the secretary of the organising community', () => {
    it('should see the waiting request with the verified hours and rows as the records say, hand-entered ones apart', async () => {
      const queue = await ok(call(certificates, 'pending', {}, a.secretary));
      expect(queue.certificates.map((c: any) => c.id)).toEqual([atA.id]);
      const { preview } = queue.certificates[0];
      expect(preview.minutes).toBe(90 + 45 + 150);
      expect(preview.serviceCount).toBe(3);
      expect(preview.lines.map((line: any) => [line.date, line.minutes])).toEqual([['2026-03-02', 90], ['2026-04-11', 45], ['2026-05-20', 150]]);
      expect(preview.contents).toEqual(['清洁家园', '政策宣传']);
      expect(preview.excluded).toEqual({ count: 1, minutes: 120 });
      expect(queue.certificates[0].member).toEqual({ name: '王堃喆燚', volunteerNo: expect.any(String) });
      const atBQueue = await ok(call(certificates, 'pending', {}, b.secretary));
      expect(atBQueue.certificates.map((c: any) => [c.id, c.preview.minutes])).toEqual([[atB.id, 75]]);
    });

    it('should leave another community, the district admin and the member out of deciding', async () => {
      const sign = { certificateId: atA.id, responsiblePerson: '李主任', contactPhone: '0750-5511941' };
      for (const caller of [b.secretary, districtAdmin, member]) {
        await refusedUnchanged(() => certificateRows(db), () => call(certificates, 'issue', sign, caller), 'FORBIDDEN');
      }
      await refusedUnchanged(() => certificateRows(db), () => call(certificates, 'refuse', { certificateId: atA.id, reason: '不予出具' }, b.secretary), 'FORBIDDEN');
      expect((await failed(call(certificates, 'pending', {}, member))).code).toBe('FORBIDDEN');
    });

    it('should refuse a 负责人 or phone that is not one, naming the field', async () => {
      const error = await refusedUnchanged(
        () => certificateRows(db),
        () => call(certificates, 'issue', { certificateId: atA.id, responsiblePerson: ' ', contactPhone: '12345' }, a.secretary),
        'VALIDATION_FAILED',
      );
      expect(Object.keys(error.fields!).sort()).toEqual(['contactPhone', 'responsiblePerson']);
    });

    it('should issue it: a number, the date, the signatures and the verified hours only, fixed in the snapshot', async () => {
      issued = await ok(call(certificates, 'issue', { certificateId: atA.id, responsiblePerson: '李主任', contactPhone: '0750-5511941' }, a.secretary));
      expect(issued).toMatchObject({ status: 'issued', issuedOn: '2026-11-23', hours: 4.7, number: expect.stringMatching(/^ZM2026-\d{6}$/) });
      const code = verificationCode(KEY, issued.number);
      expect(issued.verifyUrl).toContain(`no=${issued.number}&code=${code}`);
      const [row] = await db.query<{ snapshot: any }>('select snapshot from certificates where id = $1', [atA.id]);
      expect(row.snapshot).toMatchObject({
        volunteer: { name: '王堃喆燚' },
        service: { organisation: '测试社区CA', minutes: 285, serviceCount: 3, excluded: { count: 1, minutes: 120 } },
        issuer: { name: '测试社区CA', responsiblePerson: '李主任', handler: a.secretary.name, contactPhone: '0750-5511941' },
        number: issued.number,
        issuedOn: '2026-11-23',
        purpose: '入学材料',
        statement: VERIFIED_HOURS_STATEMENT,
        replacesNumber: null,
      });
      await refusedUnchanged(
        () => certificateRows(db),
        () => call(certificates, 'issue', { certificateId: atA.id, responsiblePerson: '李主任', contactPhone: '0750-5511941' }, a.secretary),
        'CERTIFICATE_NOT_PENDING',
      );
    });

    it('should refuse the other part with a reason the member then sees', async () => {
      const refused = await ok(call(certificates, 'refuse', { certificateId: atB.id, reason: '服务内容需核实' }, b.secretary));
      expect(refused).toMatchObject({ status: 'refused', refuseReason: '服务内容需核实', number: null });
      const mine = await ok(call(certificates, 'myCertificates', {}, member));
      expect(mine.certificates.map((c: any) => [c.communityName, c.status, c.refuseReason])).toEqual(
        expect.arrayContaining([['测试社区CA', 'issued', null], ['测试社区CB', 'refused', '服务内容需核实']]),
      );
      expect((await ok(call(certificates, 'myCertificates', {}, otherMember))).certificates).toEqual([]);
    });
  });

  describe('the PDF', () => {
    it('should carry the four blocks, the statement, the seal box and the code, with rarer name characters intact', async () => {
      const file = await ok(call(certificates, 'download', { certificateId: atA.id }, member));
      expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: `志愿服务证明-${issued.number}.pdf` });
      expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      if (!hasPdfToText()) return;
      const text = pdfText(file.base64).replace(/\s+/g, '');
      for (const words of ['志愿服务证明', '一、志愿者身份信息', '二、志愿服务信息', '三、出具单位信息', '四、证明编号及出具日期', '王堃喆燚',
        issued.number, '测试社区CA', '李主任', a.secretary.name, '0750-5511941', '2026-11-23', '4.7', '（盖章）', '入学材料',
        verificationCode(KEY, issued.number), VERIFIED_HOURS_STATEMENT.replace(/\s+/g, ''), '另有手工补录或更正的服务1次、2.0小时']) {
        expect([words, text.includes(words)]).toEqual([words, true]);
      }
      expect(qrTextOf(file.base64)).toBe(issued.verifyUrl);
    });

    it('should be for the member and the issuing secretary only', async () => {
      await ok(call(certificates, 'download', { certificateId: atA.id }, a.secretary));
      for (const caller of [otherMember, b.secretary, districtAdmin]) {
        expect((await failed(call(certificates, 'download', { certificateId: atA.id }, caller))).code).toBe('FORBIDDEN');
      }
      expect((await failed(call(certificates, 'download', { certificateId: atB.id }, member))).code).toBe('CERTIFICATE_NOT_ISSUED');
    });
  });

  describe('verification, open to anyone', () => {
    it('should answer valid with masked fields only, without a login', async () => {
      const answer = await ok(call(certificates, 'verify', { number: issued.number, code: verificationCode(KEY, issued.number) }));
      expect(answer).toEqual({
        status: 'valid',
        certificate: {
          number: issued.number, holderName: '王**燚', hours: 4.7, serviceCount: 3, periodFrom: '2026-01-01', periodTo: '2026-06-30',
          issuerName: '测试社区CA', issuedOn: '2026-11-23', revokedOn: null, replacedByNumber: null,
        },
      });
      const words = JSON.stringify(answer);
      for (const secret of ['王堃喆燚', '0750-5511941', member.phone, '李主任', a.secretary.name, '入学材料']) expect(words).not.toContain(secret);
    });

    it('should answer unknown to a made-up number, an altered code, or the code of another number', async () => {
      const code = verificationCode(KEY, issued.number);
      const altered = (code[0] === 'A' ? 'B' : 'A') + code.slice(1);
      const otherNumber = issued.number.replace(/\d$/, (d: string) => String((Number(d) + 1) % 10));
      for (const pair of [{ number: issued.number, code: altered }, { number: otherNumber, code }, { number: otherNumber, code: verificationCode(KEY, otherNumber) }, { number: 'ZM2026-999999', code: verificationCode('x'.repeat(32), 'ZM2026-999999') }]) {
        expect([pair, await ok(call(certificates, 'verify', pair))]).toEqual([pair, { status: 'unknown', certificate: null }]);
      }
    });
  });

  describe('after a record correction', () => {
    it('should leave the issued certificate as it was issued', async () => {
      const before = await db.query('select snapshot, number, issued_at from certificates where id = $1', [atA.id]);
      await ok(call(records, 'correct', {
        recordId: recordIds.a3, startedAt: '2026-05-20T09:00:00+08:00', endedAt: '2026-05-20T09:30:00+08:00', reason: '签退时间有误',
      }, a.secretary));
      expect(await db.query('select minutes_credited, source, status from service_records where id = $1', [recordIds.a3])).toEqual([
        { minutes_credited: 30, source: 'manual', status: 'credited' },
      ]);
      expect(await db.query('select snapshot, number, issued_at from certificates where id = $1', [atA.id])).toEqual(before);
      const check = await ok(call(certificates, 'verify', { number: issued.number, code: verificationCode(KEY, issued.number) }));
      expect(check.certificate.hours).toBe(4.7);
      const file = await ok(call(certificates, 'download', { certificateId: atA.id }, member));
      if (hasPdfToText()) expect(pdfText(file.base64)).toContain('4.7');
    });

    it('should refuse to rewrite an issued snapshot or delete a certificate even from SQL', async () => {
      await expect(db.query(`update certificates set snapshot = '{}'::jsonb where id = $1`, [atA.id])).rejects.toThrow();
      await expect(db.query('delete from certificates where id = $1', [atA.id])).rejects.toThrow();
    });
  });

  describe('revoke and reissue', () => {
    it('should let only the issuing secretary revoke, with a reason; verification then answers revoked', async () => {
      await refusedUnchanged(() => certificateRows(db), () => call(certificates, 'revoke', { certificateId: atA.id, reason: '记录已更正' }, b.secretary), 'FORBIDDEN');
      const revoked = await ok(call(certificates, 'revoke', { certificateId: atA.id, reason: '记录已更正' }, a.secretary));
      expect(revoked).toMatchObject({ status: 'revoked', revokeReason: '记录已更正', number: issued.number });
      const check = await ok(call(certificates, 'verify', { number: issued.number, code: verificationCode(KEY, issued.number) }));
      expect(check).toMatchObject({ status: 'revoked', certificate: { revokedOn: '2026-11-23', hours: 4.7 } });
      await refusedUnchanged(() => certificateRows(db), () => call(certificates, 'revoke', { certificateId: atA.id, reason: '再次作废' }, a.secretary), 'CERTIFICATE_NOT_REVOCABLE');
      expect((await failed(call(certificates, 'download', { certificateId: atA.id }, member))).code).toBe('CERTIFICATE_NOT_ISSUED');
    });

    it('should reissue under a new number naming the one it replaces, from the records as corrected', async () => {
      reissued = await ok(call(certificates, 'reissue', { certificateId: atA.id, responsiblePerson: '李主任', contactPhone: '0750-5511941', reason: '记录已更正' }, a.secretary));
      expect(reissued.number).not.toBe(issued.number);
      // 90 + 45 scanned minutes remain verified; the corrected record is hand-entered now and listed apart.
      expect(reissued).toMatchObject({ status: 'issued', replacesNumber: issued.number, hours: 2.2 });
      const [row] = await db.query<{ snapshot: any }>('select snapshot from certificates where number = $1', [reissued.number]);
      expect(row.snapshot.service).toMatchObject({ minutes: 135, serviceCount: 2 });
      expect(row.snapshot.service.excluded.count).toBe(2);
      expect(row.snapshot.replacesNumber).toBe(issued.number);
      const old = await ok(call(certificates, 'verify', { number: issued.number, code: verificationCode(KEY, issued.number) }));
      expect(old).toMatchObject({ status: 'revoked', certificate: { replacedByNumber: reissued.number } });
      const fresh = await ok(call(certificates, 'verify', { number: reissued.number, code: verificationCode(KEY, reissued.number) }));
      expect(fresh).toMatchObject({ status: 'valid', certificate: { hours: 2.2 } });
      await refusedUnchanged(
        () => certificateRows(db),
        () => call(certificates, 'reissue', { certificateId: atA.id, responsiblePerson: '李主任', contactPhone: '0750-5511941', reason: '又一次' }, a.secretary),
        'CERTIFICATE_ALREADY_REPLACED',
      );
      if (hasPdfToText()) {
        const file = await ok(call(certificates, 'download', { certificateId: reissued.id }, member));
        expect(pdfText(file.base64).replace(/\s+/g, '')).toContain(`本证明替代已作废的证明${issued.number}`);
      }
    });
  });

  describe('a request of chosen records', () => {
    it('should certify only the chosen verified records of each organising community', async () => {
      const answer = await ok(call(certificates, 'request', { recordIds: [recordIds.a6, recordIds.b1, recordIds.a4] }, member));
      expect(answer.certificates.map((c: any) => [c.communityId, c.chosenRecords, c.periodFrom, c.periodTo]).sort()).toEqual(
        [[a.communityId, 2, '2026-04-06', '2026-07-01'], [b.communityId, 1, '2026-04-06', '2026-07-01']].sort(),
      );
      const atBQueue = await ok(call(certificates, 'pending', {}, b.secretary));
      expect(atBQueue.certificates.map((c: any) => [c.preview.minutes, c.preview.serviceCount])).toEqual([[75, 1]]);
      const atAQueue = await ok(call(certificates, 'pending', {}, a.secretary));
      expect(atAQueue.certificates.map((c: any) => [c.preview.minutes, c.preview.serviceCount, c.preview.excluded])).toEqual([[30, 1, { count: 1, minutes: 120 }]]);
    });
  });
});
