import { administersUnit, managesCommunity, requireCaller, type ActionContext } from '../runtime';
import { documentsErrors } from './documents.errors';
import { recordCardRepository } from './record-card.repository';

/**
 * Whose card the caller may read: their own; a member of the secretary's community; a member of the unit admin's
 * unit; a member of a community in the district admin's district. An unknown member is refused like another's, so
 * the answer does not tell who exists.
 */
export async function cardMemberFor(ctx: ActionContext, memberId: string | undefined): Promise<string> {
  const caller = requireCaller(ctx.caller);
  const target = memberId ?? caller.userId;
  if (target === caller.userId) return target;
  const member = await recordCardRepository.findMember(ctx.tx, target);
  if (member) {
    if (member.unit_id && administersUnit(caller, member.unit_id)) return target;
    if (await managesCommunity(ctx.tx, caller, member.community_id)) return target;
  }
  throw documentsErrors.error('DOCUMENT_NOT_YOURS');
}
