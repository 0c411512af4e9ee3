import { isSubItemOf } from '../catalogue/service-catalogue';
import type { ActionContext } from '../runtime/action';
import { grantsOf, requireCaller } from '../runtime';
import { demandErrors } from './demands.errors';
import { demandsRepository, type DemandRow } from './demands.repository';
import type { PostDemandInput } from './demands.schemas';
import { loadDemandView } from './list-demands';

/** 群众点单: a resident (or a member, for their own family) posts a need to their community. */
export async function postDemand(ctx: ActionContext, input: PostDemandInput) {
  const caller = requireCaller(ctx.caller);
  const communityId = [...grantsOf(caller, 'resident'), ...grantsOf(caller, 'member')][0]?.orgId;
  if (!communityId) throw demandErrors.error('DEMAND_NO_COMMUNITY');
  return saveNewDemand(ctx, input, { communityId, residentId: caller.userId, requesterName: caller.name, channel: 'self' });
}

/** Writes a new need into the community's 需求信息库, whoever brought it, and returns it as its author sees it. */
export async function saveNewDemand(
  ctx: ActionContext,
  need: PostDemandInput,
  origin: { communityId: string; residentId: string | null; requesterName: string; channel: DemandRow['channel'] },
) {
  if (need.subItem && !isSubItemOf(need.category, need.subItem)) {
    throw demandErrors.error('DEMAND_SUB_ITEM_MISMATCH', `「${need.subItem}」不属于「${need.category}」`, { subItem: '服务子项不属于所选服务类别' });
  }
  const id = ctx.newId();
  await demandsRepository.insert(ctx.tx, {
    id,
    ...origin,
    contactPhone: need.contactPhone,
    address: need.address,
    category: need.category,
    subItem: need.subItem || null,
    description: need.description,
    wantedFrom: need.wantedFrom ?? null,
    wantedUntil: need.wantedUntil ?? null,
    createdBy: requireCaller(ctx.caller).userId,
    now: ctx.clock.now(),
  });
  return loadDemandView(ctx, id);
}
