import * as z from 'zod';
import { defineAction, type ActionTable } from '../../runtime';
import { broadcast } from './broadcast';
import { inbox, markRead, preferences, setPreference, unreadCount } from './inbox';
import {
  BroadcastInput,
  BroadcastView,
  InboxInput,
  InboxView,
  MarkReadInput,
  MarkReadView,
  PreferenceView,
  PreferencesView,
  SetPreferenceInput,
  UnreadCountView,
} from './inbox.schemas';

/** Part B: 消息 (inbox, unread count, mark read), preferences per kind, broadcast. */
export const inboxActions: ActionTable = {
  inbox: defineAction({
    summary: '消息：本人的消息，新的在前，分页（翻页位置 nextCursor），可只看未读；附未读数',
    access: 'user',
    input: InboxInput,
    output: InboxView,
    errors: ['NOTIFY_BAD_CURSOR'],
    run: inbox,
  }),
  unreadCount: defineAction({
    summary: '未读消息数（底部「消息」角标）',
    access: 'user',
    input: z.object({}),
    output: UnreadCountView,
    errors: [],
    run: unreadCount,
  }),
  markRead: defineAction({
    summary: '标为已读：本人的几条消息（ids）或全部（all）；他人的消息不受影响',
    access: 'user',
    input: MarkReadInput,
    output: MarkReadView,
    errors: [],
    run: markRead,
  }),
  preferences: defineAction({
    summary: '消息设置：本人身份可收到的各类消息及是否接收；按规定必须接收的不能关闭',
    access: 'user',
    input: z.object({}),
    output: PreferencesView,
    errors: [],
    run: preferences,
  }),
  setPreference: defineAction({
    summary: '打开或关闭一类消息；按规定必须接收的类别不能关闭',
    access: 'user',
    input: SetPreferenceInput,
    output: PreferenceView,
    errors: ['NOTIFY_KIND_REQUIRED', 'NOTIFY_KIND_NOT_YOURS'],
    run: setPreference,
  }),
  broadcast: defineAction({
    summary: '发通知：书记（或订单负责人）给订单已接单的党员义工、或给服务队队员发一条社区通知；同一请求编号只发一次；答复通知到的人数',
    access: 'user',
    input: BroadcastInput,
    output: BroadcastView,
    errors: ['NOTIFY_ORDER_NOT_FOUND', 'NOTIFY_ORDER_CLOSED', 'NOTIFY_TEAM_NOT_FOUND', 'NOTIFY_NOBODY_TO_REACH'],
    run: broadcast,
  }),
};
