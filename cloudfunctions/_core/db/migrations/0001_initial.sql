-- Organisation tree: district → street → community → grid.
create table organisations (
  id uuid primary key,
  kind text not null check (kind in ('district', 'street', 'community', 'grid')),
  parent_id uuid references organisations (id),
  name text not null check (length(name) between 1 and 60),
  created_at timestamptz not null default now(),
  check ((kind = 'district') = (parent_id is null))
);
create unique index organisations_name_under_parent on organisations (coalesce(parent_id, id), name);
create index organisations_parent on organisations (parent_id);

create table units (
  id uuid primary key,
  district_id uuid not null references organisations (id),
  name text not null check (length(name) between 1 and 80),
  kind text not null check (kind in ('机关', '事业', '企业', '高校', '其他')),
  created_at timestamptz not null default now(),
  unique (district_id, name)
);

-- 结对共建: a unit's party organisation paired with a community.
create table unit_community_pairings (
  unit_id uuid not null references units (id),
  community_id uuid not null references organisations (id),
  paired_on date not null,
  primary key (unit_id, community_id)
);

create table users (
  id uuid primary key,
  name text not null check (length(name) between 1 and 30),
  phone text not null unique check (phone ~ '^1[3-9][0-9]{9}$'),
  password_hash text,
  wx_openid text unique,
  photo_url text,
  created_at timestamptz not null default now()
);

create table user_roles (
  id uuid primary key,
  user_id uuid not null references users (id),
  role text not null check (role in ('resident', 'member', 'secretary', 'unit_admin', 'district_admin')),
  org_id uuid references organisations (id),
  unit_id uuid references units (id),
  check ((role = 'unit_admin') = (unit_id is not null)),
  check ((role = 'unit_admin') = (org_id is null))
);
create unique index user_roles_once on user_roles (user_id, role, coalesce(org_id, unit_id));

create table residents (
  user_id uuid primary key references users (id),
  community_id uuid not null references organisations (id),
  grid_id uuid references organisations (id),
  address text not null check (length(address) between 1 and 120)
);

-- 志愿者编号: records and certificates carry it instead of the ID-card number.
create sequence volunteer_no_seq start 100001;

create table members (
  user_id uuid primary key references users (id),
  volunteer_no text not null unique,
  community_id uuid not null references organisations (id),
  grid_id uuid references organisations (id),
  unit_id uuid references units (id),
  member_type text not null check (member_type in ('in_service', 'community', 'probationary', 'activist')),
  skills text[] not null default '{}',
  posts text[] not null default '{}',
  -- weekly availability: day (mon..sun, holiday) → slots (morning, afternoon, evening)
  availability jsonb not null default '{}',
  created_at timestamptz not null default now(),
  check (member_type <> 'in_service' or unit_id is not null)
);
create index members_community on members (community_id);

-- The secret behind a member's rotating check-in code, encrypted at rest.
create table member_devices (
  id uuid primary key,
  member_id uuid not null references members (user_id),
  secret_ciphertext text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create unique index member_devices_one_active on member_devices (member_id) where revoked_at is null;

-- 群众点单: the community's 需求信息库.
create table demands (
  id uuid primary key,
  community_id uuid not null references organisations (id),
  resident_id uuid references users (id),
  requester_name text not null check (length(requester_name) between 1 and 30),
  contact_phone text not null check (contact_phone ~ '^1[3-9][0-9]{9}$'),
  address text not null check (length(address) between 1 and 120),
  category text not null,
  sub_item text,
  description text not null check (length(description) between 1 and 500),
  wanted_from timestamptz,
  wanted_until timestamptz,
  channel text not null check (channel in ('self', 'window', 'phone', 'visit', 'mailbox')),
  status text not null default 'submitted' check (status in ('submitted', 'accepted', 'rejected', 'withdrawn')),
  reject_reason text,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'rejected' or length(reject_reason) > 0),
  check (wanted_until is null or wanted_from is null or wanted_until >= wanted_from)
);
create index demands_community_status on demands (community_id, status, created_at desc);
create index demands_resident on demands (resident_id, created_at desc);

-- 党组织下单.
create table orders (
  id uuid primary key,
  community_id uuid not null references organisations (id),
  demand_id uuid unique references demands (id),
  kind text not null check (kind in ('demand', 'activity')),
  title text not null check (length(title) between 1 and 60),
  category text not null,
  description text not null default '',
  place text not null check (length(place) between 1 and 120),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  capacity integer not null check (capacity between 1 and 500),
  accepted_count integer not null default 0,
  dispatch text not null check (dispatch in ('open', 'directed')),
  status text not null default 'published'
    check (status in ('published', 'staffed', 'in_service', 'completed', 'cancelled')),
  cancel_reason text,
  cancel_cutoff_minutes integer not null default 120 check (cancel_cutoff_minutes between 0 and 10080),
  required_posts text[] not null default '{}',
  required_skills text[] not null default '{}',
  leader_member_id uuid references members (user_id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  -- for a home service: the resident confirmed that it happened (the paper rule: the person served signs)
  resident_confirmed_at timestamptz,
  check (ends_at > starts_at),
  check (accepted_count between 0 and capacity),
  check (status <> 'cancelled' or length(cancel_reason) > 0),
  check ((kind = 'demand') = (demand_id is not null))
);
create index orders_community_start on orders (community_id, starts_at desc);
create index orders_status_start on orders (status, starts_at);

-- 党员接单: one row per member and order.
create table assignments (
  id uuid primary key,
  order_id uuid not null references orders (id),
  member_id uuid not null references members (user_id),
  status text not null check (status in ('invited', 'accepted', 'declined', 'cancelled')),
  invited_at timestamptz,
  accepted_at timestamptz,
  closed_at timestamptz,
  note text,
  unique (order_id, member_id)
);
create index assignments_member on assignments (member_id, status);

-- Every scan the server judged, keyed by the scanner's own id so that a re-upload counts once.
create table scans (
  id uuid primary key,
  order_id uuid not null references orders (id),
  verifier_id uuid not null references users (id),
  member_id uuid references members (user_id),
  scanned_at timestamptz not null,
  received_at timestamptz not null,
  outcome text not null check (outcome in ('checked_in', 'checked_out', 'refused')),
  refusal_code text,
  check ((outcome = 'refused') = (refusal_code is not null))
);
create index scans_order on scans (order_id, scanned_at);

-- A code is good once: the same member, key and time step cannot be presented twice.
create table checkin_code_uses (
  device_id uuid not null references member_devices (id),
  time_step bigint not null,
  scan_id uuid not null references scans (id),
  primary key (device_id, time_step)
);

create table attendance (
  order_id uuid not null references orders (id),
  member_id uuid not null references members (user_id),
  checked_in_at timestamptz not null,
  checked_out_at timestamptz,
  check_in_scan_id uuid not null unique references scans (id),
  check_out_scan_id uuid unique references scans (id),
  primary key (order_id, member_id),
  check (checked_out_at is null or checked_out_at >= checked_in_at),
  -- a check-out without a scan is a secretary's hand entry, kept in record_audit
  check (check_out_scan_id is null or checked_out_at is not null)
);

-- The volunteer-service record (004 附件5; 志愿服务记录与证明出具办法): who, what, where, when, how long, certified by whom.
create table service_records (
  id uuid primary key,
  order_id uuid not null references orders (id),
  member_id uuid not null references members (user_id),
  certifying_org_id uuid not null references organisations (id),
  content text not null,
  place text not null,
  service_date date not null,
  started_at timestamptz not null,
  ended_at timestamptz not null,
  minutes_measured integer not null check (minutes_measured >= 0),
  minutes_credited integer not null check (minutes_credited >= 0),
  source text not null check (source in ('scan', 'manual')),
  status text not null check (status in ('credited', 'pending_approval')),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check (ended_at >= started_at),
  check (minutes_credited <= minutes_measured or source = 'manual')
);
create unique index service_records_one_scan on service_records (order_id, member_id) where source = 'scan';
create index service_records_member_date on service_records (member_id, service_date);
create index service_records_org_date on service_records (certifying_org_id, service_date);

-- 一事一评: the resident's, the member's own and the organisation's evaluation of an order.
create table evaluations (
  id uuid primary key,
  order_id uuid not null references orders (id),
  kind text not null check (kind in ('resident', 'self', 'organisation')),
  member_id uuid references members (user_id),
  rating text not null,
  comment text not null default '',
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check (
    (kind = 'resident' and rating in ('satisfied', 'basic', 'unsatisfied'))
    or (kind = 'organisation' and rating in ('excellent', 'good', 'fair'))
    or (kind = 'self' and rating = 'done' and member_id is not null)
  )
);
create unique index evaluations_once on evaluations (order_id, kind, coalesce(member_id, '00000000-0000-0000-0000-000000000000'));

-- Who changed a record, when, from what, to what, and why.
create table record_audit (
  id uuid primary key,
  record_id uuid not null references service_records (id),
  actor_id uuid not null references users (id),
  action text not null,
  reason text not null check (length(reason) > 0),
  before jsonb,
  after jsonb not null,
  at timestamptz not null default now()
);
create index record_audit_record on record_audit (record_id, at);
