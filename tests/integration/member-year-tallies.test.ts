import { main as records } from '../../cloudfunctions/records/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { addActivity, addService } from '../support/assessment-fixtures';
import { call, ok } from '../support/call';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { tallyMismatches } from '../support/tally-check';
import { openSuiteDatabase } from '../support/test-database';

const tallyOf = async (db: Database, memberId: string, year: number) =>
  (await db.query('select q1_services, q1_minutes, q2_services, q2_minutes, q3_services, q3_minutes, q4_services, q4_minutes from member_year_tallies where member_id = $1 and year = $2', [memberId, year]))[0];

describe('member_year_tallies: each member\'s credited services per quarter, kept with every write to the records (issue 13)', () => {
  let db: Database;
  let community: TestCommunity;
  let orderId: string;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'TY', { members: 2, residents: 0 });
    orderId = await addActivity(db, { communityId: community.communityId, startsAt: '2026-03-01T09:00:00+08:00', createdBy: community.secretary.id });
  });
  afterAll(() => db.close());

  const service = (memberId: string, serviceDate: string, minutes: number, status?: 'pending_approval') =>
    addService(db, { orderId, memberId, communityId: community.communityId, serviceDate, minutes, createdBy: community.secretary.id, status });

  it('should count credited records by quarter and year, and not pending ones', async () => {
    const [a] = community.members;
    await service(a.id, '2026-01-05', 90);
    await service(a.id, '2026-03-31', 60);
    await service(a.id, '2026-10-01', 30);
    await service(a.id, '2026-11-01', 45, 'pending_approval');
    await service(a.id, '2025-12-31', 600);
    expect(await tallyOf(db, a.id, 2026)).toEqual({ q1_services: 2, q1_minutes: 150, q2_services: 0, q2_minutes: 0, q3_services: 0, q3_minutes: 0, q4_services: 1, q4_minutes: 30 });
    expect(await tallyOf(db, a.id, 2025)).toMatchObject({ q4_services: 1, q4_minutes: 600 });
    expect(await tallyMismatches(db)).toEqual([]);
  });

  it('should follow an approval, a change of minutes, a move to another quarter or year, and a deletion', async () => {
    const [a] = community.members;
    await db.query(`update service_records set status = 'credited' where member_id = $1 and service_date = '2026-11-01'`, [a.id]);
    expect(await tallyOf(db, a.id, 2026)).toMatchObject({ q4_services: 2, q4_minutes: 75 });
    await db.query(`update service_records set minutes_credited = 20, minutes_measured = 20 where member_id = $1 and service_date = '2026-01-05'`, [a.id]);
    await db.query(`update service_records set service_date = '2026-04-01' where member_id = $1 and service_date = '2026-03-31'`, [a.id]);
    await db.query(`update service_records set service_date = '2026-12-31' where member_id = $1 and service_date = '2025-12-31'`, [a.id]);
    await db.query(`update service_records set status = 'pending_approval' where member_id = $1 and service_date = '2026-10-01'`, [a.id]);
    await db.query(`delete from service_records where member_id = $1 and service_date = '2026-11-01'`, [a.id]);
    expect(await tallyOf(db, a.id, 2026)).toEqual({ q1_services: 1, q1_minutes: 20, q2_services: 1, q2_minutes: 60, q3_services: 0, q3_minutes: 0, q4_services: 1, q4_minutes: 600 });
    expect(await tallyOf(db, a.id, 2025)).toMatchObject({ q4_services: 0, q4_minutes: 0 });
    expect(await tallyMismatches(db)).toEqual([]);
  });

  it('should follow a secretary\'s correction through records.correct', async () => {
    const [, b] = community.members;
    await service(b.id, '2026-03-01', 60);
    const [record] = await db.query<{ id: string }>('select id from service_records where member_id = $1', [b.id]);
    await ok(call(records, 'correct', { recordId: record.id, startedAt: '2026-03-01T09:00:00+08:00', endedAt: '2026-03-01T09:40:00+08:00', reason: '按签到表更正' }, community.secretary));
    expect(await tallyOf(db, b.id, 2026)).toMatchObject({ q1_services: 1, q1_minutes: 40 });
    expect(await tallyMismatches(db)).toEqual([]);
  });

  it('should keep counting in a bulk load that skips ordinary triggers (session_replication_role = replica)', async () => {
    const [, b] = community.members;
    await db.transaction(async (tx) => {
      await tx.query('set local session_replication_role = replica');
      await tx.query(
        `insert into service_records (id, order_id, member_id, certifying_org_id, content, place, service_date, started_at, ended_at,
                                      minutes_measured, minutes_credited, source, status, created_by)
         values (gen_random_uuid(), $1, $2, $3, '清洁家园', '社区广场', '2026-08-08', '2026-08-08T09:00:00+08:00', '2026-08-08T10:00:00+08:00', 60, 60, 'manual', 'credited', $4)`,
        [orderId, b.id, community.communityId, community.secretary.id],
      );
    });
    expect(await tallyOf(db, b.id, 2026)).toMatchObject({ q3_services: 1, q3_minutes: 60 });
    expect(await tallyMismatches(db)).toEqual([]);
  });

  it('should move a member\'s tallies with them when they move to another community, in a bulk load too', async () => {
    const [a, b] = community.members;
    const other = await buildCommunity(db, 'TZ', { members: 0, residents: 0, districtId: community.districtId });
    const communityOfTallies = async (memberId: string) =>
      (await db.query<{ community_id: string }>('select distinct community_id from member_year_tallies where member_id = $1', [memberId])).map((row) => row.community_id);
    expect(await communityOfTallies(a.id)).toEqual([community.communityId]);
    await db.query('update members set community_id = $2 where user_id = $1', [a.id, other.communityId]);
    expect(await communityOfTallies(a.id)).toEqual([other.communityId]);
    await db.transaction(async (tx) => {
      await tx.query('set local session_replication_role = replica');
      await tx.query('update members set community_id = $2 where user_id = $1', [b.id, other.communityId]);
    });
    expect(await communityOfTallies(b.id)).toEqual([other.communityId]);
    expect(await tallyMismatches(db)).toEqual([]);
  });
});
