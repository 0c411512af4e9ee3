import type { Executor } from '../db/database';
import type { DeviceRow, ScanOrderRow } from './checkin.repository';

export interface ScanFacts {
  /** The scan already kept under this id, if any. */
  seen: { id: string; order_id: string; verifier_id: string; member_id: string; scanned_at: Date; outcome: 'checked_in' | 'checked_out' } | null;
  order: (ScanOrderRow & { in_callers_districts: boolean }) | null;
  device: (DeviceRow & { member_community_id: string; member_left: boolean }) | null;
  codeUsed: boolean;
  /** The member's place on the order: undefined without an assignment. */
  place: { accepted: boolean; checked_in_at: Date | null; checked_out_at: Date | null } | undefined;
  /** The member's other service overlapping the scan (from the check-in on a check-out), if any. */
  clash: { order_id: string; title: string; started_at: Date; ended_at: Date | null } | null;
  /** Minutes already credited to the member on the business day of their check-in on this order. */
  creditedOnCheckInDay: number;
}

type FactsRow = {
  seen_id: string | null; seen_order_id: string; seen_verifier_id: string; seen_member_id: string; seen_scanned_at: Date;
  seen_outcome: 'checked_in' | 'checked_out';
  order_id: string | null; community_id: string; title: string; category: string; place: string; starts_at: Date; ends_at: Date;
  status: ScanOrderRow['status']; completed_at: Date | null; leader_member_id: string | null; requester_id: string | null;
  kind: ScanOrderRow['kind']; capacity: number; resident_confirmed_at: Date | null; in_callers_districts: boolean;
  device_id: string | null; member_id: string; secret_ciphertext: string; revoked_at: Date | null; member_name: string;
  photo_url: string | null; volunteer_no: string; member_community_id: string; member_left: boolean;
  code_used: boolean; has_assignment: boolean; accepted: boolean; checked_in_at: Date | null; checked_out_at: Date | null;
  clash_order_id: string | null; clash_title: string; clash_started_at: Date; clash_ended_at: Date | null; credited_minutes: string;
};

/**
 * Everything the judgement of one scan needs, in one statement. It locks the member's row (not the order's):
 * two scans of one member — on one order or on two overlapping ones — are judged one after the other, while
 * scans of different members on one order go side by side; the unique keys on attendance, scans and code uses
 * catch whatever else could collide.
 */
const READ_FACTS = `
with seen as (
  select id, order_id, verifier_id, member_id, scanned_at, outcome from scans where id = $1::uuid
), ord as (
  select o.id, o.community_id, o.title, o.category, o.place, o.starts_at, o.ends_at, o.status, o.completed_at, o.leader_member_id,
         o.kind, o.capacity, o.resident_confirmed_at, d.resident_id as requester_id,
         exists (select 1 from organisations c join organisations s on s.id = c.parent_id
                  where c.id = o.community_id and s.parent_id = any($6::uuid[])) as in_callers_districts
    from orders o left join demands d on d.id = o.demand_id
   where o.id = $2::uuid
), dev as (
  select d.id, d.member_id, d.secret_ciphertext, d.revoked_at, u.name as member_name, u.photo_url, m.volunteer_no,
         m.community_id as member_community_id, u.left_at is not null as member_left
    from member_devices d join members m on m.user_id = d.member_id join users u on u.id = d.member_id
   where d.id = $3::uuid
     for no key update of m
)
select s.id as seen_id, s.order_id as seen_order_id, s.verifier_id as seen_verifier_id, s.member_id as seen_member_id,
       s.scanned_at as seen_scanned_at, s.outcome as seen_outcome,
       o.id as order_id, o.community_id, o.title, o.category, o.place, o.starts_at, o.ends_at, o.status, o.completed_at,
       o.leader_member_id, o.requester_id, o.kind, o.capacity, o.resident_confirmed_at, coalesce(o.in_callers_districts, false) as in_callers_districts,
       v.id as device_id, v.member_id, v.secret_ciphertext, v.revoked_at, v.member_name, v.photo_url, v.volunteer_no,
       v.member_community_id, coalesce(v.member_left, false) as member_left,
       exists (select 1 from checkin_code_uses u where u.device_id = v.id and u.time_step = $4::bigint) as code_used,
       a.id is not null as has_assignment, coalesce(a.status = 'accepted', false) as accepted, t.checked_in_at, t.checked_out_at,
       c.order_id as clash_order_id, c.title as clash_title, c.started_at as clash_started_at, c.ended_at as clash_ended_at,
       coalesce(cr.minutes, 0) as credited_minutes
  from (select 1) one
  left join seen s on true
  left join ord o on true
  left join dev v on true
  left join assignments a on a.order_id = o.id and a.member_id = v.member_id
  left join attendance t on t.order_id = o.id and t.member_id = v.member_id
  left join lateral (
    select r.order_id, ro.title, r.started_at, r.ended_at
      from service_records r join orders ro on ro.id = r.order_id
     where r.member_id = v.member_id and r.order_id <> o.id
       and r.started_at < $5::timestamptz + interval '1 second' and r.ended_at > coalesce(t.checked_in_at, $5::timestamptz)
    union all
    select a2.order_id, ao.title, a2.checked_in_at, null
      from attendance a2 join orders ao on ao.id = a2.order_id
     where a2.member_id = v.member_id and a2.order_id <> o.id and a2.checked_out_at is null
       and a2.checked_in_at < $5::timestamptz + interval '1 second' and ao.ends_at + interval '2 hours' > coalesce(t.checked_in_at, $5::timestamptz)
       and ao.status <> 'cancelled'
    order by 3 limit 1
  ) c on true
  left join lateral (
    select sum(minutes_credited) as minutes from service_records
     where member_id = v.member_id and status = 'credited' and service_date = (t.checked_in_at at time zone 'Asia/Shanghai')::date
  ) cr on t.checked_in_at is not null`;

export async function readScanFacts(
  tx: Executor,
  scan: { scanId: string; orderId: string; codeDeviceId: string | null; step: number | null; callersDistricts: string[]; scannedAt: Date },
): Promise<ScanFacts> {
  const [row] = await tx.query<FactsRow>(READ_FACTS, [
    scan.scanId, scan.orderId, scan.codeDeviceId, scan.step, scan.scannedAt, scan.callersDistricts,
  ]);
  return {
    seen: row.seen_id
      ? { id: row.seen_id, order_id: row.seen_order_id, verifier_id: row.seen_verifier_id, member_id: row.seen_member_id, scanned_at: row.seen_scanned_at, outcome: row.seen_outcome }
      : null,
    order: row.order_id
      ? {
          id: row.order_id, community_id: row.community_id, title: row.title, category: row.category, place: row.place, starts_at: row.starts_at,
          ends_at: row.ends_at, status: row.status, completed_at: row.completed_at, leader_member_id: row.leader_member_id,
          requester_id: row.requester_id, kind: row.kind, capacity: row.capacity, resident_confirmed_at: row.resident_confirmed_at,
          in_callers_districts: row.in_callers_districts,
        }
      : null,
    device: row.device_id
      ? {
          id: row.device_id, member_id: row.member_id, secret_ciphertext: row.secret_ciphertext, revoked_at: row.revoked_at, member_name: row.member_name,
          photo_url: row.photo_url, volunteer_no: row.volunteer_no, member_community_id: row.member_community_id, member_left: row.member_left,
        }
      : null,
    codeUsed: row.code_used,
    place: row.has_assignment ? { accepted: row.accepted, checked_in_at: row.checked_in_at, checked_out_at: row.checked_out_at } : undefined,
    clash: row.clash_order_id ? { order_id: row.clash_order_id, title: row.clash_title, started_at: row.clash_started_at, ended_at: row.clash_ended_at } : null,
    creditedOnCheckInDay: Number(row.credited_minutes),
  };
}

export interface JudgedScan {
  scanId: string;
  orderId: string;
  verifierId: string;
  memberId: string;
  scannedAt: Date;
  receivedAt: Date;
  kind: 'in' | 'out';
  codeDeviceId: string;
  step: number;
  verifierDeviceId: string | null;
  counter: number | null;
  walkIn: { id: string; reason: string } | null;
  /** For a check-out: the service record it credits. */
  record: { id: string; status: string; serviceDate: string; checkedInAt: Date; minutesMeasured: number; minutesCredited: number } | null;
}

/** Writes a judged scan in one statement (migration 0011); 'closed' or 'replayed' when it wrote nothing. */
export async function recordJudgedScan(tx: Executor, scan: JudgedScan): Promise<'ok' | 'closed' | 'replayed'> {
  const [row] = await tx.query<{ outcome: 'ok' | 'closed' | 'replayed' }>(
    `select checkin_record_scan($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::timestamptz, $6::timestamptz, $7::text, $8::uuid, $9::bigint,
              $10::uuid, $11::bigint, $12::uuid, $13::text, $14::uuid, $15::text, $16::date, $17::timestamptz, $18::integer, $19::integer) as outcome`,
    [
      scan.scanId, scan.orderId, scan.verifierId, scan.memberId, scan.scannedAt, scan.receivedAt, scan.kind, scan.codeDeviceId, scan.step,
      scan.verifierDeviceId, scan.counter, scan.walkIn?.id ?? null, scan.walkIn?.reason ?? null, scan.record?.id ?? null, scan.record?.status ?? null,
      scan.record?.serviceDate ?? null, scan.record?.checkedInAt ?? null, scan.record?.minutesMeasured ?? null, scan.record?.minutesCredited ?? null,
    ],
  );
  return row.outcome;
}
