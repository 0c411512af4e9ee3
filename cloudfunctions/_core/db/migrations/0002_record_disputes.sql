-- 申诉: a member disputes a record, or the lack of one, on an order; the secretary decides.
create table record_disputes (
  id uuid primary key,
  order_id uuid not null references orders (id),
  member_id uuid not null references members (user_id),
  record_id uuid references service_records (id),
  reason text not null check (length(reason) between 2 and 300),
  status text not null default 'open' check (status in ('open', 'upheld', 'rejected')),
  resolution text,
  resolved_by uuid references users (id),
  created_at timestamptz not null,
  resolved_at timestamptz,
  check ((status = 'open') = (resolved_at is null)),
  check (status = 'open' or length(resolution) > 0)
);
create unique index record_disputes_one_open on record_disputes (order_id, member_id) where status = 'open';
create index record_disputes_status on record_disputes (status, created_at);
