import { defineErrors } from '../shared/domain-error';

export const assessmentErrors = defineErrors({
  ASSESSMENT_PRESET_NOT_FOUND: '没有这个考核规则预设',
});
