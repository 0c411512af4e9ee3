import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Business dates, quarters and years are always reckoned in China Standard Time. */
export const BUSINESS_ZONE = 'Asia/Shanghai';

/**
 * China Standard Time has been UTC+8 all year since 1991 (no summer time), so a fixed offset gives the zone
 * database's answer for every date the product keeps (2000–2100), without the Intl lookup that dayjs's timezone
 * plugin makes on every call (~80 µs: 5,000 dates in a register export cost whole seconds).
 */
const BUSINESS_UTC_OFFSET_MINUTES = 8 * 60;

export const inBusinessZone = (instant: Date) => dayjs(instant).utcOffset(BUSINESS_UTC_OFFSET_MINUTES);

export const businessDate = (instant: Date): string => inBusinessZone(instant).format('YYYY-MM-DD');

export const businessYear = (instant: Date): number => inBusinessZone(instant).year();

export const formatBusinessTime = (instant: Date): string => inBusinessZone(instant).format('YYYY-MM-DD HH:mm');
