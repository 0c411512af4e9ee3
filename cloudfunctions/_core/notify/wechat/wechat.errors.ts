import { defineErrors } from '../../shared/domain-error';

/** Part A's codes, prefix SUBSCRIBE_ / JOBS_. */
export const wechatErrors = defineErrors({
  SUBSCRIBE_UNKNOWN_TEMPLATE: '订阅结果 results 中的 templateId 不是本小程序配置的订阅消息模板',
});
