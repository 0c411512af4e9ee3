import { randomUUID } from 'node:crypto';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { loadTrainingsAndAwards } from '../../cloudfunctions/_core/volunteer-record/training-awards.repository';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

describe('trainings and awards in the volunteer record (issue 14 item 6)', () => {
  let db: Database;
  let a: TestCommunity;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'TA', { members: 3, residents: 0 });
  });
  afterAll(async () => {
    await db.close();
  });

  it('loadTrainingsAndAwards reads the live entries of the period for many members at once', async () => {
    const [m1, m2, m3] = a.members;
    const insertTraining = async (title: string, endedOn: string, members: string[], withdrawn = false) => {
      const id = randomUUID();
      await db.query(
        `insert into trainings (id, kind, title, organiser, organiser_org_id, started_on, ended_on, minutes, recorded_by, recorded_at, updated_at,
                                withdrawn_at, withdrawn_by, withdraw_reason)
         values ($1, 'pre_service', $2, '测试社区TA党委', $3, $4::date - 1, $4, 90, $5, now(), now(), $6, $7, $8)`,
        [id, title, a.communityId, endedOn, a.secretary.id, withdrawn ? new Date() : null, withdrawn ? a.secretary.id : null, withdrawn ? '录错了' : null],
      );
      for (const member of members) await db.query('insert into training_participants (training_id, member_id) values ($1, $2)', [id, member]);
      return id;
    };
    const inside = await insertTraining('岗前培训一期', '2026-03-02', [m1.id, m2.id]);
    await insertTraining('去年的培训', '2025-12-31', [m1.id]);
    await insertTraining('撤回的培训', '2026-04-01', [m1.id], true);
    const award = randomUUID();
    await db.query(
      `insert into awards (id, member_id, title, level, awarded_on, awarding_body, recorded_org_id, recorded_by, recorded_at, updated_at)
       values ($1, $2, '优秀党员义工', 'city', '2026-06-30', '台山市委组织部', $3, $4, now(), now())`,
      [award, m2.id, a.communityId, a.secretary.id],
    );

    const loaded = await loadTrainingsAndAwards(db, [m1.id, m2.id, m3.id], { from: '2026-01-01', to: '2026-12-31' });
    expect(loaded.get(m1.id)).toEqual({
      trainings: [{ id: inside, kind: 'pre_service', title: '岗前培训一期', organiser: '测试社区TA党委', startedOn: '2026-03-01', endedOn: '2026-03-02', hours: 1.5 }],
      awards: [],
    });
    expect(loaded.get(m2.id)).toEqual({
      trainings: [expect.objectContaining({ id: inside })],
      awards: [{ id: award, title: '优秀党员义工', level: 'city', awardedOn: '2026-06-30', awardingBody: '台山市委组织部' }],
    });
    expect(loaded.get(m3.id)).toEqual({ trainings: [], awards: [] });
    expect((await loadTrainingsAndAwards(db, [], { from: '2026-01-01', to: '2026-12-31' })).size).toBe(0);
  });
});
