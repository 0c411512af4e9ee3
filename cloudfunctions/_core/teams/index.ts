import { defineAction, type ActionTable } from '../runtime';
import { teamDetail, listTeams } from './list-teams';
import { archiveTeam, createTeam, renameTeam } from './manage-teams';
import { addTeamMembers, removeTeamMember, setTeamCaptain, teamCandidates } from './team-members';
import { teamErrors } from './teams.errors';
import {
  AddTeamMembersInput,
  CreateTeamInput,
  ListTeamsInput,
  RenameTeamInput,
  TeamCandidatesInput,
  TeamCandidatesView,
  TeamDetailInput,
  TeamDetailView,
  TeamIdInput,
  TeamListView,
  TeamMemberInput,
} from './teams.schemas';

export { teamErrors };
export { countsAsFocusedActivity } from './team-activities';
export * from './teams.schemas';

const SCOPE = ['TEAM_NOT_FOUND'];
const EDIT = [...SCOPE, 'TEAM_ARCHIVED'];

/**
 * 服务队 (001 §五.(一), 002 §二.3), served by the `org` function: a community's teams managed by its secretary (or the
 * district admin of its district), a unit's by its unit admin.
 */
export const teamActions: ActionTable = {
  listTeams: defineAction({
    summary: '服务队列表：社区（或单位）的服务队、党员工作室等，含队长、队员人数、本年集中性活动次数和按考核规则的达标情况',
    access: 'user',
    input: ListTeamsInput,
    output: TeamListView,
    errors: ['TEAM_OWNER_UNKNOWN'],
    run: listTeams,
  }),
  teamDetail: defineAction({
    summary: '服务队详情：队员、队长、本年集中性活动（是否计入）和达标情况',
    access: 'user',
    input: TeamDetailInput,
    output: TeamDetailView,
    errors: SCOPE,
    run: teamDetail,
  }),
  createTeam: defineAction({
    summary: '新建服务队（党员义工服务队、党员工作室、需求组团、专长组团），可同时指定队长（自动成为队员）',
    access: 'user',
    input: CreateTeamInput,
    output: TeamDetailView,
    errors: ['TEAM_OWNER_UNKNOWN', 'TEAM_NAME_TAKEN', 'TEAM_MEMBER_OUT_OF_SCOPE'],
    run: createTeam,
  }),
  renameTeam: defineAction({
    summary: '服务队更名或修改简介（同一社区或单位内名称不重复）',
    access: 'user',
    input: RenameTeamInput,
    output: TeamDetailView,
    errors: [...EDIT, 'TEAM_NAME_TAKEN'],
    run: renameTeam,
  }),
  archiveTeam: defineAction({
    summary: '撤销服务队：保留历年的集中性活动和实事记录，不能再修改',
    access: 'user',
    input: TeamIdInput,
    output: TeamDetailView,
    errors: EDIT,
    run: archiveTeam,
  }),
  addTeamMembers: defineAction({
    summary: '加入队员：本社区报到的党员义工（单位服务队为本单位的党员义工），已在队中的不变',
    access: 'user',
    input: AddTeamMembersInput,
    output: TeamDetailView,
    errors: [...EDIT, 'TEAM_MEMBER_OUT_OF_SCOPE'],
    run: addTeamMembers,
  }),
  removeTeamMember: defineAction({
    summary: '移出队员；移出队长后服务队暂无队长',
    access: 'user',
    input: TeamMemberInput,
    output: TeamDetailView,
    errors: [...EDIT, 'TEAM_NOT_A_MEMBER'],
    run: removeTeamMember,
  }),
  setTeamCaptain: defineAction({
    summary: '设置队长：须是服务队的现任队员',
    access: 'user',
    input: TeamMemberInput,
    output: TeamDetailView,
    errors: [...EDIT, 'TEAM_CAPTAIN_NOT_MEMBER'],
    run: setTeamCaptain,
  }),
  teamCandidates: defineAction({
    summary: '可加入服务队的党员义工：按姓名、手机尾号或义工编号搜索，不含已在队中的',
    access: 'user',
    input: TeamCandidatesInput,
    output: TeamCandidatesView,
    errors: EDIT,
    run: teamCandidates,
  }),
};
