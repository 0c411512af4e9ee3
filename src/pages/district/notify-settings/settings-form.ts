import type { FieldErrors } from '@/hooks/use-form-errors'
import type { NotifySettings, NotifySettingsData } from '@/services/api/notify-settings'

/** What the district admin types: the numbers as text, the time as HH:mm. */
export interface SettingsForm {
  noticeWorkingDays: string
  briefDeadlineWorkingDays: string
  reminderEveningTime: string
  reminderLeadMinutes: string
}

export type SettingsField = keyof SettingsForm

export const formOf = (settings: NotifySettings): SettingsForm => ({
  noticeWorkingDays: String(settings.noticeWorkingDays),
  briefDeadlineWorkingDays: String(settings.briefDeadlineWorkingDays),
  reminderEveningTime: settings.reminderEveningTime,
  reminderLeadMinutes: String(settings.reminderLeadMinutes),
})

/** The labels the server names its errors by (settings.schemas.ts), so both speak the same words. */
const LABELS: Record<Exclude<SettingsField, 'reminderEveningTime'>, string> = {
  noticeWorkingDays: '预约预告提前工作日',
  briefDeadlineWorkingDays: '简讯提交期限（工作日）',
  reminderLeadMinutes: '开始前提醒（分钟）',
}

/**
 * The form's own check: each number filled in and whole. How large it may be is the server's to say
 * (notify.updateSettings names the field and its limit), so the limits live in one place.
 */
export function checkSettings(form: SettingsForm): FieldErrors<SettingsField> {
  const errors: FieldErrors<SettingsField> = {}
  for (const field of Object.keys(LABELS) as (keyof typeof LABELS)[]) {
    const value = form[field].trim()
    if (value === '') errors[field] = `请填写${LABELS[field]}`
    else if (!/^\d+$/.test(value)) errors[field] = `${LABELS[field]}须为整数`
  }
  return errors
}

export const toSettingsData = (form: SettingsForm): NotifySettingsData => ({
  noticeWorkingDays: Number(form.noticeWorkingDays.trim()),
  briefDeadlineWorkingDays: Number(form.briefDeadlineWorkingDays.trim()),
  reminderEveningTime: form.reminderEveningTime,
  reminderLeadMinutes: Number(form.reminderLeadMinutes.trim()),
})

export const changedFrom = (form: SettingsForm, saved: NotifySettings | null) =>
  saved !== null && (Object.keys(form) as SettingsField[]).some((field) => form[field].trim() !== formOf(saved)[field])

/** 「开始前1小时30分钟」: how the lead reminder reads. */
export function leadText(minutes: number): string {
  if (minutes === 0) return '开始前不再提醒'
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return `开始前${hours > 0 ? `${hours}小时` : ''}${rest > 0 ? `${rest}分钟` : ''}再提醒一次`
}
