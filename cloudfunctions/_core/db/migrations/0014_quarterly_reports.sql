-- 党员义工工作进展情况季报表 (001 附件4): each organisation's quarterly report submitted to the level above (003 §三.2:
-- by the 28th of the quarter's last month). An organisation is a community (organisations, kind 'community') or a unit.

-- 义工组织负责人、联系人 of an organisation, entered with its first report and kept for the next ones.
create table organisation_contacts (
  community_id uuid references organisations (id),
  unit_id uuid references units (id),
  lead_name text not null check (length(lead_name) between 1 and 30),
  lead_phone text not null check (length(lead_phone) between 7 and 20),
  contact_name text not null check (length(contact_name) between 1 and 30),
  contact_phone text not null check (length(contact_phone) between 7 and 20),
  updated_by uuid not null references users (id),
  updated_at timestamptz not null,
  check ((community_id is null) <> (unit_id is null))
);
create unique index organisation_contacts_owner on organisation_contacts (coalesce(community_id, unit_id));

-- Each submission is a version with the figures frozen as they were sent; a resubmission adds the next version while
-- the level above has not opened the report yet (seen_at on the latest version).
create table quarterly_reports (
  id uuid primary key,
  community_id uuid references organisations (id),
  unit_id uuid references units (id),
  year integer not null check (year between 2000 and 2100),
  quarter integer not null check (quarter between 1 and 4),
  version integer not null check (version >= 1),
  figures jsonb not null,
  submitted_by uuid not null references users (id),
  submitted_at timestamptz not null,
  seen_at timestamptz,
  seen_by uuid references users (id),
  check ((community_id is null) <> (unit_id is null)),
  check ((seen_at is null) = (seen_by is null))
);
create unique index quarterly_reports_version on quarterly_reports (coalesce(community_id, unit_id), year, quarter, version);
