-- Whether a district lets its streets choose their own rule sets, as a dated history (issue 13). The live flag in
-- district_settings is kept for reading today's state; a year's effective rule set reads the switch as it stood at
-- the end of that year, so turning it on or off today never changes a closed year. Rows are never updated.
create table street_choice_changes (
  seq bigint generated always as identity primary key,
  district_id uuid not null references organisations (id),
  streets_choose boolean not null,
  changed_by uuid references users (id),
  changed_at timestamptz not null
);
create index street_choice_changes_district on street_choice_changes (district_id, changed_at desc, seq desc);

-- What was set before the history existed, dated when the district's settings last changed.
insert into street_choice_changes (district_id, streets_choose, changed_by, changed_at)
select district_id, streets_choose_rule_sets, updated_by, updated_at from district_settings where streets_choose_rule_sets;
