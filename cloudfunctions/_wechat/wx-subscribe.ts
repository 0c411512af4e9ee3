import type { SubscribeSender } from '../_core/notify/wechat/sender';
import { WechatSendError } from '../_core/notify/wechat/sender';
import { wechatSdk } from './wx-identity';

/**
 * Subscribe messages through `cloud.openapi.subscribeMessage.send` (the function's config.json grants the permission).
 * Undefined outside WeChat cloud: there the inbox is the only channel.
 */
export function wxSubscribeSender(miniprogramState: 'formal' | 'trial' | 'developer'): SubscribeSender | undefined {
  const sdk = wechatSdk();
  if (!sdk) return undefined;
  return async (message) => {
    let answer: { errCode?: number; errMsg?: string };
    try {
      answer = await sdk.openapi.subscribeMessage.send({ ...message, miniprogramState, lang: 'zh_CN' });
    } catch (error) {
      // The SDK rejects with WeChat's errCode when WeChat answered; without one, nobody knows whether it was sent.
      const code = (error as { errCode?: unknown } | null)?.errCode;
      if (typeof code === 'number') throw new WechatSendError(code, String((error as { errMsg?: unknown }).errMsg ?? ''));
      throw error;
    }
    if ((answer.errCode ?? 0) !== 0) throw new WechatSendError(answer.errCode!, answer.errMsg ?? '');
  };
}
