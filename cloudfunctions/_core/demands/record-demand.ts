import type { ActionContext } from '../runtime/action';
import { communityOf, requireCaller } from '../runtime';
import { demandErrors } from './demands.errors';
import { demandsRepository } from './demands.repository';
import type { RecordDemandInput } from './demands.schemas';
import { saveNewDemand } from './post-demand';

/** A secretary enters a need received at the window, by phone, on a visit or from the mailbox. */
export async function recordDemand(ctx: ActionContext, input: RecordDemandInput) {
  const communityId = communityOf(requireCaller(ctx.caller), 'secretary');
  if (input.residentId) {
    const resident = await demandsRepository.residentCommunity(ctx.tx, input.residentId);
    if (resident?.community_id !== communityId) throw demandErrors.error('DEMAND_RESIDENT_NOT_IN_COMMUNITY');
  }
  return saveNewDemand(ctx, input, {
    communityId,
    residentId: input.residentId ?? null,
    requesterName: input.requesterName,
    channel: input.channel,
  });
}
