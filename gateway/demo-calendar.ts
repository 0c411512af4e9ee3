import type { DemoNotifyContext } from './demo-notify-context';

/** 活动日历: activities this week, next week and this month, one published at short notice (part C) */
export async function seedActivityCalendar(_context: DemoNotifyContext): Promise<void> {}
