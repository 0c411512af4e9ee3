import { defineErrors } from '../../shared/domain-error';

/** Part B's codes, prefix NOTIFY_. */
export const inboxErrors = defineErrors({
  NOTIFY_KIND_REQUIRED: '这类消息按规定必须接收，不能关闭',
  NOTIFY_KIND_NOT_YOURS: '您的身份不接收这类消息',
  NOTIFY_BAD_CURSOR: '翻页位置不正确，请刷新后重试',
  NOTIFY_ORDER_NOT_FOUND: '找不到该订单',
  NOTIFY_ORDER_CLOSED: '订单已取消，不能再发通知',
  NOTIFY_TEAM_NOT_FOUND: '找不到该服务队',
  NOTIFY_NOBODY_TO_REACH: '没有可通知的党员义工',
});
