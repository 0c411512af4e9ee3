import type { Executor } from '../db/database';
import type { OrderStatus } from './order-status';

export interface OrderRow {
  id: string;
  community_id: string;
  demand_id: string | null;
  kind: 'demand' | 'activity';
  title: string;
  category: string;
  description: string;
  place: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  accepted_count: number;
  dispatch: 'open' | 'directed';
  status: OrderStatus;
  cancel_reason: string | null;
  cancel_cutoff_minutes: number;
  required_posts: string[];
  required_skills: string[];
  leader_member_id: string | null;
  leader_name: string | null;
  focused_team_id: string | null;
  focused_team_name: string | null;
  /** 预约预告 as counted at publishing (migration 0027); null for a need's order and for orders published before. */
  notice_working_days: number | null;
  notice_required_days: number | null;
  short_notice: boolean;
  created_at: Date;
  completed_at: Date | null;
  checked_in_count: number;
  checked_out_count: number;
  my_status: 'invited' | 'accepted' | 'declined' | 'cancelled' | null;
  my_checked_in_at: Date | null;
  my_checked_out_at: Date | null;
  requester_id: string | null;
  requester_name: string | null;
  requester_phone: string | null;
  rating: 'excellent' | 'good' | 'fair' | null;
  rating_comment: string | null;
  total?: string;
}

/** $1 is always the viewing user, so that their own assignment comes with the order. */
export const ORDER_COLUMNS = `
  o.*,
  (select count(*) from attendance t where t.order_id = o.id)::int as checked_in_count,
  (select count(*) from attendance t where t.order_id = o.id and t.checked_out_at is not null)::int as checked_out_count,
  mine.status as my_status, my_time.checked_in_at as my_checked_in_at, my_time.checked_out_at as my_checked_out_at,
  d.resident_id as requester_id, d.requester_name, d.contact_phone as requester_phone,
  e.rating, e.comment as rating_comment, leader.name as leader_name, focused_team.name as focused_team_name`;

/** Each join is to one row at most, so an order's rows stay those picked. */
export const ORDER_JOINS = `
    left join users leader on leader.id = o.leader_member_id
    left join teams focused_team on focused_team.id = o.focused_team_id
    left join assignments mine on mine.order_id = o.id and mine.member_id = $1
    left join attendance my_time on my_time.order_id = o.id and my_time.member_id = $1
    left join demands d on d.id = o.demand_id
    left join evaluations e on e.order_id = o.id and e.kind = 'organisation'`;

const SELECT_ORDER = `
  select ${ORDER_COLUMNS},
         count(*) over () as total
    from orders o ${ORDER_JOINS}`;

/** $2 the community, $3 the status or null. */
const COMMUNITY_ORDERS = `o.community_id = $2 and ($3::text is null or o.status = $3)`;

/**
 * Where each of my accepted orders stands at $3: done, in service, or upcoming. Reads only what the phase
 * needs, so that a page of tasks can be picked before the display joins.
 */
const MY_TASKS = `
  select o.id, o.starts_at, case
           when my_time.checked_out_at is not null or o.status in ('completed', 'cancelled') then 'done'
           when my_time.checked_in_at is not null then 'in_service'
           when o.ends_at < $3 then 'done'
           else 'upcoming' end as task_phase
    from assignments mine
    join orders o on o.id = mine.order_id
    left join attendance my_time on my_time.order_id = o.id and my_time.member_id = $1
   where mine.member_id = $1 and mine.status = 'accepted'`;

/** What is happening now first (checked in, or started and not yet checked in), then what is to come, soonest first, then what is done, latest first. */
const taskOrder = (t: string) => `
  case when ${t}.task_phase = 'in_service' or (${t}.task_phase = 'upcoming' and ${t}.starts_at <= $3) then 0
       when ${t}.task_phase = 'upcoming' then 1
       else 2 end,
  case when ${t}.task_phase = 'done' then null else ${t}.starts_at end nulls last,
  ${t}.starts_at desc, ${t}.id`;

export interface NewOrder {
  id: string;
  communityId: string;
  demandId: string | null;
  title: string;
  category: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  dispatch: 'open' | 'directed';
  cancelCutoffMinutes: number;
  requiredPosts: string[];
  requiredSkills: string[];
  leaderMemberId: string | null;
  focusedTeamId: string | null;
  createdBy: string;
  now: Date;
  notice?: { noticeWorkingDays: number; noticeRequiredDays: number; shortNotice: boolean };
}

type Paged = { limit: number; offset: number };

export const ordersRepository = {
  insert: (tx: Executor, order: NewOrder) =>
    tx.query(
      `insert into orders (id, community_id, demand_id, kind, title, category, description, place, starts_at, ends_at,
                           capacity, dispatch, cancel_cutoff_minutes, required_posts, required_skills, leader_member_id,
                           created_by, created_at, focused_team_id, notice_working_days, notice_required_days, short_notice)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)`,
      [order.id, order.communityId, order.demandId, order.demandId ? 'demand' : 'activity', order.title, order.category,
        order.description, order.place, order.startsAt, order.endsAt, order.capacity, order.dispatch,
        order.cancelCutoffMinutes, order.requiredPosts, order.requiredSkills, order.leaderMemberId, order.createdBy, order.now, order.focusedTeamId,
        order.notice?.noticeWorkingDays ?? null, order.notice?.noticeRequiredDays ?? null, order.notice?.shortNotice ?? false],
    ),

  invite: (tx: Executor, rows: { id: string; orderId: string; memberId: string; now: Date }[]) =>
    Promise.all(
      rows.map((row) =>
        tx.query(
          `insert into assignments (id, order_id, member_id, status, invited_at) values ($1, $2, $3, 'invited', $4)
           on conflict (order_id, member_id) do nothing`,
          [row.id, row.orderId, row.memberId, row.now],
        ),
      ),
    ),

  findForViewer: async (tx: Executor, orderId: string, viewerId: string) =>
    (await tx.query<OrderRow>(`${SELECT_ORDER} where o.id = $2`, [viewerId, orderId]))[0],

  lock: async (tx: Executor, orderId: string) =>
    (await tx.query<Pick<OrderRow, 'id' | 'community_id' | 'demand_id' | 'status' | 'starts_at' | 'ends_at' | 'capacity' | 'accepted_count'>>(
      'select id, community_id, demand_id, status, starts_at, ends_at, capacity, accepted_count from orders where id = $1 for update',
      [orderId],
    ))[0],

  /**
   * My accepted orders: what is happening now first (checked in, or started and not yet checked in), then
   * what is still to come, soonest first, then what is done, most recent first.
   */
  listTasksOfMember: (tx: Executor, memberId: string, phase: string | undefined, now: Date, page: Paged) =>
    tx.query<OrderRow & { phase_total: string; task_phase: string }>(
      `select ${ORDER_COLUMNS}, page.task_phase,
              (select count(*) from (${MY_TASKS}) tasks where $2::text is null or tasks.task_phase = $2) as phase_total
         from (select tasks.* from (${MY_TASKS}) tasks
                where $2::text is null or tasks.task_phase = $2
                order by ${taskOrder('tasks')}
                limit $4 offset $5) page
         join orders o on o.id = page.id ${ORDER_JOINS}
        order by ${taskOrder('page')}`,
      [memberId, phase ?? null, now, page.limit, page.offset],
    ),

  listByCommunity: (tx: Executor, viewerId: string, communityId: string, status: string | undefined, page: Paged) =>
    tx.query<OrderRow>(
      `select ${ORDER_COLUMNS}, (select count(*) from orders o where ${COMMUNITY_ORDERS}) as total
         from (select o.id, o.starts_at from orders o where ${COMMUNITY_ORDERS}
                order by o.starts_at desc, o.id limit $4 offset $5) page
         join orders o on o.id = page.id ${ORDER_JOINS}
        order by page.starts_at desc, page.id`,
      [viewerId, communityId, status ?? null, page.limit, page.offset],
    ),

  listAssignments: (tx: Executor, orderId: string) =>
    tx.query<{
      member_id: string;
      name: string;
      phone: string | null;
      volunteer_no: string;
      status: 'invited' | 'accepted' | 'declined' | 'cancelled';
      checked_in_at: Date | null;
      checked_out_at: Date | null;
    }>(
      `select a.member_id, u.name, u.phone, m.volunteer_no, a.status, t.checked_in_at, t.checked_out_at
         from assignments a join users u on u.id = a.member_id join members m on m.user_id = a.member_id
         left join attendance t on t.order_id = a.order_id and t.member_id = a.member_id
        where a.order_id = $1 order by a.accepted_at nulls last, u.name`,
      [orderId],
    ),

  findAssignment: async (tx: Executor, orderId: string, memberId: string) =>
    (await tx.query<{ status: 'invited' | 'accepted' | 'declined' | 'cancelled' }>(
      'select status from assignments where order_id = $1 and member_id = $2 for update',
      [orderId, memberId],
    ))[0],

  /** Takes one place if one is left: the single statement that keeps capacity true under a burst of accepts. */
  takePlaceIfAvailable: async (tx: Executor, orderId: string) =>
    (await tx.query(
      `update orders set accepted_count = accepted_count + 1
        where id = $1 and accepted_count < capacity and status in ('published', 'in_service')
        returning id`,
      [orderId],
    )).length === 1,

  releasePlace: (tx: Executor, orderId: string) =>
    tx.query('update orders set accepted_count = accepted_count - 1 where id = $1', [orderId]),

  markAccepted: async (tx: Executor, id: string, orderId: string, memberId: string, now: Date) =>
    (await tx.query(
      `insert into assignments (id, order_id, member_id, status, accepted_at) values ($1, $2, $3, 'accepted', $4)
       on conflict (order_id, member_id) do update set status = 'accepted', accepted_at = $4, closed_at = null
        where assignments.status <> 'accepted'
       returning id`,
      [id, orderId, memberId, now],
    )).length === 1,

  closeAssignment: (tx: Executor, orderId: string, memberId: string, status: 'declined' | 'cancelled', note: string, now: Date) =>
    tx.query('update assignments set status = $3, note = $4, closed_at = $5 where order_id = $1 and member_id = $2', [
      orderId, memberId, status, note, now,
    ]),

  progress: async (tx: Executor, orderId: string) =>
    (await tx.query<{ status: OrderStatus; capacity: number; places_taken: number; serving: number; checked_in: number; checked_out: number }>(
      `select o.status, o.capacity, o.accepted_count as places_taken,
              (select count(*) from assignments a where a.order_id = o.id and a.status = 'accepted')::int as serving,
              (select count(*) from attendance t where t.order_id = o.id)::int as checked_in,
              (select count(*) from attendance t where t.order_id = o.id and t.checked_out_at is not null)::int as checked_out
         from orders o where o.id = $1`,
      [orderId],
    ))[0],

  setStatus: (tx: Executor, orderId: string, status: OrderStatus, now: Date) =>
    tx.query(
      `update orders set status = $2, completed_at = case when $2 = 'completed' then coalesce(completed_at, $3) else completed_at end
        where id = $1`,
      [orderId, status, now],
    ),

  cancel: (tx: Executor, orderId: string, reason: string, now: Date) =>
    tx.query("update orders set status = 'cancelled', cancel_reason = $2, cancelled_at = $3 where id = $1", [orderId, reason, now]),

  /** The member's other accepted orders, not cancelled, whose time overlaps [startsAt, endsAt). */
  clashesOf: (tx: Executor, memberId: string, orderId: string, startsAt: Date, endsAt: Date) =>
    tx.query<{ id: string; title: string; starts_at: Date; ends_at: Date }>(
      `select o.id, o.title, o.starts_at, o.ends_at from assignments a join orders o on o.id = a.order_id
        where a.member_id = $1 and a.status = 'accepted' and o.id <> $2 and o.status <> 'cancelled'
          and o.starts_at < $4 and o.ends_at > $3
        order by o.starts_at limit 5`,
      [memberId, orderId, startsAt, endsAt],
    ),

  placeOf: async (tx: Executor, orderId: string) =>
    (await tx.query<{ place: string }>('select place from orders where id = $1', [orderId]))[0]?.place,

  /** A new time and place; the notice is counted again when the start moved (an activity's), else kept. */
  reschedule: (
    tx: Executor,
    change: { orderId: string; startsAt: Date; endsAt: Date; place: string; notice?: { noticeWorkingDays: number; noticeRequiredDays: number; shortNotice: boolean } },
  ) =>
    tx.query(
      `update orders set starts_at = $2, ends_at = $3, place = $4,
              notice_working_days = coalesce($5, notice_working_days), notice_required_days = coalesce($6, notice_required_days),
              short_notice = coalesce($7, short_notice)
        where id = $1`,
      [change.orderId, change.startsAt, change.endsAt, change.place,
        change.notice?.noticeWorkingDays ?? null, change.notice?.noticeRequiredDays ?? null, change.notice?.shortNotice ?? null],
    ),

  recordChange: (
    tx: Executor,
    change: { id: string; orderId: string; by: string; at: Date; reason: string; before: { startsAt: Date; endsAt: Date; place: string }; after: { startsAt: Date; endsAt: Date; place: string } },
  ) =>
    tx.query(
      `insert into order_changes (id, order_id, changed_by, changed_at, reason, before_starts_at, before_ends_at, before_place, after_starts_at, after_ends_at, after_place)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [change.id, change.orderId, change.by, change.at, change.reason, change.before.startsAt, change.before.endsAt, change.before.place,
        change.after.startsAt, change.after.endsAt, change.after.place],
    ),

  changesOf: (tx: Executor, orderId: string) =>
    tx.query<{ changed_at: Date; by_name: string; reason: string; before_starts_at: Date; before_ends_at: Date; before_place: string; after_starts_at: Date; after_ends_at: Date; after_place: string }>(
      `select c.changed_at, u.name as by_name, c.reason, c.before_starts_at, c.before_ends_at, c.before_place, c.after_starts_at, c.after_ends_at, c.after_place
         from order_changes c join users u on u.id = c.changed_by
        where c.order_id = $1 order by c.changed_at desc limit 20`,
      [orderId],
    ),

  membersOfCommunity: (tx: Executor, communityId: string, memberIds: string[]) =>
    tx.query<{ user_id: string }>(
      `select m.user_id from members m join users u on u.id = m.user_id
        where m.community_id = $1 and m.user_id = any($2::uuid[]) and u.left_at is null`,
      [communityId, memberIds],
    ),

  /** Whether the team is one of the community's own and not archived (a unit's team holds no community order). */
  isLiveTeamOf: async (tx: Executor, teamId: string, communityId: string) =>
    (await tx.query('select 1 from teams where id = $1 and community_id = $2 and archived_at is null', [teamId, communityId])).length > 0,
};
