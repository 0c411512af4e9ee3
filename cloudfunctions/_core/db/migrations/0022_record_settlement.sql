-- Points and banked hours follow the service record (issue 15), whatever path writes it: a trigger queues the source
-- ('record:<id>', 'suggestion:<id>') in the same transaction as the write, and settlement (_core/incentives/settlement)
-- brings the ledger in line with it later — a reversing transaction and a new one when the record changed. The
-- triggers only queue: a bulk load (session_replication_role = replica, where they fire too) pays one insert per row.
create table ledger_settlement_queue (
  source_ref text not null check (source_ref ~ '^(record|suggestion):'),
  -- Whose balance waits on it: a read of that member's balance settles it first.
  member_id uuid not null,
  queued_at timestamptz not null default now(),
  primary key (source_ref, member_id)
);
create index ledger_settlement_queue_member on ledger_settlement_queue (member_id);
create index ledger_settlement_queue_time on ledger_settlement_queue (queued_at);

create function queue_new_service_records() returns trigger
language plpgsql as $$
begin
  insert into ledger_settlement_queue (source_ref, member_id)
  select 'record:' || id, member_id from new_records where status = 'credited'
  on conflict do nothing;
  return null;
end $$;

create trigger service_records_settle_insert
  after insert on service_records referencing new table as new_records
  for each statement execute function queue_new_service_records();
alter table service_records enable always trigger service_records_settle_insert;

create function queue_changed_service_record() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and (old.status, old.minutes_credited, old.member_id, old.source, old.service_date, old.order_id, old.certifying_org_id)
     is not distinct from (new.status, new.minutes_credited, new.member_id, new.source, new.service_date, new.order_id, new.certifying_org_id) then
    return null;
  end if;
  insert into ledger_settlement_queue (source_ref, member_id) values ('record:' || old.id, old.member_id) on conflict do nothing;
  if tg_op = 'UPDATE' and new.member_id <> old.member_id then
    insert into ledger_settlement_queue (source_ref, member_id) values ('record:' || new.id, new.member_id) on conflict do nothing;
  end if;
  return null;
end $$;

create trigger service_records_settle_change
  after update of status, minutes_credited, member_id, source, service_date, order_id, certifying_org_id or delete on service_records
  for each row execute function queue_changed_service_record();
alter table service_records enable always trigger service_records_settle_change;

-- A resident's 满意 or the organisation's 优 may arrive after the hours were credited: every record of the order is re-valued.
create function queue_records_of_evaluated_orders() returns trigger
language plpgsql as $$
begin
  insert into ledger_settlement_queue (source_ref, member_id)
  select 'record:' || r.id, r.member_id
    from (select distinct order_id from changed_evaluations where kind in ('resident', 'organisation')) e
    join service_records r on r.order_id = e.order_id
  on conflict do nothing;
  return null;
end $$;

create trigger evaluations_settle_insert
  after insert on evaluations referencing new table as changed_evaluations
  for each statement execute function queue_records_of_evaluated_orders();
create trigger evaluations_settle_update
  after update on evaluations referencing new table as changed_evaluations
  for each statement execute function queue_records_of_evaluated_orders();
create trigger evaluations_settle_delete
  after delete on evaluations referencing old table as changed_evaluations
  for each statement execute function queue_records_of_evaluated_orders();
alter table evaluations enable always trigger evaluations_settle_insert;
alter table evaluations enable always trigger evaluations_settle_update;
alter table evaluations enable always trigger evaluations_settle_delete;

-- The order's category sets the coefficient, its focused team makes it a 集中性活动.
create function queue_records_of_revalued_order() returns trigger
language plpgsql as $$
begin
  if (old.category, old.focused_team_id) is not distinct from (new.category, new.focused_team_id) then
    return null;
  end if;
  insert into ledger_settlement_queue (source_ref, member_id)
  select 'record:' || id, member_id from service_records where order_id = new.id
  on conflict do nothing;
  return null;
end $$;

create trigger orders_settle_change
  after update of category, focused_team_id on orders
  for each row execute function queue_records_of_revalued_order();
alter table orders enable always trigger orders_settle_change;

create function queue_adopted_suggestion() returns trigger
language plpgsql as $$
begin
  if (tg_op = 'INSERT' and new.status = 'adopted')
     or (tg_op = 'UPDATE' and (old.status = 'adopted') <> (new.status = 'adopted')) then
    insert into ledger_settlement_queue (source_ref, member_id) values ('suggestion:' || new.id, new.member_id) on conflict do nothing;
  end if;
  return null;
end $$;

create trigger suggestions_settle
  after insert or update of status on suggestions
  for each row execute function queue_adopted_suggestion();
alter table suggestions enable always trigger suggestions_settle;

-- What is already credited when this migration runs is settled like any later record.
insert into ledger_settlement_queue (source_ref, member_id)
select 'record:' || id, member_id from service_records where status = 'credited'
on conflict do nothing;
insert into ledger_settlement_queue (source_ref, member_id)
select 'suggestion:' || id, member_id from suggestions where status = 'adopted'
on conflict do nothing;
