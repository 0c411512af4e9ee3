import type { Executor } from '../db/database';
import type { OrderStatus } from '../orders/order-status';

export interface DeviceRow {
  id: string;
  member_id: string;
  secret_ciphertext: string;
  revoked_at: Date | null;
  member_name: string;
  photo_url: string | null;
  volunteer_no: string;
}

export interface ScanOrderRow {
  id: string;
  community_id: string;
  title: string;
  category: string;
  place: string;
  starts_at: Date;
  ends_at: Date;
  status: OrderStatus;
  completed_at: Date | null;
  leader_member_id: string | null;
  requester_id: string | null;
}

export const checkinRepository = {
  findMember: async (tx: Executor, userId: string) =>
    (await tx.query<{ name: string; volunteer_no: string }>(
      'select u.name, m.volunteer_no from members m join users u on u.id = m.user_id where m.user_id = $1',
      [userId],
    ))[0],

  revokeActiveDevices: (tx: Executor, memberId: string, now: Date) =>
    tx.query('update member_devices set revoked_at = $2 where member_id = $1 and revoked_at is null', [memberId, now]),

  insertDevice: (tx: Executor, id: string, memberId: string, ciphertext: string, now: Date) =>
    tx.query('insert into member_devices (id, member_id, secret_ciphertext, created_at) values ($1, $2, $3, $4)', [
      id, memberId, ciphertext, now,
    ]),

  findDevice: async (tx: Executor, deviceId: string) =>
    (await tx.query<DeviceRow>(
      `select d.id, d.member_id, d.secret_ciphertext, d.revoked_at, u.name as member_name, u.photo_url, m.volunteer_no
         from member_devices d join members m on m.user_id = d.member_id join users u on u.id = d.member_id
        where d.id = $1`,
      [deviceId],
    ))[0],

  /** Locks the order row so that concurrent scans on one order are judged one after another. */
  lockOrder: async (tx: Executor, orderId: string) =>
    (await tx.query<ScanOrderRow>(
      `select o.id, o.community_id, o.title, o.category, o.place, o.starts_at, o.ends_at, o.status, o.completed_at, o.leader_member_id,
              d.resident_id as requester_id
         from orders o left join demands d on d.id = o.demand_id where o.id = $1 for update of o`,
      [orderId],
    ))[0],

  /** Whether the member holds an accepted place on the order, and their attendance on it so far. */
  findPlaceAndAttendance: async (tx: Executor, orderId: string, memberId: string) =>
    (await tx.query<{ accepted: boolean; checked_in_at: Date | null; checked_out_at: Date | null }>(
      `select a.status = 'accepted' as accepted, t.checked_in_at, t.checked_out_at
         from assignments a left join attendance t on t.order_id = a.order_id and t.member_id = a.member_id
        where a.order_id = $1 and a.member_id = $2`,
      [orderId, memberId],
    ))[0],

  findScan: async (tx: Executor, scanId: string) =>
    (await tx.query<{ id: string; order_id: string; verifier_id: string; member_id: string; scanned_at: Date; outcome: 'checked_in' | 'checked_out' }>(
      'select id, order_id, verifier_id, member_id, scanned_at, outcome from scans where id = $1',
      [scanId],
    ))[0],

  /**
   * Keeps the scan and claims its code for this device and time step, in one statement.
   * False when the code was already presented: a replay (the caller then rolls the scan back).
   */
  recordScanAndUseCode: async (
    tx: Executor,
    scan: { id: string; orderId: string; verifierId: string; memberId: string; scannedAt: Date; receivedAt: Date; outcome: string; deviceId: string; step: number },
  ) =>
    (await tx.query(
      `with scan as (
         insert into scans (id, order_id, verifier_id, member_id, scanned_at, received_at, outcome)
         values ($1, $2, $3, $4, $5, $6, $7) returning id)
       insert into checkin_code_uses (device_id, time_step, scan_id) select $8, $9, id from scan
       on conflict do nothing returning scan_id`,
      [scan.id, scan.orderId, scan.verifierId, scan.memberId, scan.scannedAt, scan.receivedAt, scan.outcome, scan.deviceId, scan.step],
    )).length === 1,

  checkIn: (tx: Executor, orderId: string, memberId: string, at: Date, scanId: string) =>
    tx.query('insert into attendance (order_id, member_id, checked_in_at, check_in_scan_id) values ($1, $2, $3, $4)', [
      orderId, memberId, at, scanId,
    ]),

  checkOut: (tx: Executor, orderId: string, memberId: string, at: Date, scanId: string) =>
    tx.query('update attendance set checked_out_at = $3, check_out_scan_id = $4 where order_id = $1 and member_id = $2', [
      orderId, memberId, at, scanId,
    ]),

  attendanceOfOrder: (tx: Executor, orderId: string) =>
    tx.query<{ member_id: string; name: string; volunteer_no: string; checked_in_at: Date | null; checked_out_at: Date | null }>(
      `select a.member_id, u.name, m.volunteer_no, t.checked_in_at, t.checked_out_at
         from assignments a join users u on u.id = a.member_id join members m on m.user_id = a.member_id
         left join attendance t on t.order_id = a.order_id and t.member_id = a.member_id
        where a.order_id = $1 and a.status = 'accepted' order by u.name`,
      [orderId],
    ),
};
