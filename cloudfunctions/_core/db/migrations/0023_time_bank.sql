-- 爱心时间银行 (issue 15, part C): the ledger holds every minute; these tables hold what the minutes are about.

-- A member's 直系亲属 who lives in a community of the same district (北京, 杭州: banked hours may be given to them).
-- The link counts once the relative accepts it in their app, or their community's secretary confirms it for them.
create table family_links (
  id uuid primary key,
  member_id uuid not null references users (id),
  relative_id uuid not null references users (id),
  -- The relative is the member's …
  relation text not null check (relation in (
    'father', 'mother', 'spouse', 'son', 'daughter',
    'paternal_grandfather', 'paternal_grandmother', 'maternal_grandfather', 'maternal_grandmother',
    'grandson', 'granddaughter', 'daughters_son', 'daughters_daughter')),
  status text not null default 'pending' check (status in ('pending', 'linked', 'declined', 'removed')),
  confirmed_via text check (confirmed_via in ('relative', 'secretary')),
  answered_by uuid references users (id),
  created_at timestamptz not null,
  answered_at timestamptz,
  check (member_id <> relative_id),
  check ((status = 'linked') = (confirmed_via is not null))
);
create unique index family_links_open on family_links (member_id, relative_id) where status in ('pending', 'linked');
create index family_links_relative on family_links (relative_id) where status in ('pending', 'linked');

-- A need posted with 使用时间银行: its hours are held from the payer's account until the service is confirmed
-- (the hours served are spent, the rest returns) or the need ends (all returns). One hold per need.
create table time_bank_holds (
  demand_id uuid primary key references demands (id),
  payer_id uuid not null references users (id),
  district_id uuid not null references organisations (id),
  -- How the passbook names the need: 《买药代购》 or the start of its description.
  title text not null check (length(title) between 1 and 30),
  minutes integer not null check (minutes > 0),
  status text not null default 'held' check (status in ('held', 'settled', 'released')),
  spent_minutes integer check (spent_minutes between 0 and minutes),
  created_at timestamptz not null,
  closed_at timestamptz,
  check ((status = 'held') = (closed_at is null))
);
create index time_bank_holds_open on time_bank_holds (payer_id) where status = 'held';
