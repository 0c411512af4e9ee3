import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Business dates, quarters and years are always reckoned in China Standard Time. */
export const BUSINESS_ZONE = 'Asia/Shanghai';

export const inBusinessZone = (instant: Date) => dayjs(instant).tz(BUSINESS_ZONE);

export const businessDate = (instant: Date): string => inBusinessZone(instant).format('YYYY-MM-DD');

export const businessYear = (instant: Date): number => inBusinessZone(instant).year();

export const businessQuarter = (instant: Date): number => Math.floor(inBusinessZone(instant).month() / 3) + 1;

/** The instant a business year starts, e.g. 2026-01-01T00:00:00+08:00. */
export const startOfBusinessYear = (year: number): Date =>
  dayjs.tz(`${year}-01-01 00:00:00`, BUSINESS_ZONE).toDate();

export const formatBusinessTime = (instant: Date): string => inBusinessZone(instant).format('YYYY-MM-DD HH:mm');

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
