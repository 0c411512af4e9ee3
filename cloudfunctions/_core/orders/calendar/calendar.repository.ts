import type { Executor } from '../../db/database';
import { ORDER_COLUMNS, ORDER_JOINS, type OrderRow } from '../orders.repository';

export const calendarRepository = {
  /** The district a community belongs to (community → street → district). */
  districtOf: async (tx: Executor, communityId: string) =>
    (await tx.query<{ district_id: string }>(
      `select street.parent_id as district_id from organisations community
         join organisations street on street.id = community.parent_id where community.id = $1`,
      [communityId],
    ))[0]?.district_id,

  /**
   * The community's activities starting in [$3, $4), not cancelled, soonest first: the open ones, and the directed
   * ones sent to the viewer ($1) — or every one when $5 (the viewer manages the community).
   */
  activitiesBetween: (tx: Executor, viewerId: string, communityId: string, from: Date, to: Date, managerView: boolean) =>
    tx.query<OrderRow>(
      `select ${ORDER_COLUMNS} from orders o ${ORDER_JOINS}
        where o.community_id = $2 and o.kind = 'activity' and o.status <> 'cancelled'
          and o.starts_at >= $3 and o.starts_at < $4
          and (o.dispatch = 'open' or mine.status is not null or $5)
        order by o.starts_at, o.id`,
      [viewerId, communityId, from, to, managerView],
    ),

  /** Orders the member accepted, not cancelled, overlapping [$2, $3): to tell a clash on the calendar. */
  myAcceptedBetween: (tx: Executor, memberId: string, from: Date, to: Date) =>
    tx.query<{ id: string; title: string; starts_at: Date; ends_at: Date }>(
      `select o.id, o.title, o.starts_at, o.ends_at from assignments a join orders o on o.id = a.order_id
        where a.member_id = $1 and a.status = 'accepted' and o.status <> 'cancelled' and o.starts_at < $3 and o.ends_at > $2`,
      [memberId, from, to],
    ),
};
