import { settleNeedHold } from '../incentives/bank/need-holds';
import { releaseAwaitingRecords } from '../records/resident-confirmation';
import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime';
import { commonErrors } from '../shared/domain-error';
import { demandErrors } from './demands.errors';
import { demandsRepository } from './demands.repository';
import type { ConfirmServiceInput } from './demands.schemas';
import { loadDemandView } from './list-demands';

/** 一事一评: the resident confirms the service happened and rates it; the confirmation joins the record. */
export async function confirmService(ctx: ActionContext, input: ConfirmServiceInput) {
  const caller = requireCaller(ctx.caller);
  const demand = await demandsRepository.findById(ctx.tx, input.demandId);
  if (!demand) throw demandErrors.error('DEMAND_NOT_FOUND');
  if (demand.resident_id !== caller.userId) throw commonErrors.error('FORBIDDEN', '只能处理自己提交的需求');
  const [served] = demand.order_id
    ? await ctx.tx.query<{ id: string }>(
        `select id from orders where id = $1
            and (status = 'completed' or exists (select 1 from service_records r where r.order_id = orders.id))
          for update`,
        [demand.order_id],
      )
    : [];
  if (!served) throw demandErrors.error('DEMAND_NOT_SERVED_YET');
  const inserted = await ctx.tx.query(
    `insert into evaluations (id, order_id, kind, rating, comment, created_by, created_at)
     values ($1, $2, 'resident', $3, $4, $5, $6) on conflict do nothing returning id`,
    [ctx.newId(), served.id, input.rating, input.comment, caller.userId, ctx.clock.now()],
  );
  if (inserted.length === 0) throw demandErrors.error('DEMAND_ALREADY_RATED');
  const now = ctx.clock.now();
  await ctx.tx.query('update orders set resident_confirmed_at = $2 where id = $1', [served.id, now]);
  await releaseAwaitingRecords(ctx.tx, { orderId: served.id, actorId: caller.userId, action: 'resident_confirmed', reason: '居民确认服务已完成', now, newId: ctx.newId });
  await settleNeedHold(ctx.tx, demand.id, now);
  return loadDemandView(ctx, input.demandId);
}
