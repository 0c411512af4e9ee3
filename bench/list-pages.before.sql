-- The paged lists' statements as f5249c3 sent them (count(*) over () on the fully joined rows), kept as the
-- baseline of bench/list-pages.ts; each one's parameters are those its action sends today.

-- name: records.listForCommunity
select r.id, r.order_id, r.member_id, u.name as member_name, m.volunteer_no, r.certifying_org_id,
         org.name as certifying_org_name, r.content, r.place, to_char(r.service_date, 'YYYY-MM-DD') as service_date,
         r.started_at, r.ended_at, r.minutes_measured, r.minutes_credited, r.source, r.status,
         o.kind as order_kind, o.title as order_title, vu.name as verifier_name, o.resident_confirmed_at,
         eo.rating as organisation_rating, er.rating as resident_rating, es.comment as self_comment, es.rating as self_rating,
         case when r.status = 'pending_approval' then
           (select coalesce(sum(day.minutes_credited), 0) from service_records day
             where day.member_id = r.member_id and day.service_date = r.service_date and day.status = 'credited') end as day_credited_minutes,
         count(*) over () as total
    from service_records r
    join users u on u.id = r.member_id
    join members m on m.user_id = r.member_id
    join organisations org on org.id = r.certifying_org_id
    join orders o on o.id = r.order_id
    left join users vu on vu.id = r.created_by
    left join evaluations eo on eo.order_id = r.order_id and eo.kind = 'organisation'
    left join evaluations er on er.order_id = r.order_id and er.kind = 'resident'
    left join evaluations es on es.order_id = r.order_id and es.kind = 'self' and es.member_id = r.member_id where r.certifying_org_id = $1 and r.service_date >= $2 and r.service_date < $3
          and ($4::text is null or r.status = $4)
        order by r.started_at desc limit $5 offset $6;

-- name: records.myHours
select r.id, r.order_id, r.member_id, u.name as member_name, m.volunteer_no, r.certifying_org_id,
         org.name as certifying_org_name, r.content, r.place, to_char(r.service_date, 'YYYY-MM-DD') as service_date,
         r.started_at, r.ended_at, r.minutes_measured, r.minutes_credited, r.source, r.status,
         o.kind as order_kind, o.title as order_title, vu.name as verifier_name, o.resident_confirmed_at,
         eo.rating as organisation_rating, er.rating as resident_rating, es.comment as self_comment, es.rating as self_rating,
         case when r.status = 'pending_approval' then
           (select coalesce(sum(day.minutes_credited), 0) from service_records day
             where day.member_id = r.member_id and day.service_date = r.service_date and day.status = 'credited') end as day_credited_minutes,
         count(*) over () as total
    from service_records r
    join users u on u.id = r.member_id
    join members m on m.user_id = r.member_id
    join organisations org on org.id = r.certifying_org_id
    join orders o on o.id = r.order_id
    left join users vu on vu.id = r.created_by
    left join evaluations eo on eo.order_id = r.order_id and eo.kind = 'organisation'
    left join evaluations er on er.order_id = r.order_id and er.kind = 'resident'
    left join evaluations es on es.order_id = r.order_id and es.kind = 'self' and es.member_id = r.member_id where r.member_id = $1 and r.service_date >= $2 and r.service_date < $3
        order by r.started_at desc limit $4 offset $5;

-- name: orders.listForCommunity
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
    left join evaluations e on e.order_id = o.id and e.kind = 'organisation' where o.community_id = $2 and ($3::text is null or o.status = $3)
        order by o.starts_at desc limit $4 offset $5;

-- name: orders.listMine
select tasks.*, count(*) over () as phase_total
         from (select accepted.*, case
                      when accepted.my_checked_out_at is not null or accepted.status in ('completed', 'cancelled') then 'done'
                      when accepted.my_checked_in_at is not null then 'in_service'
                      when accepted.ends_at < $3 then 'done'
                      else 'upcoming' end as task_phase
                 from (
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
    left join evaluations e on e.order_id = o.id and e.kind = 'organisation' where mine.status = 'accepted') accepted) tasks
        where $2::text is null or tasks.task_phase = $2
        order by case when tasks.task_phase = 'in_service' or (tasks.task_phase = 'upcoming' and tasks.starts_at <= $3) then 0
                      when tasks.task_phase = 'upcoming' then 1
                      else 2 end,
                 case when tasks.task_phase = 'done' then null else tasks.starts_at end nulls last,
                 tasks.starts_at desc, tasks.id
        limit $4 offset $5;

-- name: demands.listForCommunity
select d.*, o.id as order_id, o.title as order_title, o.status as order_status, o.created_at as order_created_at,
         o.starts_at as order_starts_at, o.ends_at as order_ends_at, o.completed_at as order_completed_at,
         o.resident_confirmed_at,
         (select min(a.checked_in_at) from attendance a where a.order_id = o.id) as first_check_in_at,
         exists (select 1 from service_records r where r.order_id = o.id and r.status = 'awaiting_resident') as awaiting_resident,
         e.rating, e.comment as rating_comment,
         coalesce((select json_agg(json_build_object('at', ev.at, 'note', ev.note) order by ev.at) from demand_events ev where ev.demand_id = d.id), '[]') as events,
         c.name as community_name, c.service_phone,
         coalesce((select json_agg(json_build_object('name', u.name) order by a.accepted_at, a.id)
                     from assignments a join users u on u.id = a.member_id
                    where a.order_id = o.id and a.status = 'accepted'), '[]') as order_members,
         count(*) over () as total
    from demands d
    join organisations c on c.id = d.community_id
    left join lateral (select * from orders where demand_id = d.id order by created_at desc limit 1) o on true
    left join evaluations e on e.order_id = o.id and e.kind = 'resident' where d.community_id = $1 and ($2::text is null or d.status = $2)
          and not exists (
                select 1 from unnest($5::text[]) as word(pattern)
                 where not (d.description ilike word.pattern escape '\' or d.address ilike word.pattern escape '\'
                            or d.requester_name ilike word.pattern escape '\' or d.category ilike word.pattern escape '\'
                            or coalesce(d.sub_item, '') ilike word.pattern escape '\'))
        order by d.created_at desc, d.id limit $3 offset $4;

-- name: demands.listMine
select d.*, o.id as order_id, o.title as order_title, o.status as order_status, o.created_at as order_created_at,
         o.starts_at as order_starts_at, o.ends_at as order_ends_at, o.completed_at as order_completed_at,
         o.resident_confirmed_at,
         (select min(a.checked_in_at) from attendance a where a.order_id = o.id) as first_check_in_at,
         exists (select 1 from service_records r where r.order_id = o.id and r.status = 'awaiting_resident') as awaiting_resident,
         e.rating, e.comment as rating_comment,
         coalesce((select json_agg(json_build_object('at', ev.at, 'note', ev.note) order by ev.at) from demand_events ev where ev.demand_id = d.id), '[]') as events,
         c.name as community_name, c.service_phone,
         coalesce((select json_agg(json_build_object('name', u.name) order by a.accepted_at, a.id)
                     from assignments a join users u on u.id = a.member_id
                    where a.order_id = o.id and a.status = 'accepted'), '[]') as order_members,
         count(*) over () as total
    from demands d
    join organisations c on c.id = d.community_id
    left join lateral (select * from orders where demand_id = d.id order by created_at desc limit 1) o on true
    left join evaluations e on e.order_id = o.id and e.kind = 'resident' where d.resident_id = $1 order by d.created_at desc limit $2 offset $3;

-- name: registration.listPending
select r.*, c.name as community_name, g.name as grid_name, s.code as slip_code, s.party_standing as slip_party_standing,
         un.id as unit_id, un.name as unit_name, u.name as user_name, count(*) over () as total
    from registrations r
    join organisations c on c.id = r.community_id
    join users u on u.id = r.user_id
    left join organisations g on g.id = r.grid_id
    left join report_slips s on s.id = r.slip_id
    left join members m on m.user_id = r.user_id
    left join units un on un.id = coalesce(s.unit_id, (r.form->>'unitId')::uuid, m.unit_id) where r.community_id = $1 and r.status = 'pending' order by r.submitted_at limit $2 offset $3;

-- name: registration.listSlips
select s.id, s.code, s.unit_id, un.name as unit_name, un.district_id, s.community_id, c.name as community_name,
         s.member_name, s.member_phone, s.party_standing, to_char(s.report_by, 'YYYY-MM-DD') as report_by, s.issued_at,
         s.not_reported_reason, s.cancelled_at,
         r.status as reg_status, rc.name as reg_community_name, r.decided_at as reg_decided_at, r.return_reason as reg_return_reason,
         array(select jsonb_array_elements_text(r.form->'posts')) as reg_posts,
         count(*) over () as total
    from report_slips s
    join units un on un.id = s.unit_id
    join organisations c on c.id = s.community_id
    left join lateral (
      select * from registrations where slip_id = s.id and status <> 'withdrawn'
       order by status in ('pending', 'confirmed') desc, submitted_at desc limit 1
    ) r on true
    left join organisations rc on rc.id = r.community_id where s.unit_id = $1 order by s.issued_at desc, s.code limit $2 offset $3;

-- name: privacy.accessLog
select l.id, l.at, viewer.name as viewer_name, coalesce(subject.name, d.requester_name) as subject_name,
         case when subject.id is not null then subject.phone else d.contact_phone end as subject_phone,
         l.field, l.purpose, l.demand_id, count(*) over () as total
    from access_log l
    join users viewer on viewer.id = l.viewer_id
    left join users subject on subject.id = l.subject_user_id
    left join demands d on d.id = l.demand_id where l.community_id = $1 order by l.at desc, l.id limit $2 offset $3;

-- name: reports.communityRegister
select m.user_id as member_id, m.volunteer_no, m.member_type, u.name, u.phone, m.skills, m.posts,
              grid.name as grid_name, unit.name as unit_name, unit.kind as unit_kind,
              p.gender, to_char(p.birth_month, 'YYYY.MM') as birth_month, to_char(p.joined_party_month, 'YYYY.MM') as joined_party_month,
              p.education, p.hobbies, p.work_unit, p.job_title, p.unit_phone, p.home_address, p.service_intentions,
              p.willing_other_services, coalesce((select r.decided_at from member_community_history h join registrations r on r.id = h.registration_id
                                where h.member_id = m.user_id and h.left_at is null),
                              m.created_at) as reported_at, count(*) over () as total
         from members m
         join users u on u.id = m.user_id and u.left_at is null
         left join member_profiles p on p.user_id = m.user_id
         left join units unit on unit.id = m.unit_id
         left join organisations grid on grid.id = m.grid_id
        where m.community_id = $1 and ($2 = 'all' or m.member_type = $2)
          and ($5::text = '' or strpos(lower(u.name), lower($5::text)) > 0
               or ($5::text ~ '^[0-9]{3,11}$' and right(u.phone, length($5::text)) = $5::text)
               or strpos(lower(coalesce(unit.name, '') || ' ' || coalesce(p.work_unit, '')), lower($5::text)) > 0)
        order by coalesce((select r.decided_at from member_community_history h join registrations r on r.id = h.registration_id
                                where h.member_id = m.user_id and h.left_at is null),
                              m.created_at), m.volunteer_no
        limit $3 offset $4;

