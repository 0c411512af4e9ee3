import type { Executor } from '../db/database';
import { containsPattern } from '../shared/search-words';
import { ORDER_COLUMNS, ORDER_JOINS, type OrderRow } from './orders.repository';

export interface HallFilter {
  category?: string;
  date?: string;
  words: string[];
  now: Date;
}

/**
 * The orders of a member's hall as two branches, each read by its own index, that never hold the same order:
 * the open orders of the community with a place left (orders_open_hall) that were not sent to the member, and
 * the orders sent to the member (assignments_member), from any community. `rank` is the hall's first sort
 * key: sent to me, then those I once declined or dropped, then the rest.
 * Each search word must appear in the title, the description or the place; a home service's address is
 * searched only where the member may read it, so a search cannot find out who lives where.
 * $1 member, $2 community, $3 now, $4 category, $5 date, $6 search patterns.
 */
function hallSql() {
  const narrowed = `
      and o.ends_at > $3
      and ($4::text is null or o.category = $4)
      and ($5::date is null or (o.starts_at at time zone 'Asia/Shanghai')::date = $5::date)
      and not exists (
            select 1 from unnest($6::text[]) as word(pattern)
             where not (o.title ilike word.pattern escape '\\' or o.description ilike word.pattern escape '\\'
                        or (o.kind = 'activity' and o.place ilike word.pattern escape '\\')))`;
  return `hall as (
    select o.id, o.starts_at, case when mine.status is null then 2 else 1 end as rank
      from orders o
      left join assignments mine on mine.order_id = o.id and mine.member_id = $1
     where o.community_id = $2 and o.dispatch = 'open' and o.status in ('published', 'in_service')
       and o.accepted_count < o.capacity
       and (mine.status is null or mine.status not in ('accepted', 'invited'))${narrowed}
    union all
    select o.id, o.starts_at, 0 as rank
      from assignments mine
      join orders o on o.id = mine.order_id
     where mine.member_id = $1 and mine.status = 'invited' and o.status in ('published', 'in_service')${narrowed}
  )`;
}

const params = (memberId: string, communityId: string, filter: HallFilter) => [
  memberId, communityId, filter.now, filter.category ?? null, filter.date ?? null, filter.words.map(containsPattern),
];

export const openHallRepository = {
  /** One page of the hall, sent-to-me first, then soonest first; only the page's orders get their display columns. */
  page: (tx: Executor, memberId: string, communityId: string, filter: HallFilter, page: { limit: number; offset: number }) =>
    tx.query<OrderRow>(
      `with ${hallSql()},
       page as (select id, starts_at, rank from hall order by rank, starts_at, id limit $7 offset $8)
       select ${ORDER_COLUMNS}
         from page join orders o on o.id = page.id ${ORDER_JOINS}
        order by page.rank, page.starts_at, page.id`,
      [...params(memberId, communityId, filter), page.limit, page.offset],
    ),

  /** How many orders the hall holds, counted on the two branches alone. */
  count: async (tx: Executor, memberId: string, communityId: string, filter: HallFilter) =>
    Number((await tx.query<{ n: string }>(`with ${hallSql()} select count(*) as n from hall`, params(memberId, communityId, filter)))[0].n),
};
