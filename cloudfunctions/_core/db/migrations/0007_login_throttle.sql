-- Failed logins, per phone (known or not: an unknown phone is throttled alike) and per client address.
create table login_throttle (
  scope text not null check (scope in ('phone', 'address')),
  key text not null check (length(key) between 1 and 80),
  failures integer not null default 0 check (failures >= 0),
  locks integer not null default 0 check (locks >= 0),
  last_failure_at timestamptz,
  locked_until timestamptz,
  primary key (scope, key)
);

-- Where a phone last logged in from: such an address (or WeChat identity) passes that phone's lock,
-- so that strangers failing on a known phone cannot keep its owner out. Forgotten on its first failure.
create table login_known_addresses (
  phone text not null,
  address text not null check (length(address) between 1 and 80),
  last_success_at timestamptz not null,
  primary key (phone, address)
);

-- Who lifted which account's login lock, and when.
create table login_lock_lifts (
  id uuid primary key,
  user_id uuid not null references users (id),
  lifted_by uuid not null references users (id),
  lifted_at timestamptz not null,
  locked_until timestamptz not null
);
create index login_lock_lifts_user on login_lock_lifts (user_id, lifted_at);
