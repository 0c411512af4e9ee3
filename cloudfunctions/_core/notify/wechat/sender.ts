/** One subscribe message as `openapi.subscribeMessage.send` takes it (without the mini-program state and language). */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** A page of this mini-program without the leading slash (`pages/member/order-detail/index?id=…`). */
  page?: string;
  data: Record<string, { value: string }>;
}

/**
 * Sends one subscribe message or throws. WeChat's own refusals come as a `WechatSendError` with its errCode; any other
 * error (a timeout, a dropped connection) leaves it unknown whether the message went out.
 * `_core` never loads the SDK: WeChat cloud's implementation is in cloudfunctions/_wechat/wx-subscribe.ts.
 */
export type SubscribeSender = (message: SubscribeMessage) => Promise<void>;

export class WechatSendError extends Error {
  constructor(readonly errCode: number, message: string) {
    super(`WeChat ${errCode}: ${message}`);
  }
}

/** The user refused or withdrew the subscription (or never had one): the credit we counted is gone. */
export const WECHAT_REFUSED = 43101;
/** Busy, too frequent: WeChat did not send, a later attempt may. */
export const WECHAT_TRANSIENT = new Set([-1, 45009, 45011]);
