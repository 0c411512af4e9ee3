import { defineErrors } from '../shared/domain-error';

export const teamErrors = defineErrors({
  TEAM_NOT_FOUND: '找不到该服务队',
  TEAM_ARCHIVED: '该服务队已撤销，不能再修改',
  TEAM_NAME_TAKEN: '已有同名的服务队',
  TEAM_OWNER_UNKNOWN: '请指明服务队所属的社区或单位',
  TEAM_MEMBER_OUT_OF_SCOPE: '只能加入本社区（单位服务队为本单位）的党员义工',
  TEAM_NOT_A_MEMBER: '该党员义工不是这支服务队的队员',
  TEAM_CAPTAIN_NOT_MEMBER: '队长须是这支服务队的现任队员',
});
