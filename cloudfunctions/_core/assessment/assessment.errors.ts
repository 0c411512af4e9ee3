import { defineErrors } from '../shared/domain-error';

export const assessmentErrors = defineErrors({
  ASSESSMENT_PRESET_NOT_FOUND: '没有这个考核规则预设',
  ASSESSMENT_MEMBER_NOT_FOUND: '找不到该党员',
  ASSESSMENT_MEMBER_DATES_INVALID: '入党积极分子日期或入党日期有误',
  SUGGESTION_NOT_FOUND: '找不到该建议',
  SUGGESTION_ALREADY_HANDLED: '该建议已处理，不能再撤回或重复处理',
  SUGGESTION_WITHDRAWN: '该建议已被撤回',
  COMMITMENT_NOT_FOUND: '找不到该承诺',
  COMMITMENT_TEAM_NOT_FOUND: '找不到该服务队',
  COMMITMENT_NOT_CAPTAIN: '只有服务队队长或本社区书记可以为服务队承诺或填报实事',
  COMMITMENT_YEAR_NOT_OPEN: '只能为今年或明年作出承诺',
  COMMITMENT_NOT_OPEN: '该承诺已填报完成情况或已确认，不能再填报',
  COMMITMENT_NOT_REPORTED: '该承诺尚未填报完成情况，或已确认、已退回',
  ASSESSMENT_YEAR_CLOSED: '该考核年度已结束，规则和免除记录不能再更改',
  ASSESSMENT_RULE_SET_UNCHANGED: '考核规则与当前版本相同，无需保存',
  ASSESSMENT_STREETS_CANNOT_CHOOSE: '本区未允许街道自选考核规则',
  ASSESSMENT_EXEMPTION_EXISTS: '该党员本年度已有有效的免除考核记录',
  ASSESSMENT_EXEMPTION_NOT_FOUND: '找不到该免除考核记录',
  ASSESSMENT_EXEMPTION_REVOKED: '该免除考核记录已撤销',
  ASSESSMENT_GRID_NOT_IN_COMMUNITY: '所选网格不属于该社区',
});
