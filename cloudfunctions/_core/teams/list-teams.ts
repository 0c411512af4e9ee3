import { ruleSetForCommunity, ruleSetForDistrict, type EffectiveRuleSet } from '../assessment/rule-set.repository';
import type { Executor } from '../db/database';
import type { ActionContext } from '../runtime/action';
import { businessYear } from '../shared/business-time';
import { maskPhone } from '../shared/masking';
import { managedTeam, ownerOfTeam, resolveOwner, type ResolvedOwner } from './team-scope';
import { teamYears, type TeamYear } from './team-standing';
import { teamsRepository, type TeamRow } from './teams.repository';
import { TEAM_KIND_LABELS, type ListTeamsInput, type TeamDetailView, type TeamSummaryView } from './teams.schemas';

/** A community's teams are held to the community's rule set; a unit's to its district's. */
const ruleSetOf = (tx: Executor, owner: { kind: 'community' | 'unit'; id: string }, districtId: string, year: number) =>
  owner.kind === 'community' ? ruleSetForCommunity(tx, owner.id, year) : ruleSetForDistrict(tx, districtId, year);

const ruleSetRef = (effective: EffectiveRuleSet) => ({ name: effective.ruleSet.name, origin: effective.origin, version: effective.version });

function toSummary(team: TeamRow, year: TeamYear): TeamSummaryView {
  return {
    id: team.id,
    kind: team.kind,
    kindLabel: TEAM_KIND_LABELS[team.kind],
    name: team.name,
    description: team.description,
    owner: { ...ownerOfTeam(team), name: team.owner_name },
    captain: team.captain_member_id ? { memberId: team.captain_member_id, name: team.captain_name ?? '' } : null,
    memberCount: team.member_count,
    focusedActivityCount: year.focusedActivityCount,
    deedCount: year.deedCount,
    standing: year.standing.map(({ ruleId, title, clause, measure, status, open, figure, target, unit, left, by, advice }) => ({
      ruleId, title, clause, measure, status, open, figure, target, unit, left, by, advice,
    })),
    archived: team.archived_at !== null,
  };
}

/** 服务队 of a community (or a unit), each with its captain, members, this year's 集中性活动 and its standing. */
export async function listTeams(ctx: ActionContext, input: ListTeamsInput) {
  const owner: ResolvedOwner = await resolveOwner(ctx, input);
  const now = ctx.clock.now();
  const year = input.year ?? businessYear(now);
  const [teams, effective] = await Promise.all([
    teamsRepository.listOf(ctx.tx, owner, input.includeArchived),
    ruleSetOf(ctx.tx, owner, owner.districtId, year),
  ]);
  const years = await teamYears(ctx.tx, teams.map((team) => team.id), year, now, effective);
  return {
    owner: { kind: owner.kind, id: owner.id, name: owner.name },
    year,
    ruleSet: ruleSetRef(effective),
    items: teams.map((team) => toSummary(team, years.get(team.id)!)),
  };
}

/** One team: its members, captain, the year's 集中性活动 (each marked whether it counts) and its standing. */
export async function teamDetail(ctx: ActionContext, input: { teamId: string; year?: number }): Promise<TeamDetailView> {
  const team = await managedTeam(ctx, input.teamId);
  return detailOf(ctx, team, input.year);
}

export async function detailOf(ctx: ActionContext, team: TeamRow, askedYear?: number): Promise<TeamDetailView> {
  const now = ctx.clock.now();
  const year = askedYear ?? businessYear(now);
  const [members, effective] = await Promise.all([
    teamsRepository.currentMembers(ctx.tx, team.id),
    ruleSetOf(ctx.tx, ownerOfTeam(team), team.district_id, year),
  ]);
  const teamYear = (await teamYears(ctx.tx, [team.id], year, now, effective)).get(team.id)!;
  return {
    ...toSummary(team, teamYear),
    year,
    ruleSet: ruleSetRef(effective),
    members: members.map((member) => ({
      memberId: member.member_id,
      name: member.name,
      volunteerNo: member.volunteer_no,
      memberType: member.member_type,
      gridName: member.grid_name,
      phoneMasked: maskPhone(member.phone),
      joinedAt: member.joined_at.toISOString(),
      captain: member.member_id === team.captain_member_id,
    })),
    activities: teamYear.activities.map((activity) => ({
      orderId: activity.id,
      title: activity.title,
      startsAt: activity.starts_at.toISOString(),
      endsAt: activity.ends_at.toISOString(),
      status: activity.status,
      attended: activity.attended,
      counts: activity.counts,
    })),
  };
}
