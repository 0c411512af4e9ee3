-- The assessment facts reader (issue 13) reads one community's members out of a district: their current stays and
-- their tallies of the year by the community, rather than the whole district's and then keeping 5,000 of 50,000.
create index member_community_history_current_community on member_community_history (community_id) where left_at is null;

-- A tally carries the community its member is in now: set when the tally opens, and moved by a trigger on members
-- with the member (a transfer, a merge), both fired in the benchmark's bulk load too.
alter table member_year_tallies add column community_id uuid references organisations (id);
update member_year_tallies t set community_id = m.community_id from members m where m.user_id = t.member_id;
alter table member_year_tallies alter column community_id set not null;
create index member_year_tallies_community on member_year_tallies (community_id, year);

create or replace function add_to_member_year_tally(member uuid, day date, services integer, minutes integer) returns void
language plpgsql as $$
declare
  quarter integer := extract(quarter from day)::integer;
begin
  if services < 0 then
    update member_year_tallies set
      q1_services = q1_services + case when quarter = 1 then services else 0 end, q1_minutes = q1_minutes + case when quarter = 1 then minutes else 0 end,
      q2_services = q2_services + case when quarter = 2 then services else 0 end, q2_minutes = q2_minutes + case when quarter = 2 then minutes else 0 end,
      q3_services = q3_services + case when quarter = 3 then services else 0 end, q3_minutes = q3_minutes + case when quarter = 3 then minutes else 0 end,
      q4_services = q4_services + case when quarter = 4 then services else 0 end, q4_minutes = q4_minutes + case when quarter = 4 then minutes else 0 end
     where member_id = member and year = extract(year from day)::integer;
    return;
  end if;
  insert into member_year_tallies as t (member_id, year, community_id,
         q1_services, q1_minutes, q2_services, q2_minutes, q3_services, q3_minutes, q4_services, q4_minutes)
  values (member, extract(year from day)::integer, (select m.community_id from members m where m.user_id = member),
          case when quarter = 1 then services else 0 end, case when quarter = 1 then minutes else 0 end,
          case when quarter = 2 then services else 0 end, case when quarter = 2 then minutes else 0 end,
          case when quarter = 3 then services else 0 end, case when quarter = 3 then minutes else 0 end,
          case when quarter = 4 then services else 0 end, case when quarter = 4 then minutes else 0 end)
  on conflict (member_id, year) do update set
    q1_services = t.q1_services + excluded.q1_services, q1_minutes = t.q1_minutes + excluded.q1_minutes,
    q2_services = t.q2_services + excluded.q2_services, q2_minutes = t.q2_minutes + excluded.q2_minutes,
    q3_services = t.q3_services + excluded.q3_services, q3_minutes = t.q3_minutes + excluded.q3_minutes,
    q4_services = t.q4_services + excluded.q4_services, q4_minutes = t.q4_minutes + excluded.q4_minutes;
end $$;

create function move_member_year_tallies() returns trigger
language plpgsql as $$
begin
  update member_year_tallies set community_id = new.community_id where member_id = new.user_id;
  return null;
end $$;

create trigger members_tallies_community
  after update of community_id on members
  for each row when (old.community_id is distinct from new.community_id) execute function move_member_year_tallies();
alter table members enable always trigger members_tallies_community;
