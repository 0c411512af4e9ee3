-- 爱心超市 (issue 15): a community's goods and the redemptions of them. Stock and points live in the ledger (0020):
-- a good's `stock`, `reserved`, `handed_over`, `withdrawn` accounts and a member's `points`; these tables hold what
-- the ledger cannot: the goods' descriptions and each redemption's pick-up code and state.

create table shop_goods (
  id uuid primary key,
  community_id uuid not null references organisations (id),
  name text not null check (length(name) between 1 and 40),
  description text not null default '',
  photo_url text,
  -- The price now; a redemption keeps the price it was paid at.
  price_points integer not null check (price_points between 1 and 100000),
  audience text not null check (audience in ('member', 'resident', 'both')),
  -- How many one person may hold waiting or have picked up; null: no limit.
  per_person_limit integer check (per_person_limit between 1 and 100),
  withdrawn_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index shop_goods_community on shop_goods (community_id, created_at);

create table shop_redemptions (
  id uuid primary key,
  good_id uuid not null references shop_goods (id),
  community_id uuid not null references organisations (id),
  user_id uuid not null references users (id),
  -- The client's key: a double tap finds the redemption it already made.
  request_key text not null unique,
  good_name text not null,
  quantity integer not null check (quantity between 1 and 10),
  price_points integer not null check (price_points > 0),
  -- Six digits read aloud at the counter; unique within the community while the redemption waits.
  pick_up_code text not null check (pick_up_code ~ '^[0-9]{6}$'),
  status text not null check (status in ('waiting', 'handed_over', 'returned', 'cancelled')),
  -- The last day (Beijing) it may be picked up; after it the redemption is returned.
  pick_up_by date not null,
  transaction_id uuid not null references ledger_transactions (id),
  redeemed_at timestamptz not null,
  closed_at timestamptz,
  closed_by uuid references users (id),
  check ((status = 'waiting') = (closed_at is null))
);
create unique index shop_redemptions_open_code on shop_redemptions (community_id, pick_up_code) where status = 'waiting';
create index shop_redemptions_waiting on shop_redemptions (community_id, pick_up_by) where status = 'waiting';
create index shop_redemptions_user on shop_redemptions (user_id, redeemed_at desc);
create index shop_redemptions_good on shop_redemptions (good_id, user_id);
