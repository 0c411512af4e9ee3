/**
 * The caller's openid inside WeChat cloud. The SDK is only loaded there (or when a test plays a
 * WeChat caller with WX_CONTEXT_KEYS): its network calls crash Node outside CloudBase.
 */
interface WxServerSdk {
  init(options: object): void;
  getWXContext(): { OPENID?: string };
  DYNAMIC_CURRENT_ENV: unknown;
  openapi: {
    subscribeMessage: {
      send(request: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }>; miniprogramState: string; lang: string }): Promise<{ errCode?: number; errMsg?: string }>;
    };
    phonenumber: {
      getPhoneNumber(request: { code: string }): Promise<{ errCode?: number; phoneInfo?: { purePhoneNumber?: string; countryCode?: string | number } }>;
    };
  };
}

let sdk: WxServerSdk | undefined;

/** The initialised SDK inside WeChat cloud; undefined anywhere else. */
export function wechatSdk(): WxServerSdk | undefined {
  const inWechatCloud = Boolean(process.env.TCB_ENV || process.env.SCF_NAMESPACE || process.env.WX_CONTEXT_KEYS);
  if (!inWechatCloud) return undefined;
  if (!sdk) {
    const loaded = require('wx-server-sdk') as WxServerSdk;
    loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV });
    sdk = loaded;
  }
  return sdk;
}

export function wxOpenId(): string | undefined {
  return wechatSdk()?.getWXContext().OPENID || undefined;
}
