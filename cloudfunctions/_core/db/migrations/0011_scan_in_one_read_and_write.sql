-- A scan judged in one read and written in one (issue 12). The judgement is the application's; these
-- functions only read what it needs and write what it decided.
--
-- checkin_scan_facts locks the member's row (not the order's): two scans of one member, on one order or on two
-- overlapping ones, are judged one after the other, while scans of different members on one order go side by
-- side. The facts are read by a statement of their own after the lock is held, so a scan that waited for
-- another sees what that one wrote.
create function checkin_scan_facts(
  p_scan_id uuid, p_order_id uuid, p_code_device_id uuid, p_time_step bigint, p_scanned_at timestamptz, p_callers_districts uuid[]
) returns table (
  seen_id uuid, seen_order_id uuid, seen_verifier_id uuid, seen_member_id uuid, seen_scanned_at timestamptz, seen_outcome text,
  order_id uuid, community_id uuid, title text, category text, place text, starts_at timestamptz, ends_at timestamptz, status text,
  completed_at timestamptz, leader_member_id uuid, requester_id uuid, kind text, capacity integer, resident_confirmed_at timestamptz,
  in_callers_districts boolean,
  device_id uuid, member_id uuid, secret_ciphertext text, revoked_at timestamptz, member_name text, photo_url text, volunteer_no text,
  member_community_id uuid, member_left boolean,
  code_used boolean, has_assignment boolean, accepted boolean, checked_in_at timestamptz, checked_out_at timestamptz,
  clash_order_id uuid, clash_title text, clash_started_at timestamptz, clash_ended_at timestamptz, credited_minutes bigint
)
language plpgsql
as $$
#variable_conflict use_column
begin
  perform 1 from members m where m.user_id = (select d.member_id from member_devices d where d.id = p_code_device_id) for no key update;
  return query
  with seen as (
    select s.id, s.order_id, s.verifier_id, s.member_id, s.scanned_at, s.outcome from scans s where s.id = p_scan_id
  ), ord as (
    select o.id, o.community_id, o.title, o.category, o.place, o.starts_at, o.ends_at, o.status, o.completed_at, o.leader_member_id,
           o.kind, o.capacity, o.resident_confirmed_at, d.resident_id as requester_id,
           exists (select 1 from organisations c join organisations st on st.id = c.parent_id
                    where c.id = o.community_id and st.parent_id = any(p_callers_districts)) as in_callers_districts
      from orders o left join demands d on d.id = o.demand_id
     where o.id = p_order_id
  ), dev as (
    select d.id, d.member_id, d.secret_ciphertext, d.revoked_at, u.name as member_name, u.photo_url, m.volunteer_no,
           m.community_id as member_community_id, u.left_at is not null as member_left
      from member_devices d join members m on m.user_id = d.member_id join users u on u.id = d.member_id
     where d.id = p_code_device_id
  )
  select s.id, s.order_id, s.verifier_id, s.member_id, s.scanned_at, s.outcome,
         o.id, o.community_id, o.title, o.category, o.place, o.starts_at, o.ends_at, o.status, o.completed_at,
         o.leader_member_id, o.requester_id, o.kind, o.capacity, o.resident_confirmed_at, coalesce(o.in_callers_districts, false),
         v.id, v.member_id, v.secret_ciphertext, v.revoked_at, v.member_name, v.photo_url, v.volunteer_no,
         v.member_community_id, coalesce(v.member_left, false),
         exists (select 1 from checkin_code_uses cu where cu.device_id = v.id and cu.time_step = p_time_step),
         a.id is not null, coalesce(a.status = 'accepted', false), t.checked_in_at, t.checked_out_at,
         c.order_id, c.title, c.started_at, c.ended_at,
         coalesce(cr.minutes, 0)
    from (select 1) one
    left join seen s on true
    left join ord o on true
    left join dev v on true
    left join assignments a on a.order_id = o.id and a.member_id = v.member_id
    left join attendance t on t.order_id = o.id and t.member_id = v.member_id
    -- The member's other service overlapping the scan (from the check-in, on a check-out): a record on another
    -- order, or a check-in there not yet checked out while its scan window is still open.
    left join lateral (
      select r.order_id, ro.title, r.started_at, r.ended_at
        from service_records r join orders ro on ro.id = r.order_id
       where r.member_id = v.member_id and r.order_id <> o.id
         and r.started_at < p_scanned_at + interval '1 second' and r.ended_at > coalesce(t.checked_in_at, p_scanned_at)
      union all
      select a2.order_id, ao.title, a2.checked_in_at, null
        from attendance a2 join orders ao on ao.id = a2.order_id
       where a2.member_id = v.member_id and a2.order_id <> o.id and a2.checked_out_at is null
         and a2.checked_in_at < p_scanned_at + interval '1 second' and ao.ends_at + interval '2 hours' > coalesce(t.checked_in_at, p_scanned_at)
         and ao.status <> 'cancelled'
      order by 3 limit 1
    ) c on true
    left join lateral (
      select sum(sr.minutes_credited) as minutes from service_records sr
       where sr.member_id = v.member_id and sr.status = 'credited'
         and sr.service_date = (t.checked_in_at at time zone 'Asia/Shanghai')::date
    ) cr on t.checked_in_at is not null;
end;
$$;

-- checkin_record_scan writes a judged scan. It locks no more of the order than a foreign key would, so that
-- scans of different members on one order do not wait for each other; the order row is taken for update only
-- to complete a full order on a check-out.
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
