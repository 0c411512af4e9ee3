import { releaseNeedHold } from '../incentives/bank/need-holds';
import { notifyNeedRejected } from '../notify/events';
import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, requireCaller } from '../runtime';
import { commonErrors } from '../shared/domain-error';
import { demandErrors } from './demands.errors';
import { demandsRepository } from './demands.repository';
import type { RejectDemandInput } from './demands.schemas';
import { loadDemandView } from './list-demands';

/** Locks a need that is still waiting; refuses one already handled. Used by reject and by turning it into an order. */
export async function lockPendingDemand(ctx: ActionContext, demandId: string) {
  const demand = await demandsRepository.lockById(ctx.tx, demandId);
  if (!demand) throw demandErrors.error('DEMAND_NOT_FOUND');
  if (demand.status !== 'submitted') throw demandErrors.error('DEMAND_NOT_PENDING');
  return demand;
}

/** The secretary declines a need, with a reason the resident will read. */
export async function rejectDemand(ctx: ActionContext, input: RejectDemandInput) {
  const caller = requireCaller(ctx.caller);
  const demand = await demandsRepository.lockById(ctx.tx, input.demandId);
  if (!demand) throw demandErrors.error('DEMAND_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, demand.community_id);
  if (demand.status !== 'submitted') throw demandErrors.error('DEMAND_NOT_PENDING');
  await demandsRepository.setStatus(ctx.tx, demand.id, 'rejected', ctx.clock.now(), input.reason);
  await releaseNeedHold(ctx.tx, demand.id, ctx.clock.now());
  await notifyNeedRejected(ctx.tx, ctx.clock.now(), demand.id, input.reason);
  return loadDemandView(ctx, demand.id);
}

/** The resident takes back a need nobody has acted on yet. */
export async function withdrawDemand(ctx: ActionContext, input: { demandId: string }) {
  const caller = requireCaller(ctx.caller);
  const demand = await demandsRepository.lockById(ctx.tx, input.demandId);
  if (!demand) throw demandErrors.error('DEMAND_NOT_FOUND');
  if (demand.resident_id !== caller.userId) throw commonErrors.error('FORBIDDEN', '只能处理自己提交的需求');
  if (demand.status !== 'submitted') throw demandErrors.error('DEMAND_NOT_PENDING');
  await demandsRepository.setStatus(ctx.tx, demand.id, 'withdrawn', ctx.clock.now());
  await releaseNeedHold(ctx.tx, demand.id, ctx.clock.now());
  return loadDemandView(ctx, demand.id);
}
