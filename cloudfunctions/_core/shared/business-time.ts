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

export const formatBusinessTime = (instant: Date): string => inBusinessZone(instant).format('YYYY-MM-DD HH:mm');
