-- A judged scan written in one round trip (issue 12). The judgement is the application's; this only writes
-- what it decided. It locks no more of the order than a foreign key would, so that scans of different
-- members on one order do not wait for each other (the scan's read holds the member's row instead);
-- the order row is taken for update only to complete a full order on a check-out.
-- Returns 'ok', or without writing anything: 'closed' (cancelled, or completed before the scan, since the
-- read) or 'replayed' (this code's device and time step were used meanwhile).
create function checkin_record_scan(
  p_scan_id uuid, p_order_id uuid, p_verifier_id uuid, p_member_id uuid, p_scanned_at timestamptz, p_received_at timestamptz,
  p_kind text, p_code_device_id uuid, p_time_step bigint, p_verifier_device_id uuid, p_counter bigint,
  p_walk_in_id uuid, p_walk_in_reason text,
  p_record_id uuid, p_record_status text, p_service_date date, p_checked_in_at timestamptz,
  p_minutes_measured integer, p_minutes_credited integer
) returns text
language plpgsql
as $$
declare
  v_order orders%rowtype;
begin
  select * into v_order from orders where id = p_order_id for key share;
  if v_order.status = 'cancelled' or (v_order.status = 'completed' and v_order.completed_at <= p_scanned_at) then
    return 'closed';
  end if;

  insert into scans (id, order_id, verifier_id, member_id, scanned_at, received_at, outcome, device_id, counter)
  values (p_scan_id, p_order_id, p_verifier_id, p_member_id, p_scanned_at, p_received_at,
          case p_kind when 'in' then 'checked_in' else 'checked_out' end, p_verifier_device_id, p_counter);
  insert into checkin_code_uses (device_id, time_step, scan_id) values (p_code_device_id, p_time_step, p_scan_id)
  on conflict do nothing;
  if not found then
    delete from scans where id = p_scan_id;
    return 'replayed';
  end if;

  if p_walk_in_reason is not null then
    insert into assignments (id, order_id, member_id, status, accepted_at, walk_in_reason, added_by)
    values (p_walk_in_id, p_order_id, p_member_id, 'accepted', p_received_at, p_walk_in_reason, p_verifier_id)
    on conflict (order_id, member_id) do update set status = 'accepted', accepted_at = p_received_at, closed_at = null,
       walk_in_reason = p_walk_in_reason, added_by = p_verifier_id
     where assignments.status <> 'accepted';
  end if;

  if p_kind = 'in' then
    insert into attendance (order_id, member_id, checked_in_at, check_in_scan_id) values (p_order_id, p_member_id, p_scanned_at, p_scan_id);
    update orders set status = 'in_service' where id = p_order_id and status in ('published', 'staffed');
    return 'ok';
  end if;

  update attendance set checked_out_at = p_scanned_at, check_out_scan_id = p_scan_id where order_id = p_order_id and member_id = p_member_id;
  insert into service_records (id, order_id, member_id, certifying_org_id, content, place, service_date, started_at, ended_at,
                               minutes_measured, minutes_credited, source, status, created_by, created_at)
  values (p_record_id, p_order_id, p_member_id, v_order.community_id, v_order.category || '：' || v_order.title, v_order.place,
          p_service_date, p_checked_in_at, p_scanned_at, p_minutes_measured, p_minutes_credited, 'scan', p_record_status,
          p_verifier_id, p_received_at);
  if v_order.accepted_count < v_order.capacity then
    -- With places free the order stays open until the secretary completes it.
    update orders set status = 'in_service' where id = p_order_id and status in ('published', 'staffed');
    return 'ok';
  end if;
  -- Two last check-outs at once must not both miss the completion: the lock orders them, and the count
  -- below, a statement of its own, sees whatever the one before committed.
  perform 1 from orders where id = p_order_id for no key update;
  update orders o set status = 'completed', completed_at = coalesce(o.completed_at, p_received_at)
   where o.id = p_order_id and o.status not in ('cancelled', 'completed') and o.accepted_count >= o.capacity
     and (select count(*) from attendance t where t.order_id = o.id and t.checked_out_at is not null)
         >= (select count(*) from assignments a where a.order_id = o.id and a.status = 'accepted');
  if not found then
    update orders set status = 'in_service' where id = p_order_id and status in ('published', 'staffed');
  end if;
  return 'ok';
end;
$$;
