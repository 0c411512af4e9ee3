import type { Executor } from '../db/database';

export interface CandidateRow {
  member_id: string;
  name: string;
  phone: string | null;
  volunteer_no: string;
  grid_id: string | null;
  grid_name: string | null;
  posts: string[];
  skills: string[];
  availability: Record<string, string[]>;
  minutes: string;
  past_accepted: number;
  past_attended: number;
  overlapping: number;
}

/**
 * The community's members still with us and not on the order yet, each with their history in figures.
 * Set-based: every input (credited minutes, accepted orders, attendance) is read once for all the
 * candidates by its member index and grouped, then joined to them; no statement runs per candidate.
 * Ordered by volunteer number (given in the order members join), so that ties in the ranking always fall the same way.
 */
export const CANDIDATES_SQL = `
  with candidate as (
    select m.user_id, m.volunteer_no, m.grid_id, m.posts, m.skills, m.availability, u.name, u.phone
      from members m join users u on u.id = m.user_id
     where m.community_id = $1 and u.left_at is null
       and not exists (select 1 from assignments a where a.order_id = $6 and a.member_id = m.user_id)
  ), minutes as (
    select r.member_id, sum(r.minutes_credited) as minutes
      from candidate c join service_records r on r.member_id = c.user_id
     where r.status = 'credited' and r.service_date >= $2::date
     group by r.member_id
  ), accepted as (
    select a.member_id,
           count(*) filter (where o.ends_at < $3) as past_accepted,
           count(*) filter (where o.status <> 'cancelled' and o.starts_at < $5 and o.ends_at > $4 and o.id is distinct from $6) as overlapping
      from candidate c join assignments a on a.member_id = c.user_id and a.status = 'accepted' join orders o on o.id = a.order_id
     group by a.member_id
  ), attended as (
    select t.member_id, count(*) as past_attended
      from candidate c join attendance t on t.member_id = c.user_id join orders o on o.id = t.order_id
     where o.ends_at < $3
     group by t.member_id
  )
  select c.user_id as member_id, c.name, c.phone, c.volunteer_no, c.grid_id, g.name as grid_name, c.posts, c.skills, c.availability,
         coalesce(mn.minutes, 0) as minutes,
         coalesce(ac.past_accepted, 0)::int as past_accepted,
         coalesce(at.past_attended, 0)::int as past_attended,
         coalesce(ac.overlapping, 0)::int as overlapping
    from candidate c
    left join organisations g on g.id = c.grid_id
    left join minutes mn on mn.member_id = c.user_id
    left join accepted ac on ac.member_id = c.user_id
    left join attended at on at.member_id = c.user_id
   order by length(c.volunteer_no), c.volunteer_no`;

export const recommendCandidatesRepository = {
  candidates: (
    tx: Executor,
    query: { communityId: string; yearStart: string; now: Date; startsAt: string; endsAt: string; orderId: string | null },
  ) => tx.query<CandidateRow>(CANDIDATES_SQL, [query.communityId, query.yearStart, query.now, query.startsAt, query.endsAt, query.orderId]),
};
