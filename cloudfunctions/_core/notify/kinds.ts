/**
 * Every kind of notification, with who gets it and whether the user may turn it off. `required`: the rules (or the
 * user's own record) demand that the user hears of it, so it is sent whatever their preferences say.
 */
export const NOTIFICATION_KINDS = {
  order_invited: { label: '派单邀请', audience: 'member', required: false },
  order_accepted: { label: '接单成功', audience: 'member', required: false },
  order_reminder: { label: '服务开始前提醒', audience: 'member', required: false },
  order_cancelled: { label: '订单取消', audience: 'member', required: true },
  order_changed: { label: '订单变更', audience: 'member', required: true },
  need_accepted: { label: '需求已受理', audience: 'resident', required: false },
  need_rejected: { label: '需求未受理', audience: 'resident', required: true },
  need_cancelled: { label: '服务取消', audience: 'resident', required: true },
  need_changed: { label: '服务时间地点变更', audience: 'resident', required: true },
  need_posted: { label: '新需求', audience: 'organisation', required: false },
  please_rate: { label: '请评价服务', audience: 'resident', required: false },
  registration_result: { label: '报到审核结果', audience: 'member', required: true },
  record_corrected: { label: '服务时长更正', audience: 'member', required: true },
  dispute_decided: { label: '申诉处理结果', audience: 'member', required: true },
  quarter_without_service: { label: '本季度尚无服务', audience: 'member', required: false },
  quarterly_report_due: { label: '季报表报送', audience: 'organisation', required: true },
  pickup_waiting: { label: '待领取的兑换', audience: 'member', required: false },
  brief_due: { label: '活动简讯待提交', audience: 'organisation', required: true },
  broadcast: { label: '社区通知', audience: 'member', required: true },
} as const satisfies Record<string, { label: string; audience: 'member' | 'resident' | 'organisation'; required: boolean }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const NOTIFICATION_KIND_KEYS = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export const isRequiredKind = (kind: NotificationKind) => NOTIFICATION_KINDS[kind].required;
