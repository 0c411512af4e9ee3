import type { Executor } from '../db/database';
import { containsPattern } from '../shared/search-words';

export interface DemandRow {
  id: string;
  community_id: string;
  resident_id: string | null;
  requester_name: string;
  /** null once the resident left */
  contact_phone: string | null;
  address: string;
  need_kind: string | null;
  category: string;
  sub_item: string | null;
  description: string;
  wanted_from: Date | null;
  wanted_until: Date | null;
  channel: 'self' | 'window' | 'phone' | 'visit' | 'mailbox';
  status: 'submitted' | 'accepted' | 'rejected' | 'withdrawn';
  reject_reason: string | null;
  created_at: Date;
  updated_at: Date;
  order_id: string | null;
  order_title: string | null;
  order_status: string | null;
  order_created_at: Date | null;
  order_starts_at: Date | null;
  order_ends_at: Date | null;
  order_completed_at: Date | null;
  resident_confirmed_at: Date | null;
  first_check_in_at: Date | null;
  /** Hours on the order wait for the resident to confirm the service happened. */
  awaiting_resident: boolean;
  rating: 'satisfied' | 'basic' | 'unsatisfied' | null;
  rating_comment: string | null;
  /** What happened besides its status: a cancelled order sent it back to the pool. */
  events: { at: string; note: string }[];
  community_name: string;
  service_phone: string | null;
  /** The members who accepted the current order, by when they accepted. */
  order_members: { name: string }[];
}

const DEMAND_COLUMNS = `
  d.*, o.id as order_id, o.title as order_title, o.status as order_status, o.created_at as order_created_at,
  o.starts_at as order_starts_at, o.ends_at as order_ends_at, o.completed_at as order_completed_at,
  o.resident_confirmed_at,
  (select min(a.checked_in_at) from attendance a where a.order_id = o.id) as first_check_in_at,
  exists (select 1 from service_records r where r.order_id = o.id and r.status = 'awaiting_resident') as awaiting_resident,
  e.rating, e.comment as rating_comment,
  coalesce((select json_agg(json_build_object('at', ev.at, 'note', ev.note) order by ev.at) from demand_events ev where ev.demand_id = d.id), '[]') as events,
  c.name as community_name, c.service_phone,
  coalesce((select json_agg(json_build_object('name', u.name) order by a.accepted_at, a.id)
              from assignments a join users u on u.id = a.member_id
             where a.order_id = o.id and a.status = 'accepted'), '[]') as order_members`;

/** Each join is to one row at most (the community by a not-null foreign key), so a need's rows stay those picked. */
const DEMAND_JOINS = `
    join organisations c on c.id = d.community_id
    left join lateral (select * from orders where demand_id = d.id order by created_at desc limit 1) o on true
    left join evaluations e on e.order_id = o.id and e.kind = 'resident'`;

const SELECT_DEMAND = `select ${DEMAND_COLUMNS} from demands d ${DEMAND_JOINS}`;

/**
 * The needs matching `where`, newest first: the page's ids are picked on demands alone, the display joins
 * applied to those rows only, and the total counted without them.
 */
const demandPage = (where: string, limit: string, offset: string) => `
  select ${DEMAND_COLUMNS}, (select count(*) from demands d where ${where}) as total
    from (select d.id, d.created_at from demands d where ${where}
           order by d.created_at desc, d.id limit ${limit} offset ${offset}) page
    join demands d on d.id = page.id ${DEMAND_JOINS}
   order by page.created_at desc, page.id`;

export interface NewDemand {
  id: string;
  communityId: string;
  residentId: string | null;
  requesterName: string;
  contactPhone: string;
  address: string;
  kind: string | null;
  category: string;
  subItem: string | null;
  description: string;
  wantedFrom: string | null;
  wantedUntil: string | null;
  channel: DemandRow['channel'];
  createdBy: string;
  now: Date;
}

type Paged = { limit: number; offset: number };

export const demandsRepository = {
  insert: (tx: Executor, demand: NewDemand) =>
    tx.query(
      `insert into demands (id, community_id, resident_id, requester_name, contact_phone, address, category, sub_item,
                            description, wanted_from, wanted_until, channel, created_by, created_at, updated_at, need_kind)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$14,$15)`,
      [demand.id, demand.communityId, demand.residentId, demand.requesterName, demand.contactPhone, demand.address,
        demand.category, demand.subItem, demand.description, demand.wantedFrom, demand.wantedUntil, demand.channel,
        demand.createdBy, demand.now, demand.kind],
    ),

  findById: async (tx: Executor, id: string) =>
    (await tx.query<DemandRow>(`${SELECT_DEMAND} where d.id = $1`, [id]))[0],

  /** Locks the need so that two secretaries cannot both act on it. */
  lockById: async (tx: Executor, id: string) =>
    (await tx.query<Pick<DemandRow, 'id' | 'community_id' | 'resident_id' | 'status'>>(
      'select id, community_id, resident_id, status from demands where id = $1 for update',
      [id],
    ))[0],

  listByResident: (tx: Executor, residentId: string, page: Paged) =>
    tx.query<DemandRow & { total: string }>(
      demandPage('d.resident_id = $1', '$2', '$3'),
      [residentId, page.limit, page.offset],
    ),

  /** The community's needs, newest first; each search word must appear in the description, address, requester's name or category. */
  listByCommunity: (tx: Executor, communityId: string, filter: { status?: string; words: string[] }, page: Paged) =>
    tx.query<DemandRow & { total: string }>(
      demandPage(
        `d.community_id = $1 and ($2::text is null or d.status = $2)
          and not exists (
                select 1 from unnest($5::text[]) as word(pattern)
                 where not (d.description ilike word.pattern escape '\\' or d.address ilike word.pattern escape '\\'
                            or d.requester_name ilike word.pattern escape '\\' or d.category ilike word.pattern escape '\\'
                            or coalesce(d.sub_item, '') ilike word.pattern escape '\\'))`,
        '$3',
        '$4',
      ),
      [communityId, filter.status ?? null, page.limit, page.offset, filter.words.map(containsPattern)],
    ),

  addEvent: (tx: Executor, event: { id: string; demandId: string; kind: 'order_cancelled' | 'order_changed'; note: string; at: Date }) =>
    tx.query('insert into demand_events (id, demand_id, kind, note, at) values ($1, $2, $3, $4, $5)', [
      event.id, event.demandId, event.kind, event.note, event.at,
    ]),

  setStatus: (tx: Executor, id: string, status: DemandRow['status'], now: Date, rejectReason: string | null = null) =>
    tx.query('update demands set status = $2, reject_reason = $3, updated_at = $4 where id = $1', [id, status, rejectReason, now]),

  /** The phone and address the caller gave on their latest need of their own, else their account's and their registered address. */
  formDefaults: async (tx: Executor, userId: string, communityId: string | null) =>
    (await tx.query<{ contact_phone: string | null; address: string | null; community_name: string | null; service_phone: string | null }>(
      `select coalesce(last.contact_phone, u.phone) as contact_phone, coalesce(last.address, r.address) as address,
              c.name as community_name, c.service_phone
         from users u
         left join residents r on r.user_id = u.id
         left join lateral (select contact_phone, address from demands
                             where resident_id = u.id and channel = 'self' and contact_phone is not null
                             order by created_at desc limit 1) last on true
         left join organisations c on c.id = $2
        where u.id = $1`,
      [userId, communityId],
    ))[0],

  residentCommunity: async (tx: Executor, residentId: string) =>
    (await tx.query<{ community_id: string; name: string }>(
      'select r.community_id, u.name from residents r join users u on u.id = r.user_id where r.user_id = $1',
      [residentId],
    ))[0],
};
