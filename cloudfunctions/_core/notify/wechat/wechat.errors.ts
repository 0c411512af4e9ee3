import { defineErrors } from '../../shared/domain-error';

/** Part A's codes, prefix SUBSCRIBE_ / JOBS_. */
export const wechatErrors = defineErrors({});
