-- 在职党员到社区报到 (004 §三.1, 附件1–4; 001 附件3), organisation management and privacy (004 §二.3.(1)).

-- A member who leaves keeps their records under the volunteer number; name and phone are erased.
alter table users alter column phone drop not null;
alter table users add column left_at timestamptz;
alter table users add column left_reason text check (length(left_reason) <= 200);
alter table users add check ((left_at is null) = (phone is not null));
-- A need keeps no way to reach a resident who left.
alter table demands alter column contact_phone drop not null;

-- A merged or closed organisation is kept (records point at it) but no longer listed.
alter table organisations add column merged_into uuid references organisations (id);
alter table organisations add column archived_at timestamptz;
alter table organisations add check ((merged_into is null) or (archived_at is not null));

-- District-wide switches. ID numbers are not collected unless the district turns it on.
create table district_settings (
  district_id uuid primary key references organisations (id),
  collect_id_numbers boolean not null default false,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

-- 在职党员社区报到单 (附件1): issued by the unit's party organisation, shared with the member as a code.
create table report_slips (
  id uuid primary key,
  code text not null unique check (code ~ '^[A-Z2-9]{8}$'),
  unit_id uuid not null references units (id),
  community_id uuid not null references organisations (id),
  member_name text not null check (length(member_name) between 1 and 30),
  -- null once the member has left (注销)
  member_phone text check (member_phone ~ '^1[3-9][0-9]{9}$'),
  party_standing text not null check (party_standing in ('正式', '预备')),
  report_by date not null,
  issued_by uuid not null references users (id),
  issued_at timestamptz not null,
  -- 未报到的主要原因 (附件3), written by the unit when the member has not reported
  not_reported_reason text check (length(not_reported_reason) between 1 and 200),
  cancelled_at timestamptz
);
create index report_slips_unit on report_slips (unit_id, issued_at desc);
create unique index report_slips_one_open_per_phone on report_slips (unit_id, member_phone) where cancelled_at is null;

-- 报到 (and 转移): the form a member submits to a community, and the secretary's 回执 or sending back.
create table registrations (
  id uuid primary key,
  user_id uuid not null references users (id),
  community_id uuid not null references organisations (id),
  grid_id uuid references organisations (id),
  slip_id uuid references report_slips (id),
  kind text not null check (kind in ('report', 'transfer')),
  -- the registration form as submitted (validated by RegistrationForm)
  form jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'confirmed', 'returned', 'withdrawn')),
  return_reason text,
  submitted_at timestamptz not null,
  decided_at timestamptz,
  decided_by uuid references users (id),
  check (status <> 'returned' or length(return_reason) > 0),
  check ((status in ('confirmed', 'returned')) = (decided_at is not null))
);
create unique index registrations_one_pending on registrations (user_id) where status = 'pending';
create unique index registrations_slip_used_once on registrations (slip_id) where status in ('pending', 'confirmed');
create index registrations_community_status on registrations (community_id, status, submitted_at);

-- Personal data from the registration form (附件2, 001 附件3), one row per member; erased when they leave.
create table member_profiles (
  user_id uuid primary key references users (id),
  gender text not null check (gender in ('男', '女')),
  ethnicity text not null check (length(ethnicity) between 1 and 20),
  birth_month date not null check (extract(day from birth_month) = 1),
  education text not null,
  health text,
  joined_party_month date check (extract(day from joined_party_month) = 1),
  party_standing text not null check (party_standing in ('正式', '预备', '积极分子')),
  work_unit text,
  job_title text,
  unit_address text,
  unit_phone text,
  home_address text not null check (length(home_address) between 1 and 120),
  hobbies text not null default '',
  -- [{ category, subItems: [] }] from the service catalogue
  service_intentions jsonb not null default '[]',
  willing_long_term boolean not null,
  willing_other_services boolean not null,
  id_number text check (id_number ~ '^[0-9]{17}[0-9X]$'),
  updated_at timestamptz not null
);

-- Where a member has served: one row per community, closed when they transfer or leave.
create table member_community_history (
  id uuid primary key,
  member_id uuid not null references members (user_id),
  community_id uuid not null references organisations (id),
  grid_id uuid references organisations (id),
  registration_id uuid references registrations (id),
  joined_at timestamptz not null,
  left_at timestamptz,
  check (left_at is null or left_at >= joined_at)
);
create unique index member_community_history_one_current on member_community_history (member_id) where left_at is null;

-- Every read of a full phone, address or ID number by a secretary (004 §二.3.(1)).
create table access_log (
  id uuid primary key,
  viewer_id uuid not null references users (id),
  subject_user_id uuid references users (id),
  -- a need's contact is not always a user's (recorded on a resident's behalf)
  demand_id uuid references demands (id),
  community_id uuid not null references organisations (id),
  field text not null check (field in ('phone', 'address', 'id_number')),
  purpose text not null check (length(purpose) between 1 and 100),
  at timestamptz not null,
  check ((subject_user_id is not null) or (demand_id is not null))
);
create index access_log_community on access_log (community_id, at desc);
create index access_log_subject on access_log (subject_user_id, at desc);

insert into member_community_history (id, member_id, community_id, grid_id, joined_at)
select gen_random_uuid(), user_id, community_id, grid_id, created_at from members;
