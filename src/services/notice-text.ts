import type { PublishingNotice } from '@/services/api/calendar'

/** 预约预告's warning: how many working days the start gives (and the holidays that take the rest), and what the rule asks. */
export const shortNoticeText = (notice: Pick<PublishingNotice, 'workingDays' | 'required' | 'earliestDateLabel' | 'holidays'>) =>
  `距开始只有${notice.workingDays}个工作日${notice.holidays.length > 0 ? `（中间有${notice.holidays.join('、')}假期）` : ''}，` +
  `按规定活动须提前${notice.required}个工作日发布，最早可安排在${notice.earliestDateLabel}`
