-- Each member's credited services and minutes per quarter of a year (issue 13: the community's compliance list reads
-- 5,000 members' tallies instead of aggregating their records). Kept by a trigger in the same transaction as every
-- write to service_records, whatever path writes it, and fired even with session_replication_role = replica (the
-- benchmark's bulk load). A row is never read for a member with an activist date: their cultivation period starts on
-- any day, so the reader lists their records.
create table member_year_tallies (
  member_id uuid not null references members (user_id),
  year integer not null,
  q1_services integer not null default 0 check (q1_services >= 0),
  q1_minutes integer not null default 0 check (q1_minutes >= 0),
  q2_services integer not null default 0 check (q2_services >= 0),
  q2_minutes integer not null default 0 check (q2_minutes >= 0),
  q3_services integer not null default 0 check (q3_services >= 0),
  q3_minutes integer not null default 0 check (q3_minutes >= 0),
  q4_services integer not null default 0 check (q4_services >= 0),
  q4_minutes integer not null default 0 check (q4_minutes >= 0),
  primary key (member_id, year)
);
create index member_year_tallies_year on member_year_tallies (year, member_id);

-- Adds a credited record to its member's year (services 1) or takes it away (services -1). Taking away updates the
-- row the record was added to, so that the checks never see a negative row.
create function add_to_member_year_tally(member uuid, day date, services integer, minutes integer) returns void
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
  insert into member_year_tallies as t (member_id, year,
         q1_services, q1_minutes, q2_services, q2_minutes, q3_services, q3_minutes, q4_services, q4_minutes)
  values (member, extract(year from day)::integer,
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

create function tally_service_record() returns trigger
language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'credited' then
    perform add_to_member_year_tally(old.member_id, old.service_date, -1, -old.minutes_credited);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'credited' then
    perform add_to_member_year_tally(new.member_id, new.service_date, 1, new.minutes_credited);
  end if;
  return null;
end $$;

create trigger service_records_tally
  after insert or update of member_id, service_date, minutes_credited, status or delete on service_records
  for each row execute function tally_service_record();
alter table service_records enable always trigger service_records_tally;

insert into member_year_tallies (member_id, year,
       q1_services, q1_minutes, q2_services, q2_minutes, q3_services, q3_minutes, q4_services, q4_minutes)
select member_id, extract(year from service_date)::integer,
       count(*) filter (where extract(quarter from service_date) = 1), coalesce(sum(minutes_credited) filter (where extract(quarter from service_date) = 1), 0),
       count(*) filter (where extract(quarter from service_date) = 2), coalesce(sum(minutes_credited) filter (where extract(quarter from service_date) = 2), 0),
       count(*) filter (where extract(quarter from service_date) = 3), coalesce(sum(minutes_credited) filter (where extract(quarter from service_date) = 3), 0),
       count(*) filter (where extract(quarter from service_date) = 4), coalesce(sum(minutes_credited) filter (where extract(quarter from service_date) = 4), 0)
  from service_records where status = 'credited'
 group by member_id, extract(year from service_date);
