import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime';
import { detailOf } from './list-teams';
import { managedTeam, ownerOfTeam, resolveOwner } from './team-scope';
import { teamErrors } from './teams.errors';
import { teamsRepository, type TeamOwner } from './teams.repository';
import type { CreateTeamInput } from './teams.schemas';

const nameTaken = (name: string) => teamErrors.error('TEAM_NAME_TAKEN', undefined, { name: `已有名为「${name}」的服务队` });

async function assertNameFree(ctx: ActionContext, owner: TeamOwner, name: string, exceptId: string | null = null) {
  if (await teamsRepository.nameTaken(ctx.tx, owner, name, exceptId)) throw nameTaken(name);
}

/** Sets up a team; a captain named is made its first member, and must be one who may be on it. */
export async function createTeam(ctx: ActionContext, input: CreateTeamInput) {
  const caller = requireCaller(ctx.caller);
  const owner = await resolveOwner(ctx, input);
  await assertNameFree(ctx, owner, input.name);
  const id = ctx.newId();
  const now = ctx.clock.now();
  await teamsRepository.insert(ctx.tx, { id, owner, kind: input.kind, name: input.name, description: input.description, createdBy: caller.userId, now });
  if (input.captainMemberId) {
    const [inScope] = await teamsRepository.membersInScope(ctx.tx, id, [input.captainMemberId]);
    if (!inScope) throw teamErrors.error('TEAM_MEMBER_OUT_OF_SCOPE', undefined, { captainMemberId: '队长须是本社区（单位服务队为本单位）的党员义工' });
    await teamsRepository.addMembers(ctx.tx, id, [input.captainMemberId], now);
    await teamsRepository.setCaptain(ctx.tx, id, input.captainMemberId);
  }
  return detailOf(ctx, (await teamsRepository.find(ctx.tx, id))!);
}

export async function renameTeam(ctx: ActionContext, input: { teamId: string; name: string; description?: string }) {
  const team = await managedTeam(ctx, input.teamId, { live: true });
  await assertNameFree(ctx, ownerOfTeam(team), input.name, team.id);
  await teamsRepository.rename(ctx.tx, team.id, input.name, input.description);
  return detailOf(ctx, (await teamsRepository.find(ctx.tx, team.id))!);
}

/** 撤销: the team keeps its history (its 集中性活动 and 实事 stay counted for the years they were in) and frees its name. */
export async function archiveTeam(ctx: ActionContext, input: { teamId: string }) {
  const team = await managedTeam(ctx, input.teamId, { live: true });
  await teamsRepository.archive(ctx.tx, team.id, ctx.clock.now());
  return detailOf(ctx, (await teamsRepository.find(ctx.tx, team.id))!);
}
