-- 培训情况 and 表彰奖励情况 of a volunteer's record (《志愿服务记录与证明出具办法》 第四条; 000 §二.6 骨干培训, 004 §二.1 岗前培训).
-- Rows are corrected by a new version and withdrawn with a reason, never rewritten in place: training_audit and award_audit
-- keep each change with who, when, before and after.

-- A training held by an organisation (a district, street or community) or a unit, for its members.
create table trainings (
  id uuid primary key,
  kind text not null check (kind in ('backbone', 'pre_service')),
  title text not null check (length(title) between 2 and 60),
  -- the organiser as written on the record (e.g. 台城街道党工委); organiser_org_id / organiser_unit_id say whose data it is
  organiser text not null check (length(organiser) between 2 and 60),
  organiser_org_id uuid references organisations (id),
  organiser_unit_id uuid references units (id),
  started_on date not null,
  ended_on date not null,
  -- hours of the training per participant, in minutes (half hours allowed)
  minutes integer not null check (minutes between 1 and 60000),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  updated_at timestamptz not null,
  withdrawn_at timestamptz,
  withdrawn_by uuid references users (id),
  withdraw_reason text,
  check (ended_on >= started_on),
  check ((organiser_org_id is null) <> (organiser_unit_id is null)),
  check ((withdrawn_at is null) = (withdrawn_by is null)),
  check ((withdrawn_at is null) = (withdraw_reason is null))
);
create index trainings_org_start on trainings (organiser_org_id, started_on) where organiser_org_id is not null;
create index trainings_unit_start on trainings (organiser_unit_id, started_on) where organiser_unit_id is not null;

create table training_participants (
  training_id uuid not null references trainings (id),
  member_id uuid not null references members (user_id),
  primary key (training_id, member_id)
);
create index training_participants_member on training_participants (member_id);

-- 表彰奖励: an honour a member received, as awarded by a body (e.g. 台山市委组织部).
create table awards (
  id uuid primary key,
  member_id uuid not null references members (user_id),
  title text not null check (length(title) between 2 and 60),
  level text not null check (level in ('national', 'provincial', 'city', 'county', 'street', 'community')),
  awarded_on date not null,
  awarding_body text not null check (length(awarding_body) between 2 and 60),
  -- the community or district whose record it is (the recorder's scope)
  recorded_org_id uuid not null references organisations (id),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  updated_at timestamptz not null,
  withdrawn_at timestamptz,
  withdrawn_by uuid references users (id),
  withdraw_reason text,
  check ((withdrawn_at is null) = (withdrawn_by is null)),
  check ((withdrawn_at is null) = (withdraw_reason is null))
);
create index awards_member_date on awards (member_id, awarded_on);
create index awards_org_date on awards (recorded_org_id, awarded_on);

create table training_audit (
  id uuid primary key,
  training_id uuid not null references trainings (id),
  actor_id uuid not null references users (id),
  action text not null check (action in ('recorded', 'corrected', 'withdrawn')),
  reason text not null check (length(reason) between 1 and 200),
  before jsonb,
  after jsonb not null,
  at timestamptz not null
);
create index training_audit_training on training_audit (training_id, at);

create table award_audit (
  id uuid primary key,
  award_id uuid not null references awards (id),
  actor_id uuid not null references users (id),
  action text not null check (action in ('recorded', 'corrected', 'withdrawn')),
  reason text not null check (length(reason) between 1 and 200),
  before jsonb,
  after jsonb not null,
  at timestamptz not null
);
create index award_audit_award on award_audit (award_id, at);
