import { defineErrors } from '../../shared/domain-error';

/** Part C's codes, prefix CALENDAR_ / NOTICE_. */
export const calendarErrors = defineErrors({});
