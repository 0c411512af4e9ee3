import * as z from 'zod';
import type { SmsMessage, SmsSender } from './sms-sender';
import { signTc3 } from './tc3-signature';

/** What the deployment gives for 腾讯云短信: the API key, the SMS application, its approved signature and template. */
export interface TencentSmsSettings {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  region: string;
  /** What the template's {1}, {2} stand for: the code alone, or the code and its minutes. */
  templateParams: 'code' | 'code,minutes';
}

/** How the request travels; only tests point it elsewhere than Tencent's endpoint. */
export interface TencentSmsTransport {
  endpoint?: string;
  timeoutMs?: number;
  now?: () => Date;
}

const ENDPOINT = 'https://sms.tencentcloudapi.com/';
const VERSION = '2021-01-11';

// SendSms answers HTTP 200 either way: a failed call carries Response.Error, a sent one a status per phone.
const SendSmsAnswer = z.object({
  Response: z.object({
    Error: z.object({ Code: z.string(), Message: z.string().optional() }).optional(),
    SendStatusSet: z.array(z.object({ Code: z.string(), Message: z.string().optional() })).optional(),
    RequestId: z.string().optional(),
  }),
});

/** Why a message was not sent, in the provider's words: for the server's log, never for the person. */
export class SmsNotSentError extends Error {
  override name = 'SmsNotSentError';
}

/** 腾讯云短信 SendSms (API 2021-01-11), signed with TC3-HMAC-SHA256, over HTTPS with Node's fetch. */
export function tencentSmsSender(settings: TencentSmsSettings, transport: TencentSmsTransport = {}): SmsSender {
  const endpoint = transport.endpoint ?? ENDPOINT;
  const timeoutMs = transport.timeoutMs ?? 5_000;
  const now = transport.now ?? (() => new Date());
  return {
    kind: 'tencent',
    async send(phone: string, message: SmsMessage) {
      const payload = JSON.stringify({
        PhoneNumberSet: [`+86${phone}`],
        SmsSdkAppId: settings.sdkAppId,
        SignName: settings.signName,
        TemplateId: settings.templateId,
        TemplateParamSet: settings.templateParams === 'code' ? [message.code] : [message.code, String(message.lifetimeMinutes)],
      });
      const timestamp = Math.floor(now().getTime() / 1000);
      const signed = { 'Content-Type': 'application/json; charset=utf-8', Host: new URL(endpoint).host, 'X-TC-Action': 'SendSms' };
      const { authorization } = signTc3({ secretId: settings.secretId, secretKey: settings.secretKey, service: 'sms', timestamp, signedHeaders: signed, payload });
      const headers = { ...signed, Authorization: authorization, 'X-TC-Timestamp': String(timestamp), 'X-TC-Version': VERSION, 'X-TC-Region': settings.region };
      delete (headers as Partial<typeof headers>).Host;

      let response: Response;
      try {
        response = await fetch(endpoint, { method: 'POST', headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        // Duck-typed: an abort from another realm (a test runner's) is no `instanceof Error` here.
        const { name, message } = (error ?? {}) as { name?: string; message?: string };
        throw new SmsNotSentError(name === 'TimeoutError' ? `腾讯云短信 ${timeoutMs} ms 内没有答复` : `腾讯云短信连接失败：${message ?? String(error)}`);
      }
      const text = await response.text().catch(() => '');
      let answer: z.infer<typeof SendSmsAnswer>;
      try {
        answer = SendSmsAnswer.parse(JSON.parse(text));
      } catch {
        throw new SmsNotSentError(`腾讯云短信答复无法识别（HTTP ${response.status}）：${text.slice(0, 200)}`);
      }
      const { Error: failure, SendStatusSet, RequestId } = answer.Response;
      if (failure) throw new SmsNotSentError(`腾讯云短信拒绝了请求：${failure.Code} ${failure.Message ?? ''}（RequestId ${RequestId ?? '无'}）`);
      const status = SendStatusSet?.[0];
      if (!status) throw new SmsNotSentError(`腾讯云短信答复中没有发送状态（RequestId ${RequestId ?? '无'}）`);
      if (status.Code !== 'Ok') throw new SmsNotSentError(`腾讯云短信未发出：${status.Code} ${status.Message ?? ''}（RequestId ${RequestId ?? '无'}）`);
    },
  };
}
