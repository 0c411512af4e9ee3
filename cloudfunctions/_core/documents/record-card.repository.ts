import type { Executor } from '../db/database';

export interface CardMemberRow {
  member_id: string;
  name: string;
  volunteer_no: string;
  community_id: string;
  community_name: string;
  unit_id: string | null;
  unit_name: string | null;
}

export interface CardServiceRow {
  id: string;
  service_date: string;
  started_at: Date;
  ended_at: Date;
  place: string;
  content: string;
  minutes_credited: number;
  source: 'scan' | 'manual';
  order_kind: 'demand' | 'activity';
  certifying_org: string;
  verifier_name: string | null;
  organisation_rating: 'excellent' | 'good' | 'fair' | null;
  resident_rating: 'satisfied' | 'basic' | 'unsatisfied' | null;
}

export const recordCardRepository = {
  findMember: async (tx: Executor, memberId: string) =>
    (await tx.query<CardMemberRow>(
      `select m.user_id as member_id, u.name, m.volunteer_no, m.community_id, c.name as community_name, m.unit_id, un.name as unit_name
         from members m join users u on u.id = m.user_id join organisations c on c.id = m.community_id
         left join units un on un.id = m.unit_id
        where m.user_id = $1`,
      [memberId],
    ))[0],

  /** The member's credited services dated in [from, to), in the order they took place; the verifier is who made the record. */
  creditedServices: (tx: Executor, memberId: string, from: string, to: string) =>
    tx.query<CardServiceRow>(
      `select r.id, to_char(r.service_date, 'YYYY-MM-DD') as service_date, r.started_at, r.ended_at, r.place, r.content,
              r.minutes_credited, r.source, o.kind as order_kind, org.name as certifying_org, vu.name as verifier_name,
              eo.rating as organisation_rating, er.rating as resident_rating
         from service_records r
         join orders o on o.id = r.order_id
         join organisations org on org.id = r.certifying_org_id
         left join users vu on vu.id = r.created_by
         left join evaluations eo on eo.order_id = r.order_id and eo.kind = 'organisation'
         left join evaluations er on er.order_id = r.order_id and er.kind = 'resident'
        where r.member_id = $1 and r.status = 'credited' and r.service_date >= $2::date and r.service_date < $3::date
        order by r.service_date, r.started_at, r.id`,
      [memberId, from, to],
    ),

  pendingCount: async (tx: Executor, memberId: string, from: string, to: string) =>
    Number(
      (await tx.query<{ count: string }>(
        `select count(*) as count from service_records
          where member_id = $1 and status <> 'credited' and service_date >= $2::date and service_date < $3::date`,
        [memberId, from, to],
      ))[0].count,
    ),
};
