import { businessDate } from '../shared/business-time';

/**
 * 「请于8月31日之前报到」 (004 附件1): a slip's holder is late only once its 报到截止日期 has passed;
 * on that day itself they are still in time.
 */
export const slipOverdue = (reportBy: string, now: Date): boolean => reportBy < businessDate(now);
