import type { Executor } from '../db/database';

export interface SuggestionRow {
  id: string;
  member_id: string;
  community_id: string;
  category: string;
  body: string;
  status: 'submitted' | 'replied' | 'forwarded' | 'adopted' | 'withdrawn';
  reply: string | null;
  forwarded_to: string | null;
  handled_at: Date | null;
  submitted_at: Date;
  member_name: string;
  grid_name: string | null;
  community_name: string;
}

type Page = { limit: number; offset: number };

const SELECT = `
  select s.id, s.member_id, s.community_id, s.category, s.body, s.status, s.reply, s.forwarded_to, s.handled_at, s.submitted_at,
         u.name as member_name, g.name as grid_name, c.name as community_name
    from suggestions s
    join users u on u.id = s.member_id
    join members m on m.user_id = s.member_id
    left join organisations g on g.id = m.grid_id
    join organisations c on c.id = s.community_id`;

export const suggestionsRepository = {
  insert: (tx: Executor, row: { id: string; memberId: string; communityId: string; category: string; body: string; at: Date }) =>
    tx.query('insert into suggestions (id, member_id, community_id, category, body, submitted_at) values ($1, $2, $3, $4, $5, $6)', [
      row.id, row.memberId, row.communityId, row.category, row.body, row.at,
    ]),

  findById: async (tx: Executor, id: string) => (await tx.query<SuggestionRow>(`${SELECT} where s.id = $1`, [id]))[0],

  lockById: async (tx: Executor, id: string) =>
    (await tx.query<{ id: string; member_id: string; community_id: string; status: SuggestionRow['status'] }>(
      'select id, member_id, community_id, status from suggestions where id = $1 for update',
      [id],
    ))[0],

  byMember: (tx: Executor, memberId: string, page: Page) =>
    tx.query<SuggestionRow & { total: string }>(
      `${SELECT} where s.member_id = $1 order by s.submitted_at desc, s.id limit $2 offset $3`.replace('select s.id', 'select count(*) over () as total, s.id'),
      [memberId, page.limit, page.offset],
    ),

  /** Every suggestion of the member's submitted in [from, to) but those withdrawn: what the rule counts. */
  countedBetween: async (tx: Executor, memberId: string, from: Date, to: Date) =>
    Number((await tx.query<{ n: string }>(
      `select count(*) as n from suggestions where member_id = $1 and status <> 'withdrawn' and submitted_at >= $2 and submitted_at < $3`,
      [memberId, from, to],
    ))[0].n),

  /** The community's suggestions, those waiting first, then newest first. */
  byCommunity: (tx: Executor, communityId: string, status: string | null, page: Page) =>
    tx.query<SuggestionRow & { total: string }>(
      `${SELECT} where s.community_id = $1 and ($2::text is null or s.status = $2)
        order by (s.status = 'submitted') desc, s.submitted_at desc, s.id limit $3 offset $4`.replace('select s.id', 'select count(*) over () as total, s.id'),
      [communityId, status, page.limit, page.offset],
    ),

  waitingIn: async (tx: Executor, communityId: string) =>
    Number((await tx.query<{ n: string }>(`select count(*) as n from suggestions where community_id = $1 and status = 'submitted'`, [communityId]))[0].n),

  withdraw: (tx: Executor, id: string) => tx.query(`update suggestions set status = 'withdrawn' where id = $1`, [id]),

  handle: (tx: Executor, id: string, change: { status: 'replied' | 'forwarded' | 'adopted'; reply: string | null; forwardedTo: string | null; by: string; at: Date }) =>
    tx.query('update suggestions set status = $2, reply = coalesce($3, reply), forwarded_to = coalesce($4, forwarded_to), handled_by = $5, handled_at = $6 where id = $1', [
      id, change.status, change.reply, change.forwardedTo, change.by, change.at,
    ]),
};
