import { defineErrors } from '../shared/domain-error';

/** Part B's codes (积分、星级), spread into incentives.errors.ts. */
export const pointsErrors = defineErrors({
  POINTS_MEMBER_NOT_FOUND: '找不到该党员',
});
