import type { DemoNotifyContext } from './demo-notify-context';

/** 活动简讯: a finished activity with its 简讯 and photo, one still waiting for it (part D) */
export async function seedActivityBriefs(_context: DemoNotifyContext): Promise<void> {}
