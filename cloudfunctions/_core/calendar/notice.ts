import dayjs from 'dayjs';
import { addWorkingDays, calendarCovers, workingDaysBetween } from './working-days';

/**
 * 预约预告 (000 §四.(二)「提前不少于五个工作日」): the rule, written once. An activity starting on `startDate`, published on
 * `publishDate` (both Beijing dates), gives as notice the working days strictly between the two: neither the
 * publishing day nor the activity's day counts. It is short when that is fewer than `required`. The earliest
 * date that meets the rule is the day after the `required`-th working day after publishing (any day of the week:
 * an activity may well be on a Saturday).
 */
export interface Notice {
  workingDays: number;
  required: number;
  short: boolean;
  /** The first Beijing date an activity could start on and give the notice required. */
  earliestDate: string;
  /** Whether the holiday data holds every date counted; outside it only weekends are known. */
  covered: boolean;
}

export function noticeOf(publishDate: string, startDate: string, required: number): Notice {
  const workingDays = workingDaysBetween(publishDate, startDate);
  const earliestDate = required === 0 ? publishDate : dayjs(addWorkingDays(publishDate, required)).add(1, 'day').format('YYYY-MM-DD');
  const last = startDate > earliestDate ? startDate : earliestDate;
  return {
    workingDays,
    required,
    short: workingDays < required,
    earliestDate,
    covered: calendarCovers(publishDate) && calendarCovers(last),
  };
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 「12月9日（周三）」: how a date is said to the secretary. */
export const spokenDate = (date: string) => {
  const day = dayjs(date);
  return `${day.month() + 1}月${day.date()}日（${WEEKDAYS[day.day()]}）`;
};

export const weekdayOf = (date: string) => WEEKDAYS[dayjs(date).day()];

/** What a screen says when a date lies beyond the holiday data. */
export const UNCOVERED_NOTE = (year: number) => `${year}年节假日安排尚未收录，按周末推算`;
