/**
 * The scale bench's baselines: for each action, the one plain SQL statement that returns the same answer
 * (the same rows and figures; the product adds the session check, validation, masking and, for recommend,
 * the ranking in words), run on the same database in the same run. Parameters are listed above each one.
 */

/** $1 community, $2 first day of this year, $3 now, $4 starts at, $5 ends at: every candidate with what the ranking weighs. */
export const RECOMMEND = `
with candidates as (
  select m.user_id, u.name, u.phone, m.volunteer_no, m.grid_id, m.posts, m.skills, m.availability
    from members m join users u on u.id = m.user_id
   where m.community_id = $1 and u.left_at is null
), minutes as (
  select r.member_id, sum(r.minutes_credited) as minutes
    from service_records r join candidates c on c.user_id = r.member_id
   where r.status = 'credited' and r.service_date >= $2::date
   group by r.member_id
), accepted as (
  select a.member_id,
         count(*) filter (where o.ends_at < $3) as past_accepted,
         count(*) filter (where o.status <> 'cancelled' and o.starts_at < $5 and o.ends_at > $4) as overlapping
    from assignments a join candidates c on c.user_id = a.member_id join orders o on o.id = a.order_id
   where a.status = 'accepted'
   group by a.member_id
), attended as (
  select t.member_id, count(*) as past_attended
    from attendance t join candidates c on c.user_id = t.member_id join orders o on o.id = t.order_id
   where o.ends_at < $3
   group by t.member_id
)
select c.user_id, c.name, c.phone, c.volunteer_no, g.name as grid_name, c.posts, c.skills, c.availability,
       coalesce(mi.minutes, 0) as minutes, coalesce(ac.past_accepted, 0) as past_accepted,
       coalesce(at.past_attended, 0) as past_attended, coalesce(ac.overlapping, 0) as overlapping
  from candidates c
  left join organisations g on g.id = c.grid_id
  left join minutes mi on mi.member_id = c.user_id
  left join accepted ac on ac.member_id = c.user_id
  left join attended at on at.member_id = c.user_id`;

/** $1 district: streets, communities and grids with members, residents and secretaries; units with 在职党员, pairings and admins. */
export const ORG_TREE = `
with streets as (
  select id, name from organisations where parent_id = $1 and kind = 'street' and archived_at is null
), communities as (
  select c.id, c.name, c.parent_id from organisations c join streets s on s.id = c.parent_id
   where c.kind = 'community' and c.archived_at is null
), grids as (
  select g.id, g.name, g.parent_id from organisations g join communities c on c.id = g.parent_id
   where g.kind = 'grid' and g.archived_at is null
), member_counts as (
  select p.community_id, p.grid_id, count(*) as n
    from members p join users u on u.id = p.user_id and u.left_at is null join communities c on c.id = p.community_id
   group by 1, 2
), resident_counts as (
  select p.community_id, p.grid_id, count(*) as n
    from residents p join users u on u.id = p.user_id and u.left_at is null join communities c on c.id = p.community_id
   group by 1, 2
), member_totals as (
  select community_id, sum(n) as n from member_counts group by 1
), resident_totals as (
  select community_id, sum(n) as n from resident_counts group by 1
), grid_lists as (
  select g.parent_id as community_id,
         json_agg(json_build_object('id', g.id, 'name', g.name, 'members', coalesce(mc.n, 0), 'residents', coalesce(rc.n, 0)) order by g.name) as grids
    from grids g left join member_counts mc on mc.grid_id = g.id left join resident_counts rc on rc.grid_id = g.id
   group by g.parent_id
), secretaries as (
  select r.org_id, json_agg(json_build_object('userId', u.id, 'name', u.name, 'phone', u.phone) order by u.name) as people
    from user_roles r join users u on u.id = r.user_id
   where r.role = 'secretary' and r.org_id = any(array(select id from communities))
   group by r.org_id
), community_lists as (
  select c.parent_id as street_id,
         json_agg(json_build_object('id', c.id, 'name', c.name, 'members', coalesce(mt.n, 0), 'residents', coalesce(rt.n, 0),
                                    'secretaries', s.people, 'grids', gl.grids) order by c.name) as communities
    from communities c
    left join member_totals mt on mt.community_id = c.id
    left join resident_totals rt on rt.community_id = c.id
    left join secretaries s on s.org_id = c.id
    left join grid_lists gl on gl.community_id = c.id
   group by c.parent_id
), units_here as (
  select id, name, kind from units where district_id = $1
), in_service as (
  select m.unit_id, count(*) as reported
    from members m join users u on u.id = m.user_id and u.left_at is null join units_here un on un.id = m.unit_id
   where m.member_type in ('in_service', 'probationary')
   group by m.unit_id
), waiting as (
  select s.unit_id, count(*) as waiting
    from report_slips s join units_here un on un.id = s.unit_id
   where s.cancelled_at is null and s.member_phone is not null
     and not exists (select 1 from members m join users u on u.id = m.user_id and u.left_at is null
                      where m.unit_id = s.unit_id and u.phone = s.member_phone and m.member_type in ('in_service', 'probationary'))
   group by s.unit_id
), pairings as (
  select p.unit_id, json_agg(json_build_object('communityId', o.id, 'communityName', o.name, 'pairedOn', p.paired_on) order by p.paired_on, o.name) as list
    from unit_community_pairings p join units_here un on un.id = p.unit_id join organisations o on o.id = p.community_id
   where o.archived_at is null
   group by p.unit_id
), admins as (
  select r.unit_id, json_agg(json_build_object('userId', u.id, 'name', u.name, 'phone', u.phone) order by u.name) as people
    from user_roles r join units_here un on un.id = r.unit_id join users u on u.id = r.user_id
   where r.role = 'unit_admin'
   group by r.unit_id
)
select json_build_object(
  'members', (select coalesce(sum(n), 0) from member_counts),
  'residents', (select coalesce(sum(n), 0) from resident_counts),
  'streets', (select json_agg(json_build_object('id', s.id, 'name', s.name, 'communities', cl.communities) order by s.name)
                from streets s left join community_lists cl on cl.street_id = s.id),
  'units', (select json_agg(json_build_object(
                     'id', un.id, 'name', un.name, 'kind', un.kind, 'reported', coalesce(i.reported, 0),
                     'inService', coalesce(i.reported, 0) + coalesce(w.waiting, 0), 'pairings', p.list, 'admins', a.people) order by un.name)
              from units_here un
              left join in_service i on i.unit_id = un.id
              left join waiting w on w.unit_id = un.id
              left join pairings p on p.unit_id = un.id
              left join admins a on a.unit_id = un.id)
) as tree`;

/** $1 community, $2 first day of the year, $3 first day of the next: the newest 20 records certified there, and how many. */
export const COMMUNITY_RECORDS = `
select r.id, r.order_id, r.member_id, u.name as member_name, m.volunteer_no, r.content, r.place, r.service_date, r.started_at,
       r.ended_at, r.minutes_measured, r.minutes_credited, r.source, r.status, o.kind, o.title,
       (select count(*) from service_records c where c.certifying_org_id = $1 and c.service_date >= $2 and c.service_date < $3) as total
  from (select id from service_records where certifying_org_id = $1 and service_date >= $2 and service_date < $3
         order by started_at desc, id limit 20) page
  join service_records r on r.id = page.id
  join users u on u.id = r.member_id
  join members m on m.user_id = r.member_id
  join orders o on o.id = r.order_id
 order by r.started_at desc, r.id`;

/**
 * $1 community, $2 the secretary: every current member's register line with full phone and address, and the
 * access-log rows that export writes (phone for each, address for those who gave one), in one statement.
 */
export const EXPORT_REGISTER_WITH_CONTACTS = `
with register as (
  select m.user_id, m.volunteer_no, m.member_type, u.name, u.phone, m.skills, m.posts, grid.name as grid_name,
         unit.name as unit_name, unit.kind as unit_kind, p.gender, p.birth_month, p.joined_party_month, p.education, p.hobbies,
         p.work_unit, p.job_title, p.unit_phone, p.home_address, p.service_intentions, p.willing_other_services,
         coalesce(h.decided_at, m.created_at) as reported_at
    from members m
    join users u on u.id = m.user_id and u.left_at is null
    left join member_profiles p on p.user_id = m.user_id
    left join units unit on unit.id = m.unit_id
    left join organisations grid on grid.id = m.grid_id
    left join lateral (select r.decided_at from member_community_history mh join registrations r on r.id = mh.registration_id
                        where mh.member_id = m.user_id and mh.left_at is null) h on true
   where m.community_id = $1
), logged as (
  insert into access_log (id, viewer_id, subject_user_id, community_id, field, purpose, at)
  select gen_random_uuid(), $2, g.user_id, $1, f.field, '导出登记表', now()
    from register g cross join (values ('phone'), ('address')) f(field)
   where f.field = 'phone' or g.home_address is not null
)
select * from register order by reported_at, volunteer_no`;

/** $1 unit: its reported 在职党员 with their communities, and the holders of its open 报到单 not yet reported with their latest registration. */
export const UNIT_STATISTICS = `
select 'reported' as kind, u.name, u.phone, c.name as community_name, m.community_id, null::date as report_by, null::text as reason,
       null::text as registration_status
  from members m join users u on u.id = m.user_id and u.left_at is null join organisations c on c.id = m.community_id
 where m.unit_id = $1 and m.member_type in ('in_service', 'probationary')
union all
select 'waiting', s.member_name, s.member_phone, c.name, s.community_id, s.report_by, s.not_reported_reason, r.status
  from report_slips s
  join organisations c on c.id = s.community_id
  left join lateral (select status from registrations where slip_id = s.id order by submitted_at desc limit 1) r on true
 where s.unit_id = $1 and s.cancelled_at is null and s.member_phone is not null
   and not exists (select 1 from members m join users u on u.id = m.user_id and u.left_at is null
                    where m.unit_id = s.unit_id and u.phone = s.member_phone and m.member_type in ('in_service', 'probationary'))`;

/** $1 member, $2 community, $3 now: the first page of the order hall (sent to me first, then soonest), and how many. */
export const OPEN_HALL = `
with hall as (
  select o.id, 1 as rank from orders o
   where o.community_id = $2 and o.dispatch = 'open' and o.status in ('published', 'in_service') and o.accepted_count < o.capacity
     and o.ends_at > $3
     and not exists (select 1 from assignments a where a.order_id = o.id and a.member_id = $1 and a.status in ('accepted', 'invited'))
  union all
  select a.order_id, 0 from assignments a join orders o on o.id = a.order_id
   where a.member_id = $1 and a.status = 'invited' and o.status in ('published', 'in_service') and o.ends_at > $3
)
select o.id, o.title, o.category, o.place, o.starts_at, o.ends_at, o.capacity, o.accepted_count, o.dispatch, o.status, c.name as community_name,
       (select count(*) from hall) as total
  from (select id, rank from hall) h join orders o on o.id = h.id join organisations c on c.id = o.community_id
 order by h.rank, o.starts_at, o.id
 limit 20`;
