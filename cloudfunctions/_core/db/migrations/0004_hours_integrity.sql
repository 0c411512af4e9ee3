-- A need whose order was cancelled goes back to the pool and may be dispatched again: one live order per need.
alter table orders drop constraint orders_demand_id_key;
create unique index orders_one_live_per_demand on orders (demand_id) where status <> 'cancelled';
alter table orders add column cancelled_at timestamptz;
create index orders_demand on orders (demand_id, created_at desc);

-- What happened to a need besides its own status: its order was cancelled and it went back to the pool.
create table demand_events (
  id uuid primary key,
  demand_id uuid not null references demands (id),
  kind text not null check (kind in ('order_cancelled')),
  note text not null check (length(note) > 0),
  at timestamptz not null
);
create index demand_events_demand on demand_events (demand_id, at);

-- 添加到名单: a member of the community who came without accepting, added by the secretary with a reason.
alter table assignments add column walk_in_reason text;
alter table assignments add column added_by uuid references users (id);
alter table assignments add constraint assignments_walk_in_by check ((walk_in_reason is null) = (added_by is null));

-- A check-in by hand (a member without a phone) has no scan: who did it and why is kept instead.
alter table attendance alter column check_in_scan_id drop not null;
alter table attendance add column checked_in_by uuid references users (id);
alter table attendance add column check_in_reason text;
alter table attendance add constraint attendance_check_in_source
  check ((check_in_scan_id is not null) <> (check_in_reason is not null and checked_in_by is not null));

-- A home service's hours count once the resident (or the secretary on their behalf) confirmed it happened.
alter table service_records drop constraint service_records_status_check;
alter table service_records add constraint service_records_status_check
  check (status in ('credited', 'pending_approval', 'awaiting_resident'));

-- 自评 carries the member's own grade (优/良/一般) besides the comment; 'done' stays for older rows.
alter table evaluations drop constraint evaluations_check;
alter table evaluations add constraint evaluations_rating_by_kind check (
  (kind = 'resident' and rating in ('satisfied', 'basic', 'unsatisfied'))
  or (kind = 'organisation' and rating in ('excellent', 'good', 'fair'))
  or (kind = 'self' and rating in ('excellent', 'good', 'fair', 'done') and member_id is not null)
);

-- A verifier's phone: its own secret signs the scans it queues offline, chained by counter and hash.
create table verifier_devices (
  id uuid primary key,
  user_id uuid not null references users (id),
  secret_ciphertext text not null,
  created_at timestamptz not null,
  revoked_at timestamptz,
  last_counter bigint not null default 0 check (last_counter >= 0),
  last_hash text not null default repeat('0', 64) check (last_hash ~ '^[0-9a-f]{64}$'),
  last_scanned_at timestamptz,
  -- the device's last online contact with the server: no queued scan may be older
  synced_at timestamptz not null
);
create index verifier_devices_user on verifier_devices (user_id);

alter table scans add column device_id uuid references verifier_devices (id);
alter table scans add column counter bigint;
alter table scans add constraint scans_queued_with_counter check ((device_id is null) = (counter is null));
create unique index scans_device_counter on scans (device_id, counter) where device_id is not null;

-- Every refused scan: who scanned whom on which order, when, and why, for the secretary to look into.
create table scan_refusals (
  id uuid primary key,
  scan_id uuid not null,
  order_id uuid references orders (id),
  verifier_id uuid not null references users (id),
  member_id uuid references members (user_id),
  device_id uuid references verifier_devices (id),
  counter bigint,
  offline boolean not null,
  scanned_at timestamptz not null,
  received_at timestamptz not null,
  code text not null,
  message text not null
);
create index scan_refusals_order on scan_refusals (order_id, received_at desc);
create unique index scan_refusals_queued_once on scan_refusals (device_id, scan_id) where device_id is not null;

-- A member without a phone (an elderly 社区党员): kept by the secretary, no login; served by hand entries.
alter table users add column no_phone_reason text check (no_phone_reason is null or length(no_phone_reason) > 0);
alter table users drop constraint users_check;
alter table users add constraint users_phone_unless_left_or_none
  check ((phone is null) = (left_at is not null or no_phone_reason is not null));
