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
 * The community's members still with us and not on the order yet, each with their history in figures, in one
 * set-based statement: each input is read once for all the candidates (`= any(array(select … from candidate))`,
 * one index scan for the lot) and grouped by member, then joined to them; no subquery runs per candidate.
 * Past accepted orders and past attendance are the member's totals (index-only on assignments_member and
 * attendance_member) less those on orders not ended yet, which are few (orders_ends) however long the
 * history: so the history itself is never joined to orders.
 * Ordered by volunteer number (given in the order members join), so that ties in the ranking always fall the same way.
 * $1 community, $2 first day of the year, $3 now, $4 and $5 the order's start and end, $6 the order (null for a draft).
 */
export const CANDIDATES_SQL = `
  with candidate as (
    select m.user_id, m.volunteer_no, m.grid_id, m.posts, m.skills, m.availability, u.name, u.phone
      from members m join users u on u.id = m.user_id
     where m.community_id = $1 and u.left_at is null
       and not exists (select 1 from assignments a where a.order_id = $6 and a.member_id = m.user_id)
  ), minutes as (
    select r.member_id, sum(r.minutes_credited) as minutes
      from service_records r
     where r.member_id = any(array(select user_id from candidate)) and r.status = 'credited' and r.service_date >= $2::date
     group by r.member_id
  ), accepted as (
    select a.member_id, count(*) as n
      from assignments a
     where a.member_id = any(array(select user_id from candidate)) and a.status = 'accepted'
     group by a.member_id
  ), attended as (
    select t.member_id, count(*) as n
      from attendance t
     where t.member_id = any(array(select user_id from candidate))
     group by t.member_id
  ), later as (
    select o.id, o.starts_at, o.ends_at, o.status from orders o where o.ends_at >= least($3::timestamptz, $4::timestamptz)
  ), accepted_later as (
    select a.member_id,
           count(*) filter (where o.ends_at >= $3) as not_ended,
           count(*) filter (where o.status <> 'cancelled' and o.starts_at < $5 and o.ends_at > $4 and o.id is distinct from $6) as overlapping
      from later o
      join assignments a on a.order_id = o.id and a.status = 'accepted'
      join candidate c on c.user_id = a.member_id
     group by a.member_id
  ), attended_later as (
    select t.member_id, count(*) as not_ended
      from later o
      join attendance t on t.order_id = o.id
      join candidate c on c.user_id = t.member_id
     where o.ends_at >= $3
     group by t.member_id
  )
  select c.user_id as member_id, c.name, c.phone, c.volunteer_no, c.grid_id, g.name as grid_name, c.posts, c.skills, c.availability,
         coalesce(mn.minutes, 0) as minutes,
         (coalesce(ac.n, 0) - coalesce(al.not_ended, 0))::int as past_accepted,
         (coalesce(at.n, 0) - coalesce(tl.not_ended, 0))::int as past_attended,
         coalesce(al.overlapping, 0)::int as overlapping
    from candidate c
    left join organisations g on g.id = c.grid_id
    left join minutes mn on mn.member_id = c.user_id
    left join accepted ac on ac.member_id = c.user_id
    left join attended at on at.member_id = c.user_id
    left join accepted_later al on al.member_id = c.user_id
    left join attended_later tl on tl.member_id = c.user_id
   order by length(c.volunteer_no), c.volunteer_no`;

export const recommendCandidatesRepository = {
  candidates: (
    tx: Executor,
    query: { communityId: string; yearStart: string; now: Date; startsAt: string; endsAt: string; orderId: string | null },
  ) => tx.query<CandidateRow>(CANDIDATES_SQL, [query.communityId, query.yearStart, query.now, query.startsAt, query.endsAt, query.orderId]),
};
