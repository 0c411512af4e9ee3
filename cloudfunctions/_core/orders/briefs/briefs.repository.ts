import type { Executor } from '../../db/database';

export interface BriefOrderRow {
  id: string;
  community_id: string;
  community_name: string;
  district_id: string;
  kind: 'demand' | 'activity';
  title: string;
  place: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  leader_member_id: string | null;
  requester_id: string | null;
  records: number;
}

export interface BriefRow {
  order_id: string;
  body: string;
  author_id: string;
  author_name: string;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date;
  due_on: string;
  participants: FrozenParticipant[];
}

export interface FrozenParticipant {
  memberId: string;
  name: string;
  volunteerNo: string;
  minutes: number;
}

export interface PhotoRow {
  id: string;
  order_id: string;
  storage_key: string;
  store_ref: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  position: number;
}

const ORDER_COLUMNS = `o.id, o.community_id, c.name as community_name, street.parent_id as district_id, o.kind, o.title, o.place,
  o.starts_at, o.ends_at, o.status, o.leader_member_id, d.resident_id as requester_id,
  (select count(*)::int from service_records r where r.order_id = o.id) as records`;

const ORDER_FROM = `orders o
  join organisations c on c.id = o.community_id
  join organisations street on street.id = c.parent_id
  left join demands d on d.id = o.demand_id`;

const PHOTO_COLUMNS = `id, order_id, storage_key, store_ref, mime, bytes, width, height, position`;

export const briefsRepository = {
  /** The order with what the 简讯's rules ask of it; `lock` holds its row, so that photo counts and saves queue up. */
  order: async (tx: Executor, orderId: string, lock = false) =>
    (await tx.query<BriefOrderRow>(`select ${ORDER_COLUMNS} from ${ORDER_FROM} where o.id = $1 ${lock ? 'for update of o' : ''}`, [orderId]))[0],

  brief: async (tx: Executor, orderId: string) =>
    (await tx.query<BriefRow>(
      `select b.order_id, b.body, b.author_id, u.name as author_name, b.created_at, b.updated_at, b.submitted_at,
              to_char(b.due_on, 'YYYY-MM-DD') as due_on, b.participants
         from activity_briefs b join users u on u.id = b.author_id where b.order_id = $1`,
      [orderId],
    ))[0],

  /** The members with a service record on the order, with their minutes (every record, credited or awaiting). */
  participants: (tx: Executor, orderId: string) =>
    tx.query<FrozenParticipant>(
      `select m.user_id as "memberId", u.name, m.volunteer_no as "volunteerNo", sum(r.minutes_credited)::int as minutes
         from service_records r join members m on m.user_id = r.member_id join users u on u.id = m.user_id
        where r.order_id = $1
        group by m.user_id, u.name, m.volunteer_no
        order by min(r.started_at), u.name`,
      [orderId],
    ),

  livePhotos: (tx: Executor, orderId: string) =>
    tx.query<PhotoRow>(`select ${PHOTO_COLUMNS} from activity_brief_photos where order_id = $1 and removed_at is null order by position, uploaded_at, id`, [orderId]),

  photo: async (tx: Executor, photoId: string) =>
    (await tx.query<PhotoRow & { removed_at: Date | null }>(`select ${PHOTO_COLUMNS}, removed_at from activity_brief_photos where id = $1`, [photoId]))[0],

  insertPhoto: (tx: Executor, row: Omit<PhotoRow, 'position'> & { position: number; uploadedBy: string; at: Date }) =>
    tx.query(
      `insert into activity_brief_photos (id, order_id, storage_key, store_ref, mime, bytes, width, height, position, uploaded_by, uploaded_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [row.id, row.order_id, row.storage_key, row.store_ref, row.mime, row.bytes, row.width, row.height, row.position, row.uploadedBy, row.at],
    ),

  removePhotos: (tx: Executor, photoIds: readonly string[], at: Date) =>
    tx.query<{ store_ref: string }>(
      `update activity_brief_photos set removed_at = $2 where id = any($1::uuid[]) and removed_at is null returning store_ref`,
      [photoIds, at],
    ),

  placePhotos: (tx: Executor, orderId: string, photoIds: readonly string[]) =>
    tx.query(
      `update activity_brief_photos p set position = k.n - 1
         from unnest($2::uuid[]) with ordinality as k (id, n)
        where p.id = k.id and p.order_id = $1`,
      [orderId, photoIds],
    ),

  saveBrief: (tx: Executor, brief: { orderId: string; body: string; authorId: string; at: Date; dueOn: string; participants: FrozenParticipant[] }) =>
    tx.query(
      `insert into activity_briefs (order_id, body, author_id, created_at, updated_at, submitted_at, due_on, participants)
       values ($1, $2, $3, $4, $4, $4, $5::date, $6::jsonb)
       on conflict (order_id) do update
         set body = excluded.body, author_id = excluded.author_id, updated_at = excluded.updated_at, participants = excluded.participants`,
      [brief.orderId, brief.body, brief.authorId, brief.at, brief.dueOn, JSON.stringify(brief.participants)],
    ),

  /** The users who hear of the community's 简讯: its secretaries. */
  secretariesOf: async (tx: Executor, communityId: string) =>
    (await tx.query<{ user_id: string }>(`select distinct user_id from user_roles where role = 'secretary' and org_id = $1`, [communityId])).map((row) => row.user_id),

  /**
   * The community's finished activities without a 简讯 (completed, or past their end with service records; never
   * cancelled), ended since `since`, the earliest first: the earliest end is the earliest due.
   */
  missing: (tx: Executor, filter: { communityId?: string; since: Date; now: Date }) =>
    tx.query<BriefOrderRow>(
      `select ${ORDER_COLUMNS} from ${ORDER_FROM}
        where o.kind = 'activity' and o.status <> 'cancelled' and o.ends_at <= $2 and o.ends_at >= $3
          and ($1::uuid is null or o.community_id = $1)
          and (o.status = 'completed' or exists (select 1 from service_records r where r.order_id = o.id))
          and not exists (select 1 from activity_briefs b where b.order_id = o.id)
        order by o.ends_at, o.id
        limit 500`,
      [filter.communityId ?? null, filter.now, filter.since],
    ),

  /** The 简讯 of these orders, for the 季报表: the text, and how many photos it keeps. */
  summaries: (tx: Executor, orderIds: readonly string[]) =>
    tx.query<{ order_id: string; body: string; photos: number; late: boolean }>(
      `select b.order_id, b.body, (b.submitted_at at time zone 'Asia/Shanghai')::date > b.due_on as late,
              (select count(*)::int from activity_brief_photos p where p.order_id = b.order_id and p.removed_at is null) as photos
         from activity_briefs b where b.order_id = any($1::uuid[])`,
      [orderIds],
    ),
};
