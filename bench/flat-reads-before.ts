/**
 * The statements orders.recommend and orders.listOpen sent before issue 12 (f5249c3), the baselines of
 * bench/flat-reads.ts; the first is also the reference tests/integration/recommend-ranking.test.ts compares the
 * set-based statement with, row for row. Same parameters as then.
 */

/** $1 community, $2 first day of the year, $3 now, $4 and $5 the order's start and end, $6 the order (null). */
export const RECOMMEND_PER_CANDIDATE = `
  select m.user_id as member_id, u.name, u.phone, m.volunteer_no, m.grid_id, g.name as grid_name, m.posts, m.skills, m.availability,
         coalesce((select sum(r.minutes_credited) from service_records r
                    where r.member_id = m.user_id and r.status = 'credited' and r.service_date >= $2::date), 0) as minutes,
         (select count(*) from assignments a join orders o on o.id = a.order_id
           where a.member_id = m.user_id and a.status = 'accepted' and o.ends_at < $3)::int as past_accepted,
         (select count(*) from attendance t join orders o on o.id = t.order_id
           where t.member_id = m.user_id and o.ends_at < $3)::int as past_attended,
         (select count(*) from assignments a join orders o on o.id = a.order_id
           where a.member_id = m.user_id and a.status = 'accepted' and o.status <> 'cancelled'
             and o.starts_at < $5 and o.ends_at > $4 and o.id is distinct from $6::uuid)::int as overlapping,
         exists (select 1 from assignments a where a.order_id = $6::uuid and a.member_id = m.user_id) as on_order
    from members m join users u on u.id = m.user_id left join organisations g on g.id = m.grid_id
   where m.community_id = $1 and u.left_at is null`;

/** $1 member, $2 community, $3 now, $4 category, $5 date, $6 limit, $7 offset, $8 search patterns. */
export const OPEN_HALL_OR = `
  select o.*,
         (select count(*) from attendance t where t.order_id = o.id)::int as checked_in_count,
         (select count(*) from attendance t where t.order_id = o.id and t.checked_out_at is not null)::int as checked_out_count,
         mine.status as my_status, my_time.checked_in_at as my_checked_in_at, my_time.checked_out_at as my_checked_out_at,
         d.resident_id as requester_id, d.requester_name, d.contact_phone as requester_phone,
         e.rating, e.comment as rating_comment, leader.name as leader_name,
         count(*) over () as total
    from orders o
    left join users leader on leader.id = o.leader_member_id
    left join assignments mine on mine.order_id = o.id and mine.member_id = $1
    left join attendance my_time on my_time.order_id = o.id and my_time.member_id = $1
    left join demands d on d.id = o.demand_id
    left join evaluations e on e.order_id = o.id and e.kind = 'organisation'
   where ((o.dispatch = 'open' and o.community_id = $2 and o.status in ('published', 'in_service')
           and o.accepted_count < o.capacity and mine.status is distinct from 'accepted')
          or (mine.status = 'invited' and o.status in ('published', 'in_service')))
     and o.ends_at > $3
     and ($4::text is null or o.category = $4)
     and ($5::date is null or (o.starts_at at time zone 'Asia/Shanghai')::date = $5::date)
     and not exists (
           select 1 from unnest($8::text[]) as word(pattern)
            where not (o.title ilike word.pattern escape '\\' or o.description ilike word.pattern escape '\\'
                       or (o.kind = 'activity' and o.place ilike word.pattern escape '\\')))
   order by (mine.status = 'invited') desc nulls last, o.starts_at, o.id
   limit $6 offset $7`;
