import { randomUUID } from 'node:crypto';
import dayjs from 'dayjs';
import { noticeOf } from '../cloudfunctions/_core/calendar/notice';
import { notifySettingsOf } from '../cloudfunctions/_core/notify';
import { rangeDates } from '../cloudfunctions/_core/orders/calendar/community-calendar';
import { ordersRepository } from '../cloudfunctions/_core/orders/orders.repository';
import { businessDate } from '../cloudfunctions/_core/shared/business-time';
import type { DemoNotifyContext } from './demo-notify-context';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/** 活动日历: activities this week, next week and this month, one published at short notice (part C) */
export async function seedActivityCalendar(context: DemoNotifyContext): Promise<void> {
  const { tx, now, communityId, secretary } = context;
  const today = businessDate(now);
  const { noticeWorkingDays } = await notifySettingsOf(tx, context.districtId);
  const nextWeek = rangeDates('next_week', today);
  const month = rangeDates('this_month', today);
  const soon = new Date(now.getTime() + 3 * 3_600_000);
  const plans = [
    // This week (in three hours): published today, so at short notice — a 临时通知.
    { title: '楼道杂物清理（临时）', place: '幸福小区3栋', startsAt: businessDate(soon) <= rangeDates('this_week', today).to ? soon : at(today, '23:00'), capacity: 4 },
    { title: '社区环境清洁日', place: '社区文化广场', startsAt: at(dayjs(nextWeek.from).add(2, 'day').format('YYYY-MM-DD'), '09:00'), capacity: 6 },
    { title: '健康义诊进社区', place: '党群服务中心', startsAt: at(dayjs(nextWeek.from).add(5, 'day').format('YYYY-MM-DD'), '09:30'), capacity: 3 },
    // Later this month, when the month goes on past next week.
    ...(month.to > nextWeek.to ? [{ title: '月末敬老茶话会', place: '社区长者食堂', startsAt: at(month.to, '14:30'), capacity: 5 }] : []),
  ];
  for (const plan of plans) {
    const notice = noticeOf(today, businessDate(plan.startsAt), noticeWorkingDays);
    await ordersRepository.insert(tx, {
      id: randomUUID(), communityId, demandId: null, title: plan.title, category: '社区服务', description: '',
      place: plan.place, startsAt: plan.startsAt.toISOString(), endsAt: new Date(plan.startsAt.getTime() + 2 * 3_600_000).toISOString(),
      capacity: plan.capacity, dispatch: 'open', cancelCutoffMinutes: 120, requiredPosts: [], requiredSkills: [],
      leaderMemberId: null, focusedTeamId: null, createdBy: secretary.id, now,
      notice: { noticeWorkingDays: notice.workingDays, noticeRequiredDays: notice.required, shortNotice: notice.short },
    });
  }
}
