import type { DemoNotifyContext } from './demo-notify-context';

/** 消息: a few notifications in the demo member's, resident's and secretary's inboxes (part B) */
export async function seedNotifications(_context: DemoNotifyContext): Promise<void> {}
