import { isSubItemOf } from '../catalogue/service-catalogue';
import type { ActionContext } from '../runtime/action';
import { grantsOf, requireCaller } from '../runtime';
import { demandErrors } from './demands.errors';
import { demandsRepository } from './demands.repository';
import type { PostDemandInput } from './demands.schemas';
import { loadDemandView } from './list-demands';

/** 群众点单: a resident (or a member, for their own family) posts a need to their community. */
export async function postDemand(ctx: ActionContext, input: PostDemandInput) {
  const caller = requireCaller(ctx.caller);
  const communityId = [...grantsOf(caller, 'resident'), ...grantsOf(caller, 'member')][0]?.orgId;
  if (!communityId) throw demandErrors.error('DEMAND_NO_COMMUNITY');
  assertSubItemFits(input.category, input.subItem);
  const id = ctx.newId();
  await demandsRepository.insert(ctx.tx, {
    id,
    communityId,
    residentId: caller.userId,
    requesterName: caller.name,
    contactPhone: input.contactPhone,
    address: input.address,
    category: input.category,
    subItem: input.subItem || null,
    description: input.description,
    wantedFrom: input.wantedFrom ?? null,
    wantedUntil: input.wantedUntil ?? null,
    channel: 'self',
    createdBy: caller.userId,
    now: ctx.clock.now(),
  });
  return loadDemandView(ctx, id);
}

export function assertSubItemFits(category: string, subItem: string | undefined): void {
  if (subItem && !isSubItemOf(category, subItem)) {
    throw demandErrors.error('DEMAND_SUB_ITEM_MISMATCH', `「${subItem}」不属于「${category}」`, { subItem: '服务子项不属于所选服务类别' });
  }
}
