-- 消息: what the product tells a user, one row per user and event. The unique event key makes each notification
-- happen once, however often its cause runs (an action retried, a job run again after a worker restart).
create table notifications (
  id uuid primary key,
  user_id uuid not null references users (id),
  kind text not null check (kind ~ '^[a-z_]+$'),
  event_key text not null check (length(event_key) between 1 and 200),
  title text not null check (length(title) between 1 and 40),
  body text not null check (length(body) between 1 and 500),
  -- the mini-program page it opens, e.g. /pages/member/order-detail/index?id=…
  page text check (page like '/pages/%'),
  created_at timestamptz not null,
  read_at timestamptz,
  unique (user_id, event_key)
);
create index notifications_inbox on notifications (user_id, created_at desc, id desc);
create index notifications_unread on notifications (user_id) where read_at is null;

-- A kind the user turned off (or back on); kinds the rules require are sent whatever this says.
create table notification_preferences (
  user_id uuid not null references users (id),
  kind text not null,
  enabled boolean not null,
  updated_at timestamptz not null,
  primary key (user_id, kind)
);

-- One queue for timed and retried work (deliveries, reminders, deadlines). `job_key` is the job's identity: enqueueing
-- the same key again does nothing, so a job planned twice runs once. A worker takes a due job by setting a lease;
-- a job whose worker died runs again once the lease has passed, and its handler's writes are idempotent.
create table jobs (
  id uuid primary key,
  -- The order jobs were planned in: jobs due at the same instant run first-planned first (a credit goes to the first notice).
  seq bigint generated always as identity,
  kind text not null check (kind ~ '^[a-z][a-z_.]*$'),
  job_key text not null unique check (length(job_key) between 1 and 200),
  payload jsonb not null default '{}',
  run_at timestamptz not null,
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 5 check (max_attempts >= 1),
  locked_by text,
  locked_until timestamptz,
  done_at timestamptz,
  failed_at timestamptz,
  last_error text,
  created_at timestamptz not null,
  check (done_at is null or failed_at is null)
);
create index jobs_due on jobs (run_at, seq) where done_at is null and failed_at is null;

-- The district's timings for issue 16, read through notify/notify-settings.ts (defaults when a district has no row):
-- 预约预告 (an activity is published at least this many working days ahead, 000 §四.(二)), the 简讯's deadline after
-- the service (000 §三.(二)), and when members are reminded before an order (the evening before at this time, and
-- this many minutes before the start).
alter table district_settings
  add column notice_working_days integer not null default 5 check (notice_working_days between 0 and 30),
  add column brief_deadline_working_days integer not null default 5 check (brief_deadline_working_days between 1 and 30),
  add column reminder_evening_time text not null default '20:00' check (reminder_evening_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  add column reminder_lead_minutes integer not null default 60 check (reminder_lead_minutes between 0 and 1440);
