import type { ActionTable } from '../../runtime';

/** Part B: 消息 (inbox, unread count, mark read), preferences per kind, broadcast. */
export const inboxActions: ActionTable = {};
