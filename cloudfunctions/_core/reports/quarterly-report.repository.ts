import type { Executor } from '../db/database';
import type { DaySpan } from '../assessment/assessment-periods';
import type { OrganisationContacts, QuarterlyFigures } from './quarterly-report.schemas';

/** Whose report it is: a community (an organisation of kind 'community') or a unit. */
export type ReportOwner = { kind: 'community' | 'unit'; id: string };

const OWNER_COLUMN = { community: 'community_id', unit: 'unit_id' } as const;
const ownerColumn = (owner: ReportOwner) => OWNER_COLUMN[owner.kind];

export type ActivitySqlRow = { order_id: string | null; title: string | null; community_name: string | null; held_on: string | null; participants: number; minutes: number };

export type SubmissionRow = {
  id: string;
  community_id: string | null;
  unit_id: string | null;
  version: number;
  figures: QuarterlyFigures;
  submitted_at: Date;
  submitted_by_name: string;
  seen_at: Date | null;
};

/**
 * Credited service (status 'credited', by minutes_credited, dated by service_date: docs/glossary.md 服务时长) in the span,
 * by activity, with the whole span's distinct people and minutes as the row whose order_id is null. A community's
 * activities are its own orders, whoever served; a unit's are the orders its current members served on.
 */
const ACTIVITIES = {
  community: `r.status = 'credited' and r.service_date between $2::date and $3::date and o.community_id = $1`,
  unit: `r.status = 'credited' and r.service_date between $2::date and $3::date
         and r.member_id in (select m.user_id from members m join users u on u.id = m.user_id and u.left_at is null where m.unit_id = $1)`,
} as const;

export const quarterlyReportRepository = {
  /** 服务队、党员工作室和小组 of the organisation standing on `day`: created by then and not archived before it. */
  teamsOn: async (tx: Executor, owner: ReportOwner, day: string) =>
    (await tx.query<{ n: number }>(
      `select count(*)::int as n from teams
        where ${ownerColumn(owner)} = $1 and created_at < ($2::date + 1)::timestamp at time zone 'Asia/Shanghai'
          and (archived_at is null or archived_at >= ($2::date + 1)::timestamp at time zone 'Asia/Shanghai')`,
      [owner.id, day],
    ))[0].n,

  activities: (tx: Executor, owner: ReportOwner, span: DaySpan) =>
    tx.query<ActivitySqlRow>(
      `select o.id as order_id, o.title, c.name as community_name, to_char(min(r.service_date), 'YYYY-MM-DD') as held_on,
              count(distinct r.member_id)::int as participants, coalesce(sum(r.minutes_credited), 0)::int as minutes
         from service_records r
         join orders o on o.id = r.order_id
         join organisations c on c.id = o.community_id
        where ${ACTIVITIES[owner.kind]}
        group by grouping sets ((o.id, o.title, c.name), ())
        order by held_on nulls last, o.title, o.id`,
      [owner.id, span.from, span.to],
    ),

  contactsOf: async (tx: Executor, owner: ReportOwner): Promise<OrganisationContacts | null> =>
    (await tx.query<OrganisationContacts>(
      `select lead_name as "leadName", lead_phone as "leadPhone", contact_name as "contactName", contact_phone as "contactPhone"
         from organisation_contacts where ${ownerColumn(owner)} = $1`,
      [owner.id],
    ))[0] ?? null,

  saveContacts: (tx: Executor, owner: ReportOwner, contacts: OrganisationContacts, by: string, at: Date) =>
    tx.query(
      `insert into organisation_contacts (${ownerColumn(owner)}, lead_name, lead_phone, contact_name, contact_phone, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (coalesce(community_id, unit_id)) do update
         set lead_name = excluded.lead_name, lead_phone = excluded.lead_phone, contact_name = excluded.contact_name,
             contact_phone = excluded.contact_phone, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [owner.id, contacts.leadName, contacts.leadPhone, contacts.contactName, contacts.contactPhone, by, at],
    ),

  /** Holds the organisation's row, so that two submissions at once number their versions one after the other. */
  lockOwner: (tx: Executor, owner: ReportOwner) =>
    tx.query(`select id from ${owner.kind === 'community' ? 'organisations' : 'units'} where id = $1 for update`, [owner.id]),

  /** The latest version submitted for the quarter. */
  latestSubmission: async (tx: Executor, owner: ReportOwner, year: number, quarter: number) =>
    (await tx.query<SubmissionRow>(
      `select q.id, q.community_id, q.unit_id, q.version, q.figures, q.submitted_at, u.name as submitted_by_name, q.seen_at
         from quarterly_reports q join users u on u.id = q.submitted_by
        where q.${ownerColumn(owner)} = $1 and q.year = $2 and q.quarter = $3
        order by q.version desc limit 1`,
      [owner.id, year, quarter],
    ))[0] ?? null,

  insertSubmission: (
    tx: Executor,
    row: { id: string; owner: ReportOwner; year: number; quarter: number; version: number; figures: QuarterlyFigures; by: string; at: Date },
  ) =>
    tx.query(
      `insert into quarterly_reports (id, ${ownerColumn(row.owner)}, year, quarter, version, figures, submitted_by, submitted_at)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [row.id, row.owner.id, row.year, row.quarter, row.version, JSON.stringify(row.figures), row.by, row.at],
    ),

  markSeen: (tx: Executor, id: string, by: string, at: Date) =>
    tx.query('update quarterly_reports set seen_at = $3, seen_by = $2 where id = $1 and seen_at is null', [id, by, at]),

  /** The latest version of each organisation's report of the district for the quarter. */
  latestOfDistrict: (tx: Executor, districtId: string, year: number, quarter: number) =>
    tx.query<SubmissionRow>(
      `select distinct on (coalesce(q.community_id, q.unit_id))
              q.id, q.community_id, q.unit_id, q.version, q.figures, q.submitted_at, '' as submitted_by_name, q.seen_at
         from quarterly_reports q
         left join organisations c on c.id = q.community_id
         left join organisations street on street.id = c.parent_id
         left join units unit on unit.id = q.unit_id
        where q.year = $2 and q.quarter = $3 and (street.parent_id = $1 or unit.district_id = $1)
        order by coalesce(q.community_id, q.unit_id), q.version desc`,
      [districtId, year, quarter],
    ),
};
