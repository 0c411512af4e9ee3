import { randomUUID } from 'node:crypto';
import type { Database } from '../../cloudfunctions/_core/db/database';

// Orders, service records, resident evaluations and exemptions written with SQL, so that the organisation rates can
// be tested from exactly the rows they count.

/** A completed activity of the community that began at `startsAt` (one hour long). */
export async function addOrder(db: Database, order: { communityId: string; startsAt: string; createdBy: string; title?: string }): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into orders (id, community_id, kind, title, category, place, starts_at, ends_at, capacity, dispatch, status, created_by)
     values ($1, $2, 'activity', $3, '环境美化', '社区广场', $4::timestamptz, $4::timestamptz + interval '1 hour', 50, 'open', 'completed', $5)`,
    [id, order.communityId, order.title ?? '清洁家园', order.startsAt, order.createdBy],
  );
  return id;
}

/** A member's service record on the order, dated `serviceDate` (Beijing), credited unless said. */
export async function addRecord(
  db: Database,
  record: { orderId: string; memberId: string; certifyingOrgId: string; serviceDate: string; createdBy: string; status?: 'credited' | 'pending_approval' | 'awaiting_resident'; minutes?: number },
) {
  const startedAt = `${record.serviceDate}T09:00:00+08:00`;
  await db.query(
    `insert into service_records (id, order_id, member_id, certifying_org_id, content, place, service_date, started_at, ended_at,
                                  minutes_measured, minutes_credited, source, status, created_by)
     values ($1, $2, $3, $4, '清洁家园', '社区广场', $5::date, $6::timestamptz, $6::timestamptz + make_interval(mins => $9), $9, $9, 'manual', $7, $8)`,
    [randomUUID(), record.orderId, record.memberId, record.certifyingOrgId, record.serviceDate, startedAt, record.status ?? 'credited', record.createdBy, record.minutes ?? 60],
  );
}

/** The resident's 回访 of an order. */
export const addResidentEvaluation = (db: Database, orderId: string, rating: 'satisfied' | 'basic' | 'unsatisfied', createdBy: string) =>
  db.query(`insert into evaluations (id, order_id, kind, rating, created_by) values ($1, $2, 'resident', $3, $4)`, [randomUUID(), orderId, rating, createdBy]);

/** A live 免除考核 of the member for the year. */
export const addExemption = (db: Database, memberId: string, year: number, recordedBy: string) =>
  db.query(
    `insert into assessment_exemptions (id, member_id, year, reason, approved_by, recorded_by, recorded_at)
     values ($1, $2, $3, '身体原因不宜参加服务', '台城街道党工委', $4, now())`,
    [randomUUID(), memberId, year, recordedBy],
  );
