import { defineErrors } from '../../shared/domain-error';

export const rulesErrors = defineErrors({
  INCENTIVE_RULES_UNCHANGED: '规则没有改动，无需保存',
  INCENTIVE_RULES_STALE: '规则已被他人修改，请刷新后再改',
});
