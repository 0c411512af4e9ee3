import type { Executor } from '../db/database';
import type { AwardLevel, TrainingKind } from './record-words';

export type { AwardLevel, TrainingKind };

/** A training a member took part in: 骨干培训 (backbone) or 岗前培训 (pre_service). Dates are Beijing days. */
export interface TrainingEntry {
  id: string;
  kind: TrainingKind;
  title: string;
  organiser: string;
  startedOn: string;
  endedOn: string;
  hours: number;
}

/** An honour (表彰奖励) a member received. */
export interface AwardEntry {
  id: string;
  title: string;
  level: AwardLevel;
  awardedOn: string;
  awardingBody: string;
}

export interface TrainingsAndAwards {
  trainings: TrainingEntry[];
  awards: AwardEntry[];
}

interface TrainingRow {
  member_id: string;
  id: string;
  kind: TrainingKind;
  title: string;
  organiser: string;
  started_on: string;
  ended_on: string;
  minutes: number;
}

interface AwardRow {
  member_id: string;
  id: string;
  title: string;
  level: AwardLevel;
  awarded_on: string;
  awarding_body: string;
}

/**
 * The live (not withdrawn) trainings and awards of each member within a period (YYYY-MM-DD Beijing days, inclusive):
 * a training counts when it ended within the period, an award when it was awarded within it. Two statements for any
 * number of members; every member asked for has an entry, empty when nothing was recorded.
 */
export async function loadTrainingsAndAwards(
  tx: Executor,
  memberIds: string[],
  period: { from: string; to: string },
): Promise<Map<string, TrainingsAndAwards>> {
  const result = new Map<string, TrainingsAndAwards>();
  for (const id of memberIds) result.set(id, { trainings: [], awards: [] });
  if (memberIds.length === 0) return result;

  const trainings = await tx.query<TrainingRow>(
    `select p.member_id, t.id, t.kind, t.title, t.organiser,
            to_char(t.started_on, 'YYYY-MM-DD') as started_on, to_char(t.ended_on, 'YYYY-MM-DD') as ended_on, t.minutes
       from training_participants p
       join trainings t on t.id = p.training_id
      where p.member_id = any($1::uuid[]) and t.withdrawn_at is null
        and t.ended_on between $2::date and $3::date
      order by t.started_on, t.title, t.id`,
    [memberIds, period.from, period.to],
  );
  for (const row of trainings) {
    result.get(row.member_id)?.trainings.push({
      id: row.id,
      kind: row.kind,
      title: row.title,
      organiser: row.organiser,
      startedOn: row.started_on,
      endedOn: row.ended_on,
      hours: Number(row.minutes) / 60,
    });
  }

  const awards = await tx.query<AwardRow>(
    `select member_id, id, title, level, to_char(awarded_on, 'YYYY-MM-DD') as awarded_on, awarding_body
       from awards
      where member_id = any($1::uuid[]) and withdrawn_at is null
        and awarded_on between $2::date and $3::date
      order by awarded_on, title, id`,
    [memberIds, period.from, period.to],
  );
  for (const row of awards) {
    result.get(row.member_id)?.awards.push({
      id: row.id,
      title: row.title,
      level: row.level,
      awardedOn: row.awarded_on,
      awardingBody: row.awarding_body,
    });
  }
  return result;
}
