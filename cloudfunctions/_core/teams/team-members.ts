import type { ActionContext } from '../runtime/action';
import { detailOf } from './list-teams';
import { managedTeam } from './team-scope';
import { teamErrors } from './teams.errors';
import { teamsRepository } from './teams.repository';

const CANDIDATES_SHOWN = 30;

const reload = async (ctx: ActionContext, teamId: string) => detailOf(ctx, (await teamsRepository.find(ctx.tx, teamId))!);

/** Adds members of the team's community (of its unit, for a unit's team); one already on it stays as they are. */
export async function addTeamMembers(ctx: ActionContext, input: { teamId: string; memberIds: string[] }) {
  const team = await managedTeam(ctx, input.teamId, { live: true });
  const wanted = [...new Set(input.memberIds)];
  const inScope = new Set(await teamsRepository.membersInScope(ctx.tx, team.id, wanted));
  if (wanted.some((id) => !inScope.has(id))) {
    throw teamErrors.error('TEAM_MEMBER_OUT_OF_SCOPE', undefined, { memberIds: team.community_id ? '队员须是本社区报到的党员义工' : '队员须是本单位的党员义工' });
  }
  await teamsRepository.addMembers(ctx.tx, team.id, wanted, ctx.clock.now());
  return reload(ctx, team.id);
}

/** Takes a member off the team; a captain taken off leaves the team without one until another is set. */
export async function removeTeamMember(ctx: ActionContext, input: { teamId: string; memberId: string }) {
  const team = await managedTeam(ctx, input.teamId, { live: true });
  if (!(await teamsRepository.isCurrentMember(ctx.tx, team.id, input.memberId))) {
    throw teamErrors.error('TEAM_NOT_A_MEMBER', undefined, { memberId: '该党员义工不是这支服务队的队员' });
  }
  await teamsRepository.removeMember(ctx.tx, team.id, input.memberId, ctx.clock.now());
  if (team.captain_member_id === input.memberId) await teamsRepository.setCaptain(ctx.tx, team.id, null);
  return reload(ctx, team.id);
}

/** 队长: one of the team's current members (001 §五.(一)2). */
export async function setTeamCaptain(ctx: ActionContext, input: { teamId: string; memberId: string }) {
  const team = await managedTeam(ctx, input.teamId, { live: true });
  if (!(await teamsRepository.isCurrentMember(ctx.tx, team.id, input.memberId))) {
    throw teamErrors.error('TEAM_CAPTAIN_NOT_MEMBER', undefined, { memberId: '请先把他（她）加入服务队，再设为队长' });
  }
  await teamsRepository.setCaptain(ctx.tx, team.id, input.memberId);
  return reload(ctx, team.id);
}

/** Who may be added: members in the team's scope not on it now, by name, the end of the phone or the volunteer number. */
export async function teamCandidates(ctx: ActionContext, input: { teamId: string; query?: string }) {
  const team = await managedTeam(ctx, input.teamId);
  if (team.archived_at) throw teamErrors.error('TEAM_ARCHIVED', team.name);
  const rows = await teamsRepository.candidates(ctx.tx, team.id, input.query ?? '', CANDIDATES_SHOWN);
  return {
    items: rows.map((row) => ({ memberId: row.member_id, name: row.name, volunteerNo: row.volunteer_no, memberType: row.member_type, gridName: row.grid_name })),
  };
}
