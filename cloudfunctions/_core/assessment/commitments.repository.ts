import type { Executor } from '../db/database';

export type CommitmentStatus = 'committed' | 'fulfilled' | 'confirmed' | 'returned';

export interface CommitmentRow {
  id: string;
  year: number;
  community_id: string;
  member_id: string | null;
  team_id: string | null;
  beneficiary: string;
  content: string;
  status: CommitmentStatus;
  fulfilment: string | null;
  fulfilled_at: Date | null;
  return_reason: string | null;
  confirmed_at: Date | null;
  created_at: Date;
  member_name: string | null;
  team_name: string | null;
  team_captain_id: string | null;
  community_name: string;
}

export interface TeamRow {
  id: string;
  name: string;
  community_id: string | null;
  captain_member_id: string | null;
  archived_at: Date | null;
}

type Page = { limit: number; offset: number };

const SELECT = `
  select c.id, c.year, c.community_id, c.member_id, c.team_id, c.beneficiary, c.content, c.status, c.fulfilment, c.fulfilled_at,
         c.return_reason, c.confirmed_at, c.created_at, u.name as member_name, t.name as team_name, t.captain_member_id as team_captain_id,
         o.name as community_name
    from commitments c
    left join users u on u.id = c.member_id
    left join teams t on t.id = c.team_id
    join organisations o on o.id = c.community_id`;

/** Waiting for the secretary first, then those still to be done or sent back, the confirmed last. */
const HANDLING_ORDER = `case c.status when 'fulfilled' then 0 when 'returned' then 1 when 'committed' then 2 else 3 end`;

export const commitmentsRepository = {
  insert: (tx: Executor, row: {
    id: string; year: number; communityId: string; memberId: string | null; teamId: string | null;
    beneficiary: string; content: string; createdBy: string; at: Date;
  }) =>
    tx.query(
      `insert into commitments (id, year, community_id, member_id, team_id, beneficiary, content, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [row.id, row.year, row.communityId, row.memberId, row.teamId, row.beneficiary, row.content, row.createdBy, row.at],
    ),

  findById: async (tx: Executor, id: string) => (await tx.query<CommitmentRow>(`${SELECT} where c.id = $1`, [id]))[0],

  lockById: async (tx: Executor, id: string) => {
    const [locked] = await tx.query<{ id: string }>('select id from commitments where id = $1 for update', [id]);
    return locked ? commitmentsRepository.findById(tx, id) : undefined;
  },

  team: async (tx: Executor, id: string) =>
    (await tx.query<TeamRow>('select id, name, community_id, captain_member_id, archived_at from teams where id = $1', [id]))[0],

  teamsCaptainedBy: (tx: Executor, memberId: string) =>
    tx.query<{ id: string; name: string }>(
      'select id, name from teams where captain_member_id = $1 and archived_at is null order by name, id',
      [memberId],
    ),

  memberCommunity: async (tx: Executor, memberId: string) =>
    (await tx.query<{ community_id: string }>('select community_id from members where user_id = $1', [memberId]))[0]?.community_id,

  /** The member's own commitments and those of the teams they captain. */
  mine: (tx: Executor, memberId: string, year: number | null) =>
    tx.query<CommitmentRow>(
      `${SELECT} where (c.member_id = $1 or t.captain_member_id = $1) and ($2::int is null or c.year = $2)
        order by c.year desc, ${HANDLING_ORDER}, c.created_at desc, c.id`,
      [memberId, year],
    ),

  byCommunity: (tx: Executor, communityId: string, filter: { status: string | null; year: number | null }, page: Page) =>
    tx.query<CommitmentRow & { total: string }>(
      `${SELECT.replace('select c.id', 'select count(*) over () as total, c.id')}
        where c.community_id = $1 and ($2::text is null or c.status = $2) and ($3::int is null or c.year = $3)
        order by ${HANDLING_ORDER}, c.fulfilled_at desc nulls last, c.created_at desc, c.id limit $4 offset $5`,
      [communityId, filter.status, filter.year, page.limit, page.offset],
    ),

  waitingIn: async (tx: Executor, communityId: string) =>
    Number((await tx.query<{ n: string }>(`select count(*) as n from commitments where community_id = $1 and status = 'fulfilled'`, [communityId]))[0].n),

  reportFulfilment: (tx: Executor, id: string, fulfilment: string, at: Date) =>
    tx.query(`update commitments set status = 'fulfilled', fulfilment = $2, fulfilled_at = $3 where id = $1`, [id, fulfilment, at]),

  confirm: (tx: Executor, id: string, by: string, at: Date) =>
    tx.query(`update commitments set status = 'confirmed', confirmed_by = $2, confirmed_at = $3 where id = $1`, [id, by, at]),

  sendBack: (tx: Executor, id: string, reason: string) =>
    tx.query(`update commitments set status = 'returned', return_reason = $2 where id = $1`, [id, reason]),
};
