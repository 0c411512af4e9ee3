// 消息提醒设置 of a district (issue 16, part A's notify.settings / notify.updateSettings). Types from the schemas, `import type` only.
import type { z } from 'zod'
import type { NotifySettingsView, UpdateNotifySettingsInput } from '@core/notify/settings/settings.schemas'
import { callFunction } from '../api-client'

export type NotifySettings = z.output<typeof NotifySettingsView>
export type NotifySettingsData = z.input<typeof UpdateNotifySettingsInput>

export const notifySettingsApi = {
  /** The district admin's district: 预约预告, 简讯 deadline and the two reminders (the defaults until saved). */
  get: () => callFunction<NotifySettings>('notify', 'settings', {}),
  update: (data: NotifySettingsData) => callFunction<NotifySettings>('notify', 'updateSettings', data),
}
