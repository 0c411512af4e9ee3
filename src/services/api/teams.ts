import type { z } from 'zod'
import type { CreateTeamInput, TeamCandidatesView, TeamDetailView, TeamListView, TeamSummaryView } from '@core/teams/teams.schemas'
import { callFunction } from '../api-client'

export type TeamList = z.output<typeof TeamListView>
export type TeamSummary = z.output<typeof TeamSummaryView>
export type TeamDetail = z.output<typeof TeamDetailView>
export type TeamMember = TeamDetail['members'][number]
export type TeamActivity = TeamDetail['activities'][number]
export type TeamRuleOutcome = TeamSummary['standing'][number]
export type TeamCandidate = z.output<typeof TeamCandidatesView>['items'][number]
export type TeamKind = TeamSummary['kind']
export type CreateTeamData = z.input<typeof CreateTeamInput>

/** 服务队, on the org function: a community's teams (its secretary), a unit's (its unit admin). */
export const teamsApi = {
  list: (filter: { communityId?: string; unitId?: string; year?: number; includeArchived?: boolean } = {}) => callFunction<TeamList>('org', 'listTeams', filter),
  detail: (teamId: string) => callFunction<TeamDetail>('org', 'teamDetail', { teamId }),
  create: (data: CreateTeamData) => callFunction<TeamDetail>('org', 'createTeam', data),
  rename: (teamId: string, name: string, description?: string) => callFunction<TeamDetail>('org', 'renameTeam', { teamId, name, description }),
  archive: (teamId: string) => callFunction<TeamDetail>('org', 'archiveTeam', { teamId }),
  addMembers: (teamId: string, memberIds: string[]) => callFunction<TeamDetail>('org', 'addTeamMembers', { teamId, memberIds }),
  removeMember: (teamId: string, memberId: string) => callFunction<TeamDetail>('org', 'removeTeamMember', { teamId, memberId }),
  setCaptain: (teamId: string, memberId: string) => callFunction<TeamDetail>('org', 'setTeamCaptain', { teamId, memberId }),
  candidates: (teamId: string, query: string) => callFunction<z.output<typeof TeamCandidatesView>>('org', 'teamCandidates', { teamId, query }),
}
