import type { ActionContext } from '../runtime/action';
import { grantsOf, requireCaller } from '../runtime';
import { WINDOW_CLOSES_AFTER_END_MINUTES } from './scan-rules';

const SOON_HOURS = 24;

/**
 * The open orders the caller may scan on, from a day ahead to the close of their scan window: those of the
 * communities they run as secretary, those they lead, and the home services of their own needs.
 */
export async function listVerifiableOrders(ctx: ActionContext) {
  const caller = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const communities = grantsOf(caller, 'secretary').flatMap((grant) => (grant.orgId ? [grant.orgId] : []));
  const rows = await ctx.tx.query<{ id: string; title: string; starts_at: Date; ends_at: Date; status: string; as: 'secretary' | 'leader' | 'resident' }>(
    `select o.id, o.title, o.starts_at, o.ends_at, o.status,
            case when o.community_id = any($2::uuid[]) then 'secretary' when o.leader_member_id = $1 then 'leader' else 'resident' end as as
       from orders o left join demands d on d.id = o.demand_id
      where (o.community_id = any($2::uuid[]) or o.leader_member_id = $1 or d.resident_id = $1)
        and o.status not in ('completed', 'cancelled')
        and o.starts_at < $3::timestamptz + make_interval(hours => $5)
        and o.ends_at + make_interval(mins => $4) > $3::timestamptz
      order by o.starts_at limit 100`,
    [caller.userId, communities, now, WINDOW_CLOSES_AFTER_END_MINUTES, SOON_HOURS],
  );
  return {
    items: rows.map((row) => ({ id: row.id, title: row.title, startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString(), status: row.status, as: row.as })),
  };
}
