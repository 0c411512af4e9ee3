import type { ActionContext } from '../runtime/action';
import { communityOf, requireCaller } from '../runtime';
import { demandErrors } from './demands.errors';
import { demandsRepository } from './demands.repository';
import type { RecordDemandInput } from './demands.schemas';
import { loadDemandView } from './list-demands';
import { assertSubItemFits } from './post-demand';

/** A secretary enters a need received at the window, by phone, on a visit or from the mailbox. */
export async function recordDemand(ctx: ActionContext, input: RecordDemandInput) {
  const caller = requireCaller(ctx.caller);
  const communityId = communityOf(caller, 'secretary');
  assertSubItemFits(input.category, input.subItem);
  if (input.residentId) {
    const resident = await demandsRepository.residentCommunity(ctx.tx, input.residentId);
    if (resident?.community_id !== communityId) throw demandErrors.error('DEMAND_RESIDENT_NOT_IN_COMMUNITY');
  }
  const id = ctx.newId();
  await demandsRepository.insert(ctx.tx, {
    id,
    communityId,
    residentId: input.residentId ?? null,
    requesterName: input.requesterName,
    contactPhone: input.contactPhone,
    address: input.address,
    category: input.category,
    subItem: input.subItem || null,
    description: input.description,
    wantedFrom: input.wantedFrom ?? null,
    wantedUntil: input.wantedUntil ?? null,
    channel: input.channel,
    createdBy: caller.userId,
    now: ctx.clock.now(),
  });
  return loadDemandView(ctx, id);
}
