import type { WechatPhone } from '../_core/runtime/action';
import { wechatSdk } from './wx-identity';

/**
 * The phone number WeChat vouches for: the mini-program's `getPhoneNumber` button gives a one-time code that
 * only the cloud function can exchange (openapi.phonenumber.getPhoneNumber). Undefined outside WeChat cloud.
 */
export async function wxPhoneNumber(code: string): Promise<WechatPhone | undefined> {
  const sdk = wechatSdk();
  if (!sdk) return undefined;
  try {
    const answer = await sdk.openapi.phonenumber.getPhoneNumber({ code });
    const info = answer.phoneInfo;
    if ((answer.errCode ?? 0) !== 0 || !info?.purePhoneNumber) return undefined;
    // The HTTP API answers the country code as a number, the cloud SDK's examples as a string.
    return { phone: info.purePhoneNumber, countryCode: String(info.countryCode ?? '') };
  } catch (error) {
    console.error('[wechat] getPhoneNumber failed', error);
    return undefined;
  }
}
