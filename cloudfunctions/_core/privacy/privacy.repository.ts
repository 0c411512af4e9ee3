import type { Executor } from '../db/database';

/** The full values held about one person or one need's contact, with where they belong. */
export interface SubjectRow {
  subject_user_id: string | null;
  community_id: string | null;
  phone: string | null;
  address: string | null;
  id_number: string | null;
  left_at: Date | null;
  /** The caller has accepted an open order serving this resident or need. */
  serves_it: boolean;
}

const OPEN_ORDER_SERVED_BY = (viewer: string) => `
  exists (select 1 from orders o join assignments a on a.order_id = o.id
           where o.demand_id = d.id and a.member_id = ${viewer} and a.status = 'accepted'
             and o.status not in ('completed', 'cancelled'))`;

export interface AccessLogRow {
  id: string;
  at: Date;
  viewer_name: string;
  subject_name: string;
  subject_phone: string | null;
  field: 'phone' | 'address' | 'id_number';
  purpose: string;
  demand_id: string | null;
  /** On a page of the log: how many entries it holds. */
  total?: string;
}

const LOG_COLUMNS = `
  l.id, l.at, viewer.name as viewer_name, coalesce(subject.name, d.requester_name) as subject_name,
  case when subject.id is not null then subject.phone else d.contact_phone end as subject_phone,
  l.field, l.purpose, l.demand_id`;

/** Each join is to one row at most (the viewer by a not-null foreign key), so a log entry's rows stay those picked. */
const LOG_JOINS = `
    join users viewer on viewer.id = l.viewer_id
    left join users subject on subject.id = l.subject_user_id
    left join demands d on d.id = l.demand_id`;

export const privacyRepository = {
  memberSubject: async (tx: Executor, memberId: string) =>
    (await tx.query<SubjectRow>(
      `select m.user_id as subject_user_id, m.community_id, u.phone, p.home_address as address, p.id_number, u.left_at,
              false as serves_it
         from members m join users u on u.id = m.user_id left join member_profiles p on p.user_id = m.user_id
        where m.user_id = $1`,
      [memberId],
    ))[0],

  residentSubject: async (tx: Executor, residentId: string, viewerId: string) =>
    (await tx.query<SubjectRow>(
      `select u.id as subject_user_id, r.community_id, u.phone, r.address, null as id_number, u.left_at,
              exists (select 1 from demands d where d.resident_id = u.id and ${OPEN_ORDER_SERVED_BY('$2')}) as serves_it
         from users u left join residents r on r.user_id = u.id
        where u.id = $1 and (r.user_id is not null or u.left_at is not null)`,
      [residentId, viewerId],
    ))[0],

  demandSubject: async (tx: Executor, demandId: string, viewerId: string) =>
    (await tx.query<SubjectRow>(
      `select d.resident_id as subject_user_id, d.community_id, d.contact_phone as phone, d.address, null as id_number,
              u.left_at, ${OPEN_ORDER_SERVED_BY('$2')} as serves_it
         from demands d left join users u on u.id = d.resident_id
        where d.id = $1`,
      [demandId, viewerId],
    ))[0],

  accessLogOfCommunity: (tx: Executor, communityId: string, page: { limit: number; offset: number }) =>
    tx.query<AccessLogRow>(
      `select ${LOG_COLUMNS}, (select count(*) from access_log l where l.community_id = $1) as total
         from (select l.id, l.at from access_log l where l.community_id = $1 order by l.at desc, l.id limit $2 offset $3) page
         join access_log l on l.id = page.id ${LOG_JOINS}
        order by page.at desc, page.id`,
      [communityId, page.limit, page.offset],
    ),

  accessLogAbout: (tx: Executor, userId: string) =>
    tx.query<AccessLogRow>(`select ${LOG_COLUMNS} from access_log l ${LOG_JOINS} where l.subject_user_id = $1 order by l.at desc, l.id`, [userId]),
};
