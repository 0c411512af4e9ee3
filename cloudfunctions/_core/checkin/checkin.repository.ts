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
  kind: 'demand' | 'activity';
  capacity: number;
  resident_confirmed_at: Date | null;
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

  /** 添加到名单: the member, of the order's community, joins it on the day without taking one of its places. */
  addWalkIn: async (tx: Executor, walkIn: { id: string; orderId: string; memberId: string; communityId: string; reason: string; by: string; now: Date }) =>
    (await tx.query(
      `insert into assignments (id, order_id, member_id, status, accepted_at, walk_in_reason, added_by)
       select $1, $2, m.user_id, 'accepted', $5, $6, $7
         from members m join users u on u.id = m.user_id
        where m.user_id = $3 and m.community_id = $4 and u.left_at is null
       on conflict (order_id, member_id) do update set status = 'accepted', accepted_at = $5, closed_at = null,
          walk_in_reason = $6, added_by = $7
        where assignments.status <> 'accepted'
       returning id`,
      [walkIn.id, walkIn.orderId, walkIn.memberId, walkIn.communityId, walkIn.now, walkIn.reason, walkIn.by],
    )).length === 1,

  checkInByHand: (tx: Executor, orderId: string, memberId: string, at: Date, by: string, reason: string) =>
    tx.query('insert into attendance (order_id, member_id, checked_in_at, checked_in_by, check_in_reason) values ($1, $2, $3, $4, $5)', [
      orderId, memberId, at, by, reason,
    ]),

  findVerifierDevice: async (tx: Executor, deviceId: string) =>
    (await tx.query<{
      id: string; user_id: string; secret_ciphertext: string; revoked_at: Date | null; last_counter: string; last_hash: string;
      last_scanned_at: Date | null; synced_at: Date;
    }>('select * from verifier_devices where id = $1 for update', [deviceId]))[0],

  insertVerifierDevice: (tx: Executor, device: { id: string; userId: string; ciphertext: string; now: Date }) =>
    tx.query('insert into verifier_devices (id, user_id, secret_ciphertext, created_at, synced_at) values ($1, $2, $3, $4, $4)', [
      device.id, device.userId, device.ciphertext, device.now,
    ]),

  advanceVerifierChain: (tx: Executor, deviceId: string, head: { counter: number; hash: string; scannedAt: Date }) =>
    tx.query('update verifier_devices set last_counter = $2, last_hash = $3, last_scanned_at = $4 where id = $1', [
      deviceId, head.counter, head.hash, head.scannedAt,
    ]),

  markVerifierSynced: (tx: Executor, deviceId: string, at: Date) =>
    tx.query('update verifier_devices set synced_at = greatest(synced_at, $2) where id = $1', [deviceId, at]),

  /** A refusal already kept for this queued entry: a re-upload answers it again. */
  findQueuedRefusal: async (tx: Executor, deviceId: string, scanId: string) =>
    (await tx.query<{ code: string; message: string }>('select code, message from scan_refusals where device_id = $1 and scan_id = $2', [
      deviceId, scanId,
    ]))[0],

  keepRefusal: (
    tx: Executor,
    refusal: {
      id: string; scanId: string; orderId: string | null; verifierId: string; memberId: string | null; deviceId: string | null;
      counter: number | null; offline: boolean; scannedAt: Date; receivedAt: Date; code: string; message: string;
    },
  ) =>
    tx.query(
      `insert into scan_refusals (id, scan_id, order_id, verifier_id, member_id, device_id, counter, offline, scanned_at, received_at, code, message)
       select $1::uuid, $2::uuid, (select id from orders where id = $3::uuid), $4::uuid, (select user_id from members where user_id = $5::uuid),
              $6::uuid, $7::bigint, $8::boolean, $9::timestamptz, $10::timestamptz, $11::text, $12::text
       on conflict do nothing`,
      [refusal.id, refusal.scanId, refusal.orderId, refusal.verifierId, refusal.memberId, refusal.deviceId, refusal.counter,
        refusal.offline, refusal.scannedAt, refusal.receivedAt, refusal.code, refusal.message],
    ),

  attendanceOfOrder: (tx: Executor, orderId: string) =>
    tx.query<{ member_id: string; name: string; volunteer_no: string; checked_in_at: Date | null; checked_out_at: Date | null }>(
      `select a.member_id, u.name, m.volunteer_no, t.checked_in_at, t.checked_out_at
         from assignments a join users u on u.id = a.member_id join members m on m.user_id = a.member_id
         left join attendance t on t.order_id = a.order_id and t.member_id = a.member_id
        where a.order_id = $1 and a.status = 'accepted' order by u.name`,
      [orderId],
    ),
};
