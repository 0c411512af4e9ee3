import { defineErrors } from '../../shared/domain-error';

/** Part C's codes, prefix CALENDAR_ / NOTICE_ (and ORDER_SHORT_NOTICE, the refusal orders.create gives). */
export const calendarErrors = defineErrors({
  /** The message sent names the days and the earliest date (notice-check.ts); this is the catalogue's plain form. */
  ORDER_SHORT_NOTICE: '按规定活动须提前发布（预约预告）；确需临时安排请勾选“临时通知”',
  CALENDAR_NO_COMMUNITY: '活动日历需要党员义工、居民或社区书记身份',
});
