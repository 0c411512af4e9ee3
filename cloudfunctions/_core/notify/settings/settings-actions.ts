import * as z from 'zod';
import { defineAction, type ActionTable } from '../../runtime';
import { loadNotifySettings, updateNotifySettings } from './district-notify-settings';
import { NotifySettingsView, UpdateNotifySettingsInput } from './settings.schemas';

/** Part A: the district admin's timings for announcements, 简讯 and reminders. */
export const settingsActions: ActionTable = {
  settings: defineAction({
    summary: '本区消息提醒设置：预约预告提前工作日、简讯提交期限、服务前一晚提醒时间、开始前提醒分钟数（区管理员）',
    access: 'user',
    input: z.object({}),
    output: NotifySettingsView,
    errors: [],
    run: loadNotifySettings,
  }),
  updateSettings: defineAction({
    summary: '修改本区消息提醒设置（区管理员）；保存修改人和时间',
    access: 'user',
    input: UpdateNotifySettingsInput,
    output: NotifySettingsView,
    errors: [],
    run: updateNotifySettings,
  }),
};
