-- A large district for the scale bench (issue 12), generated in the database with generate_series.
-- bench/large-district.ts fills the placeholders in double braces with numbers from districtShape(records) and runs
-- this on a freshly migrated database (PGlite or a PostgreSQL 15 server); ids are md5 of a name, so
-- the runner and the bench find every row again without reading it back.
--
-- Community 0 is the big one ({{big}} members); communities 1…{{communities_minus_1}} have {{typical}} each.
-- Member m belongs to community 0 when m < {{big}}, else to 1 + (m - {{big}}) / {{typical}}.
-- Each community has one order per ten of its members' records ({{orders_big}} in the big one, {{orders_typical}}
-- in each other one), ten accepted members per order, all checked in by scan; one check-out in twenty is
-- a hand entry, the others a scan. The orders lie evenly over the {{span_days}} days before today (Beijing).

create temporary table g_communities on commit drop as
select c,
       md5('community-' || c)::uuid as id,
       md5('street-' || (c / 20))::uuid as street_id,
       md5('secretary-' || c)::uuid as secretary_id,
       case when c = 0 then {{big}} else {{typical}} end as size,
       case when c = 0 then 0 else {{big}} + (c - 1) * {{typical}} end as first_member,
       case when c = 0 then {{grids_big}} else {{grids_typical}} end as grids,
       case when c = 0 then {{residents_big}} else {{residents_typical}} end as residents,
       case when c = 0 then 0 else {{residents_big}} + (c - 1) * {{residents_typical}} end as first_resident,
       case when c = 0 then {{orders_big}} else {{orders_typical}} end as orders
  from generate_series(0, {{communities_minus_1}}) c;

insert into organisations (id, kind, parent_id, name)
values (md5('district')::uuid, 'district', null, '压测区');
insert into organisations (id, kind, parent_id, name)
select md5('street-' || s)::uuid, 'street', md5('district')::uuid, '压测街道' || s
  from generate_series(0, {{communities_minus_1}} / 20) s;
insert into organisations (id, kind, parent_id, name, service_phone)
select id, 'community', street_id, case when c = 0 then '压测大社区' else '压测社区' || c end, '0750-' || (5500000 + c)
  from g_communities;
insert into organisations (id, kind, parent_id, name)
select md5('grid-' || g.c || '-' || n)::uuid, 'grid', g.id, '第' || (n + 1) || '网格'
  from g_communities g, generate_series(0, g.grids - 1) n;

insert into units (id, district_id, name, kind)
select md5('unit-' || u)::uuid, md5('district')::uuid, '压测单位' || u, (array['机关', '事业', '企业', '高校', '其他'])[1 + u % 5]
  from generate_series(0, {{units}} - 1) u;
insert into unit_community_pairings (unit_id, community_id, paired_on)
select md5('unit-' || u)::uuid, md5('community-' || (u % {{communities}}))::uuid, date '2020-01-01' + u % 365
  from generate_series(0, {{units}} - 1) u;

-- People: the district admin, a secretary per community, an admin per unit, the members, the residents.
insert into users (id, name, phone)
values (md5('district-admin')::uuid, '压测区管理员', '{{district_admin_phone}}');
insert into user_roles (id, user_id, role, org_id)
values (md5('role-district-admin')::uuid, md5('district-admin')::uuid, 'district_admin', md5('district')::uuid);

insert into users (id, name, phone)
select secretary_id, '书记' || c, ({{secretary_phone_base}} + c)::text from g_communities;
insert into user_roles (id, user_id, role, org_id)
select md5('role-secretary-' || c)::uuid, secretary_id, 'secretary', id from g_communities;

insert into users (id, name, phone)
select md5('unit-admin-' || u)::uuid, '单位管理员' || u, ({{unit_admin_phone_base}} + u)::text
  from generate_series(0, {{units}} - 1) u;
insert into user_roles (id, user_id, role, unit_id)
select md5('role-unit-admin-' || u)::uuid, md5('unit-admin-' || u)::uuid, 'unit_admin', md5('unit-' || u)::uuid
  from generate_series(0, {{units}} - 1) u;

-- Two members in five are 在职党员, spread over the units in turn, reported with a slip and a confirmed registration.
create temporary table g_members on commit drop as
select m, g.c, m - g.first_member as i, g.id as community_id, g.secretary_id,
       md5('member-' || m)::uuid as id,
       md5('grid-' || g.c || '-' || ((m - g.first_member) % g.grids))::uuid as grid_id,
       case when m % 5 < 2 then md5('unit-' || (((m / 5) * 2 + m % 5) % {{units}}))::uuid end as unit_id,
       case when m % 5 < 2 then md5('unit-admin-' || (((m / 5) * 2 + m % 5) % {{units}}))::uuid end as unit_admin_id,
       (array['in_service', 'in_service', 'community', 'community', 'probationary'])[1 + m % 5] as member_type
  from generate_series(0, {{members}} - 1) m
  join g_communities g on g.c = case when m < {{big}} then 0 else 1 + (m - {{big}}) / {{typical}} end;

insert into users (id, name, phone)
select id, '党员' || m, ({{member_phone_base}} + m)::text from g_members;
insert into user_roles (id, user_id, role, org_id)
select md5('role-member-' || m)::uuid, id, 'member', community_id from g_members;
insert into members (user_id, volunteer_no, community_id, grid_id, unit_id, member_type, skills, posts, availability, created_at)
select id, 'DY' || (100001 + m), community_id, grid_id, unit_id, member_type,
       (array['{电脑,驾驶}', '{医护}', '{维修,电工}', '{}', '{法律}'])[1 + m % 5]::text[],
       (array['{政策法规宣传岗}', '{困难群众帮扶岗,社区稳定维护岗}', '{环境保护卫士岗}', '{青少年教育服务岗}', '{}', '{文明创建示范岗}'])[1 + m % 6]::text[],
       (array['{"sat": ["morning", "afternoon"], "sun": ["morning"]}', '{"mon": ["evening"], "wed": ["evening"], "fri": ["evening"]}',
              '{"sat": ["afternoon"], "holiday": ["morning", "afternoon"]}', '{}'])[1 + m % 4]::jsonb,
       timestamptz '2016-01-01 09:00+08'
  from g_members;
select setval('volunteer_no_seq', 100001 + {{members}});
insert into member_profiles (user_id, gender, ethnicity, birth_month, education, party_standing, work_unit, home_address,
                             willing_long_term, willing_other_services, updated_at)
select id, (array['男', '女'])[1 + m % 2], '汉族', date '1960-01-01' + ((m % 480) * interval '1 month'),
       (array['本科', '大专', '高中', '硕士研究生'])[1 + m % 4],
       case when member_type = 'probationary' then '预备' else '正式' end,
       case when unit_id is not null then '压测单位' || (((m / 5) * 2 + m % 5) % {{units}}) end,
       '压测路' || (m % 300) || '号' || (m % 40 + 1) || '栋', m % 3 > 0, m % 2 = 0, timestamptz '2016-01-01 09:00+08'
  from g_members;

-- Slip codes are [A-Z2-9]{8}: the member's number in eight decimal digits, each spelled as a letter.
insert into report_slips (id, code, unit_id, community_id, member_name, member_phone, party_standing, report_by, issued_by, issued_at)
select md5('slip-' || m)::uuid, translate(lpad(m::text, 8, '0'), '0123456789', 'ABCDEFGHJK'), unit_id, community_id,
       '党员' || m, ({{member_phone_base}} + m)::text, '正式', date '2016-02-01', unit_admin_id, timestamptz '2016-01-01 10:00+08'
  from g_members where unit_id is not null;
-- Three open slips per unit whose holders have not reported yet: one past its deadline, two still within it.
insert into report_slips (id, code, unit_id, community_id, member_name, member_phone, party_standing, report_by, issued_by, issued_at,
                          not_reported_reason)
select md5('open-slip-' || u || '-' || n)::uuid, translate(lpad((90000000 + u * 10 + n)::text, 8, '0'), '0123456789', 'ABCDEFGHJK'),
       md5('unit-' || u)::uuid, md5('community-' || (u % {{communities}}))::uuid, '待报到党员' || u || '-' || n,
       ({{waiting_phone_base}} + u * 10 + n)::text, '正式', date '{{today}}' + (n - 1) * 30, md5('unit-admin-' || u)::uuid,
       timestamptz '{{now}}' - interval '60 days', case when n = 0 then '工作繁忙，尚未报到' end
  from generate_series(0, {{units}} - 1) u, generate_series(0, 2) n;
insert into registrations (id, user_id, community_id, grid_id, slip_id, kind, form, status, submitted_at, decided_at, decided_by)
select md5('registration-' || m)::uuid, id, community_id, grid_id, md5('slip-' || m)::uuid, 'report', '{}'::jsonb, 'confirmed',
       timestamptz '2016-01-05 10:00+08', timestamptz '2016-01-06 10:00+08', secretary_id
  from g_members where unit_id is not null;
insert into member_community_history (id, member_id, community_id, grid_id, registration_id, joined_at)
select md5('history-' || m)::uuid, id, community_id, grid_id,
       case when unit_id is not null then md5('registration-' || m)::uuid end, timestamptz '2016-01-06 10:00+08'
  from g_members;

insert into users (id, name, phone)
select md5('resident-' || r)::uuid, '居民' || r, ({{resident_phone_base}} + r)::text
  from g_communities g, generate_series(g.first_resident, g.first_resident + g.residents - 1) r;
insert into user_roles (id, user_id, role, org_id)
select md5('role-resident-' || r)::uuid, md5('resident-' || r)::uuid, 'resident', g.id
  from g_communities g, generate_series(g.first_resident, g.first_resident + g.residents - 1) r;
insert into residents (user_id, community_id, grid_id, address)
select md5('resident-' || r)::uuid, g.id, md5('grid-' || g.c || '-' || ((r - g.first_resident) % g.grids))::uuid,
       '压测路' || (r % 300) || '号' || (r % 40 + 1) || '栋' || (r % 6 + 1) || '01'
  from g_communities g, generate_series(g.first_resident, g.first_resident + g.residents - 1) r;

-- The history: order k of community c, three in ten for a resident's need, the rest the community's own activities.
create temporary table g_orders on commit drop as
select o.c, o.k, o.id, o.community_id, o.secretary_id, o.size, o.first_member, o.first_resident, o.residents, o.category,
       o.starts_at, o.starts_at + interval '2 hours' as ends_at
  from (
    select g.c, k, md5('order-' || g.c || '-' || k)::uuid as id, g.id as community_id, g.secretary_id, g.size, g.first_member,
           g.first_resident, g.residents,
           (array['社区服务', '爱心扶助', '环保绿化服务', '医疗卫生服务', '政策法规宣讲'])[1 + k % 5] as category,
           ((timestamp '{{today}}' - ceil((g.orders - k) * {{span_days}}::numeric / g.orders)::int * interval '1 day'
             + (9 + 5 * (k % 3)) * interval '1 hour') at time zone 'Asia/Shanghai') as starts_at
      from g_communities g, generate_series(0, g.orders - 1) k
  ) o;

insert into demands (id, community_id, resident_id, requester_name, contact_phone, address, category, description, channel, status,
                     created_by, created_at, updated_at)
select md5('demand-' || c || '-' || k)::uuid, community_id, md5('resident-' || (first_resident + k % residents))::uuid,
       '居民' || (first_resident + k % residents), ({{resident_phone_base}} + first_resident + k % residents)::text,
       '压测路' || ((first_resident + k % residents) % 300) || '号', category, '需要志愿者上门帮忙', 'self', 'accepted',
       md5('resident-' || (first_resident + k % residents))::uuid, starts_at - interval '3 days', starts_at - interval '2 days'
  from g_orders where k % 10 < 3;
-- Needs still waiting in each community's pool.
insert into demands (id, community_id, resident_id, requester_name, contact_phone, address, category, description, channel,
                     created_by, created_at, updated_at)
select md5('open-demand-' || g.c || '-' || n)::uuid, g.id, md5('resident-' || (g.first_resident + n))::uuid, '居民' || (g.first_resident + n),
       ({{resident_phone_base}} + g.first_resident + n)::text, '压测路' || ((g.first_resident + n) % 300) || '号', '爱心扶助', '想请人陪同就医', 'phone',
       md5('resident-' || (g.first_resident + n))::uuid, timestamptz '{{now}}' - interval '1 day', timestamptz '{{now}}' - interval '1 day'
  from g_communities g, generate_series(0, {{open_demands}} - 1) n;

insert into orders (id, community_id, demand_id, kind, title, category, place, starts_at, ends_at, capacity, accepted_count, dispatch,
                    status, created_by, created_at, completed_at)
select id, community_id, case when k % 10 < 3 then md5('demand-' || c || '-' || k)::uuid end,
       case when k % 10 < 3 then 'demand' else 'activity' end,
       case when k % 10 < 3 then '上门服务' || k else '社区活动' || k end, category, '压测社区广场', starts_at, ends_at, 10, 10, 'open',
       'completed', secretary_id, starts_at - interval '3 days', ends_at + interval '1 hour'
  from g_orders;
-- 回访: the resident who asked rates each need's order, mostly 满意 (one in seven 基本满意, one in seventeen 不满意).
insert into evaluations (id, order_id, kind, rating, created_by, created_at)
select md5('evaluation-' || c || '-' || k)::uuid, id, 'resident',
       case when k % 17 = 0 then 'unsatisfied' when k % 7 = 0 then 'basic' else 'satisfied' end,
       md5('resident-' || (first_resident + k % residents))::uuid, ends_at + interval '1 day'
  from g_orders where k % 10 < 3;
insert into assignments (id, order_id, member_id, status, accepted_at)
select md5('assignment-' || o.c || '-' || o.k || '-' || j)::uuid, o.id, md5('member-' || (o.first_member + (o.k * 10 + j) % o.size))::uuid,
       'accepted', o.starts_at - interval '1 day'
  from g_orders o, generate_series(0, 9) j;
insert into scans (id, order_id, verifier_id, member_id, scanned_at, received_at, outcome)
select md5('scan-in-' || o.c || '-' || o.k || '-' || j)::uuid, o.id, o.secretary_id,
       md5('member-' || (o.first_member + (o.k * 10 + j) % o.size))::uuid, o.starts_at, o.starts_at, 'checked_in'
  from g_orders o, generate_series(0, 9) j;
insert into scans (id, order_id, verifier_id, member_id, scanned_at, received_at, outcome)
select md5('scan-out-' || o.c || '-' || o.k || '-' || j)::uuid, o.id, o.secretary_id,
       md5('member-' || (o.first_member + (o.k * 10 + j) % o.size))::uuid, o.ends_at, o.ends_at, 'checked_out'
  from g_orders o, generate_series(0, 9) j
 where not (j = 0 and o.k % 2 = 0);
insert into attendance (order_id, member_id, checked_in_at, checked_out_at, check_in_scan_id, check_out_scan_id)
select o.id, md5('member-' || (o.first_member + (o.k * 10 + j) % o.size))::uuid, o.starts_at, o.ends_at,
       md5('scan-in-' || o.c || '-' || o.k || '-' || j)::uuid,
       case when not (j = 0 and o.k % 2 = 0) then md5('scan-out-' || o.c || '-' || o.k || '-' || j)::uuid end
  from g_orders o, generate_series(0, 9) j;
-- A check-out by hand is credited as a manual record (pending no approval: the secretary entered it).
insert into service_records (id, order_id, member_id, certifying_org_id, content, place, service_date, started_at, ended_at,
                             minutes_measured, minutes_credited, source, status, created_by, created_at)
select md5('record-' || o.c || '-' || o.k || '-' || j)::uuid, o.id, md5('member-' || (o.first_member + (o.k * 10 + j) % o.size))::uuid,
       o.community_id, o.category, '压测社区广场', (o.starts_at at time zone 'Asia/Shanghai')::date, o.starts_at, o.ends_at, 120, 120,
       case when j = 0 and o.k % 2 = 0 then 'manual' else 'scan' end, 'credited', o.secretary_id, o.ends_at + interval '1 hour'
  from g_orders o, generate_series(0, 9) j;

-- What the order hall shows: in each community {{open_orders}} open orders in the coming days, and one directed
-- to its first three members (the big community's member 0 among them).
insert into orders (id, community_id, kind, title, category, place, starts_at, ends_at, capacity, dispatch, created_by, created_at)
select md5('open-order-' || g.c || '-' || n)::uuid, g.id, 'activity', '近期活动' || n, (array['社区服务', '环保绿化服务', '爱心扶助'])[1 + n % 3],
       '压测社区活动室', (timestamp '{{today}}' + (n + 1) * interval '1 day' + interval '9 hours') at time zone 'Asia/Shanghai',
       (timestamp '{{today}}' + (n + 1) * interval '1 day' + interval '11 hours') at time zone 'Asia/Shanghai', 10, 'open', g.secretary_id,
       timestamptz '{{now}}' - interval '1 hour'
  from g_communities g, generate_series(0, {{open_orders}} - 1) n;
insert into orders (id, community_id, kind, title, category, place, starts_at, ends_at, capacity, dispatch, created_by, created_at)
select md5('directed-order-' || g.c)::uuid, g.id, 'activity', '定向任务', '社区服务', '压测社区活动室',
       (timestamp '{{today}}' + interval '2 days 14 hours') at time zone 'Asia/Shanghai',
       (timestamp '{{today}}' + interval '2 days 16 hours') at time zone 'Asia/Shanghai', 3, 'directed', g.secretary_id,
       timestamptz '{{now}}' - interval '1 hour'
  from g_communities g;
insert into assignments (id, order_id, member_id, status, invited_at)
select md5('invitation-' || g.c || '-' || j)::uuid, md5('directed-order-' || g.c)::uuid, md5('member-' || (g.first_member + j))::uuid,
       'invited', timestamptz '{{now}}' - interval '1 hour'
  from g_communities g, generate_series(0, 2) j;

analyze;
