import { orgRepository } from '../org';
import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';
import { registrationErrors } from './registration.errors';

/**
 * The secretary keeps a member who has no phone (an elderly 社区党员): no account and no login; they get a
 * volunteer number, appear in every list, and serve through the secretary's hand entries (添加到名单并签到,
 * 补签退, 补录), which the audit trail keeps.
 */
export async function keepMemberWithoutPhone(
  ctx: ActionContext,
  input: { name: string; memberType: 'community' | 'probationary' | 'activist'; gridId?: string; skills: string[]; reason: string },
) {
  const caller = requireCaller(ctx.caller);
  const communityId = communityOf(caller, 'secretary');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  if (input.gridId) {
    const [grid] = await ctx.tx.query("select 1 from organisations where id = $1 and kind = 'grid' and parent_id = $2", [input.gridId, communityId]);
    if (!grid) throw registrationErrors.error('REG_GRID_NOT_IN_COMMUNITY', undefined, { gridId: '请选择本社区的网格' });
  }
  const userId = ctx.newId();
  await ctx.tx.query('insert into users (id, name, phone, password_hash, no_phone_reason) values ($1, $2, null, null, $3)', [userId, input.name, input.reason]);
  await orgRepository.grantRole(ctx.tx, { id: ctx.newId(), userId, role: 'member', orgId: communityId });
  const volunteerNo = await orgRepository.registerMember(ctx.tx, {
    userId, communityId, gridId: input.gridId ?? null, unitId: null, memberType: input.memberType, skills: input.skills,
  });
  return { memberId: userId, name: input.name, volunteerNo };
}
