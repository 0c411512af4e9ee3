import type { Executor } from '../../db/database';
import type { Relation } from './relations';

export interface HomeRow {
  user_id: string;
  name: string;
  community_id: string;
  community_name: string;
  district_id: string;
  is_member: boolean;
  is_resident: boolean;
}

export interface FamilyLinkRow {
  id: string;
  member_id: string;
  member_name: string;
  relative_id: string;
  relative_name: string;
  relative_phone: string;
  relative_community_id: string;
  relative_community_name: string;
  relation: Relation;
  status: 'pending' | 'linked' | 'declined' | 'removed';
  confirmed_via: 'relative' | 'secretary' | null;
  created_at: Date;
  answered_at: Date | null;
}

export interface HoldRow {
  demand_id: string;
  payer_id: string;
  district_id: string;
  minutes: number;
  status: 'held' | 'settled' | 'released';
  demand_status: string;
  title: string;
  confirmed: boolean;
}

const HOME = `
  select u.id as user_id, u.name, c.id as community_id, c.name as community_name, s.parent_id as district_id,
         m.user_id is not null as is_member, r.user_id is not null as is_resident
    from users u
    left join members m on m.user_id = u.id
    left join residents r on r.user_id = u.id
    join organisations c on c.id = coalesce(m.community_id, r.community_id)
    join organisations s on s.id = c.parent_id`;

const LINK = `
  select l.id, l.member_id, mu.name as member_name, l.relative_id, ru.name as relative_name, ru.phone as relative_phone,
         c.id as relative_community_id, c.name as relative_community_name,
         l.relation, l.status, l.confirmed_via, l.created_at, l.answered_at
    from family_links l
    join users mu on mu.id = l.member_id
    join users ru on ru.id = l.relative_id
    join residents r on r.user_id = l.relative_id
    join organisations c on c.id = r.community_id`;

const HOLD = `
  select h.demand_id, h.payer_id, h.district_id, h.title, h.minutes, h.status, d.status as demand_status,
         exists (select 1 from orders o where o.demand_id = d.id and o.resident_confirmed_at is not null and o.status <> 'cancelled') as confirmed
    from time_bank_holds h join demands d on d.id = h.demand_id`;

export const bankRepository = {
  /** Where a member or resident belongs: their community (a member's, when they are both) and its district. */
  homeOf: async (tx: Executor, userId: string) => (await tx.query<HomeRow>(`${HOME} where u.id = $1`, [userId]))[0] ?? null,

  /** A resident of one of the district's communities, found by their phone. */
  residentByPhone: async (tx: Executor, phone: string, districtId: string) =>
    (
      await tx.query<{ user_id: string; name: string }>(
        `select u.id as user_id, u.name
           from users u
           join residents r on r.user_id = u.id
           join organisations c on c.id = r.community_id
           join organisations s on s.id = c.parent_id
          where u.phone = $1 and s.parent_id = $2`,
        [phone, districtId],
      )
    )[0] ?? null,

  /** The member and resident people of a community, with their banked minutes (for the secretary's grant). */
  peopleOf: (tx: Executor, communityId: string) =>
    tx.query<{ user_id: string; name: string; phone: string; balance: string }>(
      `select u.id as user_id, u.name, u.phone, coalesce(a.balance, 0) as balance
         from users u
         left join ledger_accounts a on a.owner_kind = 'user' and a.owner_id = u.id and a.purpose = 'time_bank'
        where u.id in (select user_id from residents where community_id = $1 union select user_id from members where community_id = $1)
        order by u.name, u.id
        limit 500`,
      [communityId],
    ),

  insertLink: (tx: Executor, link: { id: string; memberId: string; relativeId: string; relation: Relation; at: Date }) =>
    tx.query(
      `insert into family_links (id, member_id, relative_id, relation, created_at) values ($1, $2, $3, $4, $5)
       on conflict do nothing returning id`,
      [link.id, link.memberId, link.relativeId, link.relation, link.at],
    ),

  lockLink: async (tx: Executor, linkId: string) => {
    await tx.query(`select 1 from family_links where id = $1 for update`, [linkId]);
    return (await tx.query<FamilyLinkRow>(`${LINK} where l.id = $1`, [linkId]))[0] ?? null;
  },

  answerLink: (tx: Executor, linkId: string, answer: { status: 'linked' | 'declined' | 'removed'; via: 'relative' | 'secretary' | null; by: string; at: Date }) =>
    tx.query(`update family_links set status = $2, confirmed_via = $3, answered_by = $4, answered_at = $5 where id = $1`, [
      linkId, answer.status, answer.status === 'linked' ? answer.via : null, answer.by, answer.at,
    ]),

  /** A person's open links: those they named and those naming them. */
  linksOf: (tx: Executor, userId: string) =>
    tx.query<FamilyLinkRow>(`${LINK} where (l.member_id = $1 or l.relative_id = $1) and l.status in ('pending', 'linked') order by l.created_at`, [userId]),

  /** Links waiting for a community's secretary to confirm them for a relative who lives there. */
  pendingLinksOfCommunity: (tx: Executor, communityId: string) =>
    tx.query<FamilyLinkRow>(`${LINK} where r.community_id = $1 and l.status = 'pending' order by l.created_at`, [communityId]),

  insertHold: (tx: Executor, hold: { demandId: string; payerId: string; districtId: string; title: string; minutes: number; at: Date }) =>
    tx.query(`insert into time_bank_holds (demand_id, payer_id, district_id, title, minutes, created_at) values ($1, $2, $3, $4, $5, $6)`, [
      hold.demandId, hold.payerId, hold.districtId, hold.title, hold.minutes, hold.at,
    ]),

  lockOpenHold: async (tx: Executor, demandId: string) =>
    (await tx.query<HoldRow>(`${HOLD} where h.demand_id = $1 and h.status = 'held' for update of h`, [demandId]))[0] ?? null,

  openHoldsOf: (tx: Executor, payerId: string) => tx.query<HoldRow>(`${HOLD} where h.payer_id = $1 and h.status = 'held'`, [payerId]),

  /** The hours served on a need: the credited minutes of its orders' records. */
  creditedMinutesOfDemand: async (tx: Executor, demandId: string) =>
    Number(
      (
        await tx.query<{ minutes: string }>(
          `select coalesce(sum(r.minutes_credited), 0) as minutes
             from service_records r join orders o on o.id = r.order_id
            where o.demand_id = $1 and o.status <> 'cancelled' and r.status = 'credited'`,
          [demandId],
        )
      )[0].minutes,
    ),

  closeHold: (tx: Executor, demandId: string, close: { status: 'settled' | 'released'; spentMinutes: number; at: Date }) =>
    tx.query(`update time_bank_holds set status = $2, spent_minutes = $3, closed_at = $4 where demand_id = $1`, [demandId, close.status, close.spentMinutes, close.at]),

  holdOfDemand: async (tx: Executor, demandId: string) =>
    (await tx.query<{ minutes: number; status: string; spent_minutes: number | null }>(`select minutes, status, spent_minutes from time_bank_holds where demand_id = $1`, [demandId]))[0] ?? null,

  /** Every user account of the district's people with banked minutes (the admin's expiry run). */
  holdersInDistrict: (tx: Executor, districtId: string) =>
    tx.query<{ owner_id: string }>(
      `select a.owner_id
         from ledger_accounts a
        where a.owner_kind = 'user' and a.purpose = 'time_bank' and a.balance > 0
          and exists (${HOME} where u.id = a.owner_id and s.parent_id = $1)`,
      [districtId],
    ),
};
