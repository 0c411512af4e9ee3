import { defineAction, type ActionTable } from '../../runtime';
import { CalendarInput, CalendarView, PublishingNoticeInput, PublishingNoticeView } from './calendar.schemas';
import { communityCalendar } from './community-calendar';
import { publishingNotice } from './notice-check';

/** Part C: 预约预告 — the notice an activity gives (working days), and the community's calendar with 报名. */
export const calendarActions: ActionTable = {
  publishingNotice: defineAction({
    summary: '预约预告：活动若在此时间开始，距今有几个工作日（按国务院节假日与调休安排），本区要求几个、是否不足、最早可安排的日期',
    access: 'user',
    input: PublishingNoticeInput,
    output: PublishingNoticeView,
    errors: [],
    run: publishingNotice,
  }),
  calendar: defineAction({
    summary: '活动日历（本周/下周/本月）：本社区已发布、未取消的活动，按日分组，含节假日、剩余名额、负责人、临时通知；党员可见能否报名',
    access: 'user',
    input: CalendarInput,
    output: CalendarView,
    errors: ['CALENDAR_NO_COMMUNITY'],
    run: communityCalendar,
  }),
};
