import type { Executor } from '../db/database';

/** A district's timings for announcements, reminders and 简讯 (migration 0025). */
export interface NotifySettings {
  /** 预约预告: an activity is published at least this many working days before it starts. */
  noticeWorkingDays: number;
  /** 活动简讯: due this many working days after the service. */
  briefDeadlineWorkingDays: number;
  /** The evening reminder's time, HH:mm in Beijing time, the day before the order starts. */
  reminderEveningTime: string;
  /** The second reminder, this many minutes before the start (0: none). */
  reminderLeadMinutes: number;
}

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = {
  noticeWorkingDays: 5,
  briefDeadlineWorkingDays: 5,
  reminderEveningTime: '20:00',
  reminderLeadMinutes: 60,
};

/** The columns of district_settings that hold the timings, as notifySettingsOfRow reads them. */
export const NOTIFY_SETTINGS_COLUMNS = 'notice_working_days, brief_deadline_working_days, reminder_evening_time, reminder_lead_minutes';

export type NotifySettingsRow = { notice_working_days: number; brief_deadline_working_days: number; reminder_evening_time: string; reminder_lead_minutes: number };

export const notifySettingsOfRow = (row: NotifySettingsRow): NotifySettings => ({
  noticeWorkingDays: row.notice_working_days,
  briefDeadlineWorkingDays: row.brief_deadline_working_days,
  reminderEveningTime: row.reminder_evening_time,
  reminderLeadMinutes: row.reminder_lead_minutes,
});

/** The district's settings, or the defaults when it never saved any. */
export async function notifySettingsOf(tx: Executor, districtId: string): Promise<NotifySettings> {
  const [row] = await tx.query<NotifySettingsRow>(`select ${NOTIFY_SETTINGS_COLUMNS} from district_settings where district_id = $1`, [districtId]);
  return row ? notifySettingsOfRow(row) : DEFAULT_NOTIFY_SETTINGS;
}
