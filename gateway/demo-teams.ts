import { randomUUID } from 'node:crypto';
import type { Executor } from '../cloudfunctions/_core/db/database';
import { businessYear } from '../cloudfunctions/_core/shared/business-time';

type Person = { id: string };

const DAY = 24 * 60 * 60 * 1000;

/**
 * A 服务队 in the first community: its captain and a few members (the demo member among them), and this year's latest
 * completed activity there marked as its 集中性活动 — so the team has held one this year. In the first days of January,
 * before any activity of the new year was completed, it has held none yet.
 */
export async function seedTeams(
  tx: Executor,
  { now, communityId, secretary, demoMember, others }: { now: Date; communityId: string; secretary: Person; demoMember: Person; others: Person[] },
): Promise<void> {
  const year = businessYear(now);
  const [held] = await tx.query<{ id: string }>(
    `select o.id from orders o
      where o.community_id = $1 and o.kind = 'activity' and o.status = 'completed' and o.starts_at >= $2 and o.starts_at < $3
        and exists (select 1 from attendance a where a.order_id = o.id)
      order by o.starts_at desc limit 1`,
    [communityId, `${year}-01-01T00:00:00+08:00`, now],
  );
  const attendees = held
    ? (await tx.query<{ member_id: string }>('select member_id from attendance where order_id = $1 order by checked_in_at, member_id', [held.id])).map((row) => row.member_id)
    : [];
  const captain = attendees.find((id) => id !== demoMember.id) ?? others[0].id;
  const members = [...new Set([captain, ...attendees.slice(0, 4), demoMember.id, ...others.slice(0, 2).map((member) => member.id)])];
  const teamId = randomUUID();
  const formedAt = new Date(now.getTime() - 90 * DAY);
  await tx.query(
    `insert into teams (id, community_id, kind, name, description, captain_member_id, created_by, created_at)
     values ($1, $2, 'service_team', '红色先锋服务队', '楼道清洁、助老陪伴，每季度开展集中性活动', $3, $4, $5)`,
    [teamId, communityId, captain, secretary.id, formedAt],
  );
  await tx.query('insert into team_members (team_id, member_id, joined_at) select $1, id, $3 from unnest($2::uuid[]) as id', [teamId, members, formedAt]);
  if (held) await tx.query('update orders set focused_team_id = $2 where id = $1', [held.id, teamId]);
}
