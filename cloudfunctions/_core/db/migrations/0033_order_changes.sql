-- 订单变更 (issue 16): the secretary moves an order's time or place before anyone checked in, with a reason the
-- members and the resident are told. Each change is kept with what it was and what it became, so that the order's
-- page can show 「活动已调整」 and the secretary can see who changed what and when.
create table order_changes (
  id uuid primary key,
  order_id uuid not null references orders (id),
  changed_by uuid not null references users (id),
  changed_at timestamptz not null,
  reason text not null check (length(reason) between 2 and 200),
  before_starts_at timestamptz not null,
  before_ends_at timestamptz not null,
  before_place text not null,
  after_starts_at timestamptz not null,
  after_ends_at timestamptz not null,
  after_place text not null,
  check (after_ends_at > after_starts_at),
  check (before_starts_at <> after_starts_at or before_ends_at <> after_ends_at or before_place <> after_place)
);
create index order_changes_of_order on order_changes (order_id, changed_at desc);

-- A need's timeline says when the visit was moved, as it says when it was called off.
alter table demand_events drop constraint demand_events_kind_check;
alter table demand_events add constraint demand_events_kind_check check (kind in ('order_cancelled', 'order_changed'));
