import type { ActionTable } from '../runtime';
import { defineErrors } from '../shared/domain-error';
import { inboxActions } from './inbox/inbox-actions';
import { inboxErrors } from './inbox/inbox.errors';
import { settingsActions } from './settings/settings-actions';
import { subscriptionActions } from './wechat/subscription-actions';
import { wechatErrors } from './wechat/wechat.errors';

export { notify, WECHAT_DELIVERY_JOB, type Notice } from './notifier';
export { enqueueJob, type JobRequest } from './jobs';
export { NOTIFICATION_KINDS, type NotificationKind } from './kinds';
export { DEFAULT_NOTIFY_SETTINGS, notifySettingsOf, type NotifySettings } from './notify-settings';

export const notifyErrors = defineErrors({ ...inboxErrors.catalogue, ...wechatErrors.catalogue });

/** 消息: the inbox, the WeChat subscribe messages and the queue that sends them on time */
export const notifyActions: ActionTable = {
  ...inboxActions,
  ...subscriptionActions,
  ...settingsActions,
};
