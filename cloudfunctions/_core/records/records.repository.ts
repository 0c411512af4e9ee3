import type { Executor } from '../db/database';
import type { RECORD_STATUSES } from './records.schemas';

export type RecordStatus = (typeof RECORD_STATUSES)[number];

export interface NewServiceRecord {
  id: string;
  orderId: string;
  memberId: string;
  certifyingOrgId: string;
  content: string;
  place: string;
  serviceDate: string;
  startedAt: Date;
  endedAt: Date;
  minutesMeasured: number;
  minutesCredited: number;
  source: 'scan' | 'manual';
  status: RecordStatus;
  createdBy: string;
  now: Date;
}

export interface RecordRow {
  id: string;
  order_id: string;
  member_id: string;
  member_name: string;
  volunteer_no: string;
  certifying_org_id: string;
  certifying_org_name: string;
  content: string;
  place: string;
  service_date: string;
  started_at: Date;
  ended_at: Date;
  minutes_measured: number;
  minutes_credited: number;
  source: 'scan' | 'manual';
  status: RecordStatus;
  order_title: string;
  verifier_name: string | null;
  self_rating: 'excellent' | 'good' | 'fair' | 'done' | null;
  /** For a record held by the 8-hours rule: what the member already has credited that day. */
  day_credited_minutes: string | null;
  resident_confirmed_at: Date | null;
  organisation_rating: string | null;
  resident_rating: string | null;
  self_comment: string | null;
  order_kind: 'demand' | 'activity';
  /** On a page of a list: how many records the list holds. */
  total?: string;
}

const RECORD_COLUMNS = `
  r.id, r.order_id, r.member_id, u.name as member_name, m.volunteer_no, r.certifying_org_id,
  org.name as certifying_org_name, r.content, r.place, to_char(r.service_date, 'YYYY-MM-DD') as service_date,
  r.started_at, r.ended_at, r.minutes_measured, r.minutes_credited, r.source, r.status,
  o.kind as order_kind, o.title as order_title, vu.name as verifier_name, o.resident_confirmed_at,
  eo.rating as organisation_rating, er.rating as resident_rating, es.comment as self_comment, es.rating as self_rating,
  case when r.status = 'pending_approval' then
    (select coalesce(sum(day.minutes_credited), 0) from service_records day
      where day.member_id = r.member_id and day.service_date = r.service_date and day.status = 'credited') end as day_credited_minutes`;

/** Every join here is to one row at most (the inner ones by not-null foreign keys), so a page's rows stay those picked. */
const RECORD_JOINS = `
    join users u on u.id = r.member_id
    join members m on m.user_id = r.member_id
    join organisations org on org.id = r.certifying_org_id
    join orders o on o.id = r.order_id
    left join users vu on vu.id = r.created_by
    left join evaluations eo on eo.order_id = r.order_id and eo.kind = 'organisation'
    left join evaluations er on er.order_id = r.order_id and er.kind = 'resident'
    left join evaluations es on es.order_id = r.order_id and es.kind = 'self' and es.member_id = r.member_id`;

const SELECT_RECORD = `select ${RECORD_COLUMNS} from service_records r ${RECORD_JOINS}`;

/**
 * The records matching `where`, newest first: the page's ids are picked on service_records alone, the display
 * joins applied to those rows only, and the total counted without them.
 */
const recordPage = (where: string, limit: string, offset: string) => `
  select ${RECORD_COLUMNS}, (select count(*) from service_records r where ${where}) as total
    from (select r.id, r.started_at from service_records r where ${where}
           order by r.started_at desc, r.id limit ${limit} offset ${offset}) page
    join service_records r on r.id = page.id ${RECORD_JOINS}
   order by page.started_at desc, page.id`;

type Paged = { limit: number; offset: number };

export const recordsRepository = {
  insert: (tx: Executor, record: NewServiceRecord) =>
    tx.query(
      `insert into service_records (id, order_id, member_id, certifying_org_id, content, place, service_date, started_at,
                                    ended_at, minutes_measured, minutes_credited, source, status, created_by, created_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
      [record.id, record.orderId, record.memberId, record.certifyingOrgId, record.content, record.place, record.serviceDate,
        record.startedAt, record.endedAt, record.minutesMeasured, record.minutesCredited, record.source, record.status,
        record.createdBy, record.now],
    ),

  creditedOnDay: async (tx: Executor, memberId: string, serviceDate: string) =>
    Number(
      (await tx.query<{ minutes: string }>(
        `select coalesce(sum(minutes_credited), 0) as minutes from service_records
          where member_id = $1 and service_date = $2 and status = 'credited'`,
        [memberId, serviceDate],
      ))[0].minutes,
    ),

  /**
   * The member's other service overlapping [from, to): a record on another order, or a check-in on another order
   * not yet checked out while that order's scan window is still open. One person serves in one place at a time.
   */
  findOverlap: async (tx: Executor, memberId: string, from: Date, to: Date, exceptOrderId: string) =>
    (await tx.query<{ order_id: string; title: string; started_at: Date; ended_at: Date | null }>(
      `select r.order_id, o.title, r.started_at, r.ended_at
         from service_records r join orders o on o.id = r.order_id
        where r.member_id = $1 and r.order_id <> $4 and r.started_at < $3 and r.ended_at > $2
       union all
       select t.order_id, o.title, t.checked_in_at, null
         from attendance t join orders o on o.id = t.order_id
        where t.member_id = $1 and t.order_id <> $4 and t.checked_out_at is null
          and t.checked_in_at < $3 and o.ends_at + interval '2 hours' > $2 and o.status <> 'cancelled'
       order by 3 limit 1`,
      [memberId, from, to, exceptOrderId],
    ))[0],

  /** The member's record on an order, scanned or hand-entered (the newest, should there be both). */
  findByOrderAndMember: async (tx: Executor, orderId: string, memberId: string) =>
    (await tx.query<RecordRow>(`${SELECT_RECORD} where r.order_id = $1 and r.member_id = $2 order by r.created_at desc limit 1`, [orderId, memberId]))[0],

  listOfOrder: (tx: Executor, orderId: string) =>
    tx.query<RecordRow>(`${SELECT_RECORD} where r.order_id = $1 order by r.created_at desc`, [orderId]),

  findById: async (tx: Executor, recordId: string) => (await tx.query<RecordRow>(`${SELECT_RECORD} where r.id = $1`, [recordId]))[0],

  /** Every change to a record is kept: who, when, why, before and after. */
  audit: (tx: Executor, entry: { id: string; recordId: string; actorId: string; action: string; reason: string; before: unknown; after: unknown; at: Date }) =>
    tx.query(
      'insert into record_audit (id, record_id, actor_id, action, reason, before, after, at) values ($1,$2,$3,$4,$5,$6,$7,$8)',
      [entry.id, entry.recordId, entry.actorId, entry.action, entry.reason, JSON.stringify(entry.before), JSON.stringify(entry.after), entry.at],
    ),

  listOfMember: (tx: Executor, memberId: string, from: string, to: string, page: Paged) =>
    tx.query<RecordRow>(
      recordPage('r.member_id = $1 and r.service_date >= $2 and r.service_date < $3', '$4', '$5'),
      [memberId, from, to, page.limit, page.offset],
    ),

  listOfCommunity: (tx: Executor, communityId: string, from: string, to: string, status: string | undefined, page: Paged) =>
    tx.query<RecordRow>(
      recordPage('r.certifying_org_id = $1 and r.service_date >= $2 and r.service_date < $3 and ($4::text is null or r.status = $4)', '$5', '$6'),
      [communityId, from, to, status ?? null, page.limit, page.offset],
    ),

  /** Credited minutes of one member in a year, by source and by quarter (Asia/Shanghai business dates). */
  yearTotals: (tx: Executor, memberId: string, from: string, to: string) =>
    tx.query<{ quarter: number; source: 'scan' | 'manual'; status: string; minutes: string; services: string }>(
      `select extract(quarter from service_date)::int as quarter, source, status,
              sum(minutes_credited) as minutes, count(*) as services
         from service_records where member_id = $1 and service_date >= $2 and service_date < $3
        group by 1, 2, 3`,
      [memberId, from, to],
    ),
};
