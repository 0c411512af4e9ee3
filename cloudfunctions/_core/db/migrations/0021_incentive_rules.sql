-- 激励规则 (issue 15): each district's rules for points, stars, the time bank and the shop, one document per version.
-- A save is a new version with who saved it and when; a version is never changed or removed, so the versions are the
-- audit trail and a rule change can only apply to what is settled after it. No row: the default presets (version 0).
create table incentive_rule_versions (
  district_id uuid not null references organisations (id),
  version integer not null check (version >= 1),
  -- validated by IncentiveRulesDocumentSchema before it is written
  document jsonb not null,
  note text not null default '' check (length(note) <= 200),
  saved_by uuid not null references users (id),
  saved_at timestamptz not null,
  primary key (district_id, version)
);

create function incentive_rules_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'incentive rule versions are kept as saved: % refused (save a new version instead)', tg_op
    using errcode = 'P0001';
end $$;

create trigger incentive_rule_versions_kept before update or delete on incentive_rule_versions
  for each row execute function incentive_rules_refuse_change();
create trigger incentive_rule_versions_no_truncate before truncate on incentive_rule_versions
  for each statement execute function incentive_rules_refuse_change();
