import { businessDate, formatBusinessTime } from '../../shared/business-time';

/** Cuts a text to `max` characters with an ellipsis (a title must fit the inbox's 40, a body its 500). */
export const shorten = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

export const timeText = (instant: Date) => formatBusinessTime(instant);
export const dateText = (instant: Date) => businessDate(instant);

/** 2小时30分钟, 45分钟, 0分钟: how a member reads credited time. */
export function minutesText(minutes: number) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}分钟`;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
}

// The pages a notification opens (src/services/navigation.ts ROUTES; the back end cannot import the front end's module).
export const memberOrderPage = (orderId: string) => `/pages/member/order-detail/index?id=${encodeURIComponent(orderId)}`;
export const needPage = (demandId: string) => `/pages/resident/need-detail/index?id=${encodeURIComponent(demandId)}`;
export const memberRecordPage = (recordId: string) => `/pages/member/record-detail/index?id=${encodeURIComponent(recordId)}`;
export const memberDisputePage = (orderId: string) => `/pages/member/dispute/index?orderId=${encodeURIComponent(orderId)}`;
export const REGISTRATION_STATUS_PAGE = '/pages/join/status/index';
export const MEMBER_SHOP_PAGE = '/pages/incentives/shop/index';
export const SECRETARY_NEEDS_PAGE = '/pages/secretary/needs/index';
