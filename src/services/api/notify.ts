import type { z } from 'zod'
import type { BroadcastView, InboxView, MarkReadView, NotificationView, PreferenceView, PreferencesView } from '@core/notify/inbox/inbox.schemas'
import type { NotificationKind } from '@core/notify/kinds'
import type { SubscribeMoment } from '@core/notify/wechat/templates'
import { callFunction } from '../api-client'
import { uuidV4 } from '../scan-queue'

export type Notification = z.output<typeof NotificationView>
export type Inbox = z.output<typeof InboxView>
export type Preference = z.output<typeof PreferenceView>

/** A key for one tap of 发通知: sent again on a retry, it reaches everyone once. */
export const newBroadcastId = () => uuidV4()

/** 消息, in the notify cloud function: always the caller's own. */
export const notifyApi = {
  /** A page of the inbox, newest first; pass the answer's `nextCursor` for the next. */
  inbox: (options: { cursor?: string; limit?: number; unreadOnly?: boolean } = {}) => callFunction<Inbox>('notify', 'inbox', options),
  /** For the 消息 tab's badge, on every page show. */
  unreadCount: () => callFunction<{ unread: number }>('notify', 'unreadCount', {}),
  markRead: (ids: string[]) => callFunction<z.output<typeof MarkReadView>>('notify', 'markRead', { ids }),
  markAllRead: () => callFunction<z.output<typeof MarkReadView>>('notify', 'markRead', { all: true }),
  preferences: () => callFunction<z.output<typeof PreferencesView>>('notify', 'preferences', {}),
  setPreference: (kind: NotificationKind, enabled: boolean) => callFunction<Preference>('notify', 'setPreference', { kind, enabled }),
  /** 发通知 to an order's accepted members or to a team; answers how many it reached. */
  broadcast: (to: { orderId: string } | { teamId: string }, text: string, requestId: string) =>
    callFunction<z.output<typeof BroadcastView>>('notify', 'broadcast', { ...to, text, requestId }),
  /** The one-time subscribe-message templates to ask for at a tap (none when WeChat sending is not configured). */
  subscribeTemplates: (moment: SubscribeMoment) => callFunction<{ templateIds: string[] }>('notify', 'subscribeTemplates', { moment }),
  /** What the user answered to wx.requestSubscribeMessage: each accepted template is one message WeChat lets us send. */
  grantSubscriptions: (results: SubscribeAnswer[]) => callFunction<{ credits: Record<string, number> }>('notify', 'grantSubscriptions', { results }),
}

export type SubscribeAnswer = { templateId: string; result: 'accept' | 'reject' | 'ban' | 'filter' }
