-- 考核 (issue 13): rule sets per district (or street) and year, and the inputs the rules need.

-- A rule set chosen for an assessment year. Rows are never updated: each change is a new version with who and why,
-- so the versions are the audit trail; the current one is the highest version.
create table assessment_rule_sets (
  id uuid primary key,
  district_id uuid not null references organisations (id),
  -- null: the district's own choice; else a street's, where the district lets streets choose
  street_id uuid references organisations (id),
  year integer not null check (year between 2000 and 2100),
  version integer not null check (version >= 1),
  -- the preset it started from (presets.ts), null when written from scratch
  preset text,
  -- validated by RuleSetSchema before it is written
  document jsonb not null,
  reason text not null check (length(reason) between 1 and 200),
  chosen_by uuid not null references users (id),
  chosen_at timestamptz not null
);
create unique index assessment_rule_sets_version on assessment_rule_sets (district_id, coalesce(street_id, district_id), year, version);

alter table district_settings add column streets_choose_rule_sets boolean not null default false;

-- 免除考核: a member unfit to serve, exempted for a year with the upper committee's approval (000 §三.(三)).
create table assessment_exemptions (
  id uuid primary key,
  member_id uuid not null references members (user_id),
  year integer not null check (year between 2000 and 2100),
  reason text not null check (length(reason) between 2 and 200),
  -- who approved it, as written on the approval (e.g. 台城街道党工委)
  approved_by text not null check (length(approved_by) between 2 and 60),
  approval_ref text check (length(approval_ref) between 1 and 60),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  check ((revoked_at is null) = (revoked_by is null))
);
create unique index assessment_exemptions_one_live on assessment_exemptions (member_id, year) where revoked_at is null;

-- The cultivation period of an 入党积极分子 runs from activist_since until joined_party_on (000 §三.(二)).
alter table members add column activist_since date;
alter table members add column joined_party_on date;
alter table members add check (joined_party_on is null or activist_since is null or joined_party_on >= activist_since);

-- 服务队 (001 §五.(一), 002 §二.3): a community's or a unit's team, a 党员工作室, or a team formed around a need or a skill.
create table teams (
  id uuid primary key,
  community_id uuid references organisations (id),
  unit_id uuid references units (id),
  kind text not null check (kind in ('service_team', 'studio', 'need', 'skill')),
  name text not null check (length(name) between 1 and 40),
  description text not null default '' check (length(description) <= 200),
  captain_member_id uuid references members (user_id),
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  archived_at timestamptz,
  check ((community_id is null) <> (unit_id is null))
);
create unique index teams_name_per_owner on teams (coalesce(community_id, unit_id), name) where archived_at is null;

create table team_members (
  team_id uuid not null references teams (id),
  member_id uuid not null references members (user_id),
  joined_at timestamptz not null,
  left_at timestamptz,
  primary key (team_id, member_id),
  check (left_at is null or left_at >= joined_at)
);
create index team_members_member on team_members (member_id) where left_at is null;

-- 集中性活动: an activity the team holds together (001 §五.(二)三).
alter table orders add column focused_team_id uuid references teams (id);
create index orders_focused_team on orders (focused_team_id, starts_at) where focused_team_id is not null;

-- 建议 (004 §二.2(3)): a member's suggestion to the community, and the secretary's reply or forwarding.
create table suggestions (
  id uuid primary key,
  member_id uuid not null references members (user_id),
  community_id uuid not null references organisations (id),
  category text not null,
  body text not null check (length(body) between 5 and 500),
  status text not null default 'submitted' check (status in ('submitted', 'replied', 'forwarded', 'adopted', 'withdrawn')),
  reply text check (length(reply) between 1 and 500),
  forwarded_to text check (length(forwarded_to) between 1 and 60),
  handled_by uuid references users (id),
  handled_at timestamptz,
  submitted_at timestamptz not null,
  check ((status in ('replied', 'adopted')) <= (reply is not null)),
  check ((status = 'forwarded') <= (forwarded_to is not null)),
  check ((status in ('submitted', 'withdrawn')) = (handled_at is null))
);
create index suggestions_community on suggestions (community_id, status, submitted_at desc);
create index suggestions_member on suggestions (member_id, submitted_at);

-- 承诺 and 实事好事 (001 §五.(三)二, 002 §三.1): a member's 好事 or a team's 实事 for a 帮扶对象, committed for a year,
-- reported as fulfilled, and confirmed (or sent back) by the secretary. It counts once confirmed.
create table commitments (
  id uuid primary key,
  year integer not null check (year between 2000 and 2100),
  community_id uuid not null references organisations (id),
  member_id uuid references members (user_id),
  team_id uuid references teams (id),
  beneficiary text not null check (length(beneficiary) between 1 and 60),
  content text not null check (length(content) between 2 and 300),
  status text not null default 'committed' check (status in ('committed', 'fulfilled', 'confirmed', 'returned')),
  fulfilment text check (length(fulfilment) between 2 and 300),
  fulfilled_at timestamptz,
  return_reason text check (length(return_reason) between 1 and 200),
  confirmed_by uuid references users (id),
  confirmed_at timestamptz,
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  check ((member_id is null) <> (team_id is null)),
  check ((status in ('fulfilled', 'confirmed')) <= (fulfilled_at is not null)),
  check ((status = 'confirmed') = (confirmed_at is not null)),
  check ((status = 'returned') <= (return_reason is not null))
);
create index commitments_community on commitments (community_id, year, status);
create index commitments_member on commitments (member_id, year) where member_id is not null;
create index commitments_team on commitments (team_id, year) where team_id is not null;
