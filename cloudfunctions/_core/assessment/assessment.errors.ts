import { defineErrors } from '../shared/domain-error';

export const assessmentErrors = defineErrors({
  ASSESSMENT_PRESET_NOT_FOUND: '没有这个考核规则预设',
  ASSESSMENT_MEMBER_NOT_FOUND: '找不到该党员',
  ASSESSMENT_MEMBER_DATES_INVALID: '入党积极分子日期或入党日期有误',
});
