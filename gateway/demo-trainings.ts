import { randomUUID } from 'node:crypto';
import type { Executor } from '../cloudfunctions/_core/db/database';
import { businessDate, businessYear } from '../cloudfunctions/_core/shared/business-time';

type Person = { id: string };

const DAY = 24 * 60 * 60 * 1000;

/**
 * The first community's 岗前培训 a week ago (today in the first week of January, so that it falls in this year) with the
 * demo member and two others, and an honour the demo member received, both recorded by the secretary.
 */
export async function seedTrainingsAndAwards(
  tx: Executor,
  { now, communityId, communityName, secretary, demoMember, others }: { now: Date; communityId: string; communityName: string; secretary: Person; demoMember: Person; others: Person[] },
): Promise<void> {
  const weekAgo = new Date(now.getTime() - 7 * DAY);
  const day = businessYear(weekAgo) === businessYear(now) ? businessDate(weekAgo) : businessDate(now);
  const trainingId = randomUUID();
  await tx.query(
    `insert into trainings (id, kind, title, organiser, organiser_org_id, started_on, ended_on, minutes, recorded_by, recorded_at, updated_at)
     values ($1, 'pre_service', '在职党员岗前培训', $2, $3, $4, $4, 120, $5, $6, $6)`,
    [trainingId, `${communityName}党委`, communityId, day, secretary.id, now],
  );
  const participants = [demoMember.id, ...others.slice(0, 2).map((member) => member.id)];
  await tx.query('insert into training_participants (training_id, member_id) select $1, unnest($2::uuid[])', [trainingId, participants]);
  await tx.query(
    `insert into training_audit (id, training_id, actor_id, action, reason, before, after, at) values ($1, $2, $3, 'recorded', '登记培训', null, $4, $5)`,
    [randomUUID(), trainingId, secretary.id, JSON.stringify({ title: '在职党员岗前培训', memberIds: participants }), now],
  );
  const awardId = randomUUID();
  await tx.query(
    `insert into awards (id, member_id, title, level, awarded_on, awarding_body, recorded_org_id, recorded_by, recorded_at, updated_at)
     values ($1, $2, '优秀党员义工', 'community', $3, $4, $5, $6, $7, $7)`,
    [awardId, demoMember.id, day, `${communityName}党委`, communityId, secretary.id, now],
  );
  await tx.query(
    `insert into award_audit (id, award_id, actor_id, action, reason, before, after, at) values ($1, $2, $3, 'recorded', '登记表彰奖励', null, $4, $5)`,
    [randomUUID(), awardId, secretary.id, JSON.stringify({ title: '优秀党员义工', memberId: demoMember.id }), now],
  );
}
