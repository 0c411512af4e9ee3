import * as z from 'zod';
import { field } from '../../shared/fields';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** notify.updateSettings: the district's timings for 预约预告, 活动简讯 and the reminders before an order. */
export const UpdateNotifySettingsInput = z.object({
  noticeWorkingDays: field.int('预约预告提前工作日', { min: 0, max: 30 }),
  briefDeadlineWorkingDays: field.int('简讯提交期限（工作日）', { min: 1, max: 30 }),
  reminderEveningTime: field.string('前一晚提醒时间', '请填写前一晚提醒时间').regex(CLOCK_TIME, '前一晚提醒时间须为时:分，例如 20:00'),
  reminderLeadMinutes: field.int('开始前提醒（分钟）', { min: 0, max: 720 }),
});
export type UpdateNotifySettingsInput = z.infer<typeof UpdateNotifySettingsInput>;

export const NotifySettingsView = z.object({
  noticeWorkingDays: z.number().int().describe('预约预告：活动至少提前几个工作日发布'),
  briefDeadlineWorkingDays: z.number().int().describe('活动简讯：服务后几个工作日内提交'),
  reminderEveningTime: z.string().describe('服务前一晚提醒的时间（北京时间 HH:mm）'),
  reminderLeadMinutes: z.number().int().describe('服务开始前多少分钟再提醒一次（0：不提醒）'),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable().describe('最后修改人的姓名'),
});
export type NotifySettingsView = z.infer<typeof NotifySettingsView>;
