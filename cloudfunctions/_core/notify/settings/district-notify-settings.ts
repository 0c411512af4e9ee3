import type { Executor } from '../../db/database';
import { homeDistrictOf } from '../../org/district-scope';
import type { ActionContext } from '../../runtime/action';
import { DEFAULT_NOTIFY_SETTINGS, NOTIFY_SETTINGS_COLUMNS, notifySettingsOfRow, type NotifySettingsRow } from '../notify-settings';
import type { NotifySettingsView, UpdateNotifySettingsInput } from './settings.schemas';

type SettingsRow = NotifySettingsRow & { updated_at: Date; updated_by: string | null };

async function load(tx: Executor, districtId: string): Promise<NotifySettingsView> {
  const [row] = await tx.query<SettingsRow>(
    `select ${NOTIFY_SETTINGS_COLUMNS}, s.updated_at, u.name as updated_by
       from district_settings s left join users u on u.id = s.updated_by where s.district_id = $1`,
    [districtId],
  );
  if (!row) return { ...DEFAULT_NOTIFY_SETTINGS, updatedAt: null, updatedBy: null };
  return {
    ...notifySettingsOfRow(row),
    // A row nobody saved (written with the defaults when another switch was first needed) was never changed.
    updatedAt: row.updated_by ? row.updated_at.toISOString() : null,
    updatedBy: row.updated_by,
  };
}

/** notify.settings: the district admin's district's timings, or the defaults when it never saved any. */
export const loadNotifySettings = (ctx: ActionContext) => load(ctx.tx, homeDistrictOf(ctx.caller));

/** notify.updateSettings: saves the four timings of the admin's home district, with who changed them and when. */
export async function updateNotifySettings(ctx: ActionContext, input: UpdateNotifySettingsInput): Promise<NotifySettingsView> {
  const districtId = homeDistrictOf(ctx.caller);
  await ctx.tx.query(
    `insert into district_settings (district_id, notice_working_days, brief_deadline_working_days, reminder_evening_time, reminder_lead_minutes, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (district_id) do update
       set notice_working_days = excluded.notice_working_days, brief_deadline_working_days = excluded.brief_deadline_working_days,
           reminder_evening_time = excluded.reminder_evening_time, reminder_lead_minutes = excluded.reminder_lead_minutes,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [districtId, input.noticeWorkingDays, input.briefDeadlineWorkingDays, input.reminderEveningTime, input.reminderLeadMinutes, ctx.caller!.userId, ctx.clock.now()],
  );
  return load(ctx.tx, districtId);
}
