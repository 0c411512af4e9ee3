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
 * Everything the judgement of one scan needs, in one statement (migration 0011): it locks the member's row, not
 * the order's, then reads, so that a scan that waited for another scan of the same member sees what that wrote.
 */
const READ_FACTS = 'select * from checkin_scan_facts($1::uuid, $2::uuid, $3::uuid, $4::bigint, $5::timestamptz, $6::uuid[])';

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
