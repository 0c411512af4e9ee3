import type { ActionContext } from '../runtime/action';
import { administersUnit, assertManagesCommunity, communityOf, grantsOf, requireCaller, unitAdministeredBy } from '../runtime';
import { commonErrors } from '../shared/domain-error';
import { teamErrors } from './teams.errors';
import { teamsRepository, type TeamOwner, type TeamRow } from './teams.repository';

export type ResolvedOwner = TeamOwner & { name: string; districtId: string };

/**
 * Whose teams a call is about: the unit or community it names, which the caller must manage (a unit by its unit
 * admin; a community by its secretary or its district's admin); naming neither, the secretary's own community,
 * else the unit admin's own unit.
 */
export async function resolveOwner(ctx: ActionContext, input: { communityId?: string; unitId?: string }): Promise<ResolvedOwner> {
  const caller = requireCaller(ctx.caller);
  let owner: TeamOwner;
  if (input.unitId) owner = { kind: 'unit', id: unitAdministeredBy(caller, input.unitId) };
  else if (input.communityId) {
    await assertManagesCommunity(ctx.tx, caller, input.communityId);
    owner = { kind: 'community', id: input.communityId };
  } else if (grantsOf(caller, 'secretary').length > 0) owner = { kind: 'community', id: communityOf(caller, 'secretary') };
  else if (grantsOf(caller, 'unit_admin').length > 0) owner = { kind: 'unit', id: unitAdministeredBy(caller) };
  else throw teamErrors.error('TEAM_OWNER_UNKNOWN', undefined, { communityId: '请指明服务队所属的社区或单位' });
  const found = await teamsRepository.ownerName(ctx.tx, owner);
  if (!found) throw commonErrors.error('NOT_FOUND', owner.kind === 'community' ? '找不到该社区' : '找不到该单位');
  return { ...owner, name: found.name, districtId: found.district_id };
}

export const ownerOfTeam = (team: TeamRow): TeamOwner =>
  team.community_id ? { kind: 'community', id: team.community_id } : { kind: 'unit', id: team.unit_id! };

/** The team, which the caller must manage: its community's secretary or district admin, or its unit's admin; `live`: locked, and not archived. */
export async function managedTeam(ctx: ActionContext, teamId: string, { live = false } = {}): Promise<TeamRow> {
  const caller = requireCaller(ctx.caller);
  if (live) await teamsRepository.lock(ctx.tx, teamId);
  const team = await teamsRepository.find(ctx.tx, teamId);
  if (!team) throw teamErrors.error('TEAM_NOT_FOUND', undefined, { teamId: '找不到该服务队' });
  if (team.community_id) await assertManagesCommunity(ctx.tx, caller, team.community_id);
  else if (!administersUnit(caller, team.unit_id!)) throw commonErrors.error('FORBIDDEN', '只能管理本单位的服务队');
  if (live && team.archived_at) throw teamErrors.error('TEAM_ARCHIVED', team.name);
  return team;
}
