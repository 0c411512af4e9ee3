import { randomUUID } from 'node:crypto';
import { main as certificates } from '../../cloudfunctions/certificates/index';
import { verificationCode } from '../../cloudfunctions/_core/certificates/verification-code';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { hasPdfToText, pdfText } from '../../cloudfunctions/_core/documents/pdf-text';
import { addActivity, addService } from '../support/assessment-fixtures';
import { call, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity, type TestUser } from '../support/fixtures';
import { insertMemberProfile } from '../support/privacy-fixtures';
import { openSuiteDatabase } from '../support/test-database';

const ID_NUMBER = '44078119850601002X';
const KEY = process.env.CERTIFICATE_KEY!;

/** The 身份证号码 on a certificate only where the issuing community's district collects ID numbers (issue 14 §5). */
describe('certificates: the ID number where the district collects it', () => {
  const clock = useWallClock(new Date('2026-11-23T02:00:00Z'));
  let db: Database;
  let collecting: TestCommunity;
  let notCollecting: TestCommunity;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    collecting = await buildCommunity(db, 'IDY', { members: 1, residents: 0 });
    notCollecting = await buildCommunity(db, 'IDN', { members: 1, residents: 0 });
    await db.query('update district_settings set collect_id_numbers = true, updated_at = now() where district_id = $1', [collecting.districtId]);
    for (const community of [collecting, notCollecting]) {
      await insertMemberProfile(db, community.members[0].id, { homeAddress: '幸福小区1栋101', idNumber: ID_NUMBER });
      const orderId = await addActivity(db, { communityId: community.communityId, startsAt: '2026-03-02T09:00:00+08:00', createdBy: community.secretary.id });
      await addService(db, { orderId, memberId: community.members[0].id, communityId: community.communityId, serviceDate: '2026-03-02', minutes: 90, createdBy: community.secretary.id, source: 'scan' });
    }
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const issueFor = async (community: TestCommunity) => {
    const member = community.members[0];
    const asked = await ok(call(certificates, 'request', { from: '2026-01-01', to: '2026-06-30', purpose: `材料${randomUUID().slice(0, 4)}` }, member));
    const [certificate] = asked.certificates;
    return ok(call(certificates, 'issue', { certificateId: certificate.id, responsiblePerson: '李主任', contactPhone: '0750-5511941' }, community.secretary));
  };
  const textOf = async (certificateId: string, user: TestUser) =>
    pdfText((await ok(call(certificates, 'download', { certificateId }, user))).base64).replace(/\s+/g, '');

  it('should print it in full on the member\'s copy and masked on the issuing secretary\'s, and never in the public check', async () => {
    const issued = await issueFor(collecting);
    const [row] = await db.query<{ snapshot: any }>('select snapshot from certificates where id = $1', [issued.id]);
    expect(row.snapshot.volunteer.idNumber).toBe(ID_NUMBER);
    const check = await ok(call(certificates, 'verify', { number: issued.number, code: verificationCode(KEY, issued.number) }));
    expect(check.status).toBe('valid');
    expect(JSON.stringify(check)).not.toMatch(/4407|002X/);
    if (!hasPdfToText()) return;
    const membersCopy = await textOf(issued.id, collecting.members[0]);
    expect(membersCopy).toContain('身份证号码');
    expect(membersCopy).toContain(ID_NUMBER);
    const secretarysCopy = await textOf(issued.id, collecting.secretary);
    expect(secretarysCopy).not.toContain(ID_NUMBER);
    expect(secretarysCopy).toContain('440***********002X');
  });

  it('should leave it off where the district does not collect ID numbers', async () => {
    const issued = await issueFor(notCollecting);
    const [row] = await db.query<{ snapshot: any }>('select snapshot from certificates where id = $1', [issued.id]);
    expect(row.snapshot.volunteer.idNumber).toBeNull();
    if (!hasPdfToText()) return;
    const membersCopy = await textOf(issued.id, notCollecting.members[0]);
    expect(membersCopy).not.toContain('身份证号码');
    expect(membersCopy).not.toContain(ID_NUMBER);
  });
});
