import dayjs from 'dayjs';
import calendar from 'chinese-days/dist/chinese-days.json';

/**
 * Working days on the mainland calendar: Monday to Friday, less the State Council's public holidays, plus the
 * weekend days it makes working days (调休). The data is the `chinese-days` package's (国务院办公厅 notices, 2004 on);
 * a year it does not hold yet is reckoned by weekends alone, and `calendarCovers` says so, so that a screen can.
 * Dates are Beijing calendar dates, `YYYY-MM-DD`.
 */
const HOLIDAYS = new Set(Object.keys(calendar.holidays));
const MAKE_UP_WORKDAYS = new Set(Object.keys(calendar.workdays));
const LAST_YEAR_KNOWN = Math.max(...[...HOLIDAYS].map((date) => Number(date.slice(0, 4))));
const FIRST_YEAR_KNOWN = Math.min(...[...HOLIDAYS].map((date) => Number(date.slice(0, 4))));

/** Whether the holiday data holds the year of `date` (outside it, only weekends are known). */
export const calendarCovers = (date: string) => {
  const year = Number(date.slice(0, 4));
  return year >= FIRST_YEAR_KNOWN && year <= LAST_YEAR_KNOWN;
};

export const lastYearKnown = () => LAST_YEAR_KNOWN;

/** The data's short names as the State Council's notices and calendars print them (「中秋」 → 「中秋节」). */
const HOLIDAY_NAMES: Record<string, string> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
  中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日: '抗战胜利纪念日',
};

/** The public holiday `date` falls in, by its Chinese name (春节、国庆节…), or null; a make-up working day is none. */
export function holidayName(date: string): string | null {
  const entry = (calendar.holidays as Record<string, string>)[date];
  const name = entry?.split(',')[1];
  return name ? (HOLIDAY_NAMES[name] ?? name) : null;
}

export function isWorkingDay(date: string): boolean {
  if (MAKE_UP_WORKDAYS.has(date)) return true;
  if (HOLIDAYS.has(date)) return false;
  const weekday = dayjs(date).day();
  return weekday !== 0 && weekday !== 6;
}

/** The working day `count` working days after `date` (`count` ≥ 1); the start day itself is never counted. */
export function addWorkingDays(date: string, count: number): string {
  let day = dayjs(date);
  let left = count;
  while (left > 0) {
    day = day.add(1, 'day');
    if (isWorkingDay(day.format('YYYY-MM-DD'))) left -= 1;
  }
  return day.format('YYYY-MM-DD');
}

/** How many working days lie strictly between `from` and `to` (neither end counted); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = dayjs(from).add(1, 'day'); day.isBefore(dayjs(to), 'day'); day = day.add(1, 'day')) {
    if (isWorkingDay(day.format('YYYY-MM-DD'))) count += 1;
  }
  return count;
}

/** The public holidays (by name, each once, in order) on the days strictly between `from` and `to`: 「春节」 for a notice across it. */
export function holidaysBetween(from: string, to: string): string[] {
  const names: string[] = [];
  for (let day = dayjs(from).add(1, 'day'); day.isBefore(dayjs(to), 'day'); day = day.add(1, 'day')) {
    const name = holidayName(day.format('YYYY-MM-DD'));
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}
