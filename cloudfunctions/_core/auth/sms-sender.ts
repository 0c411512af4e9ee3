import * as z from 'zod';
import { tencentSmsSender } from './tencent-sms-sender';

/** One phone code's text message: the code and its lifetime for a provider's template, the whole text for the console. */
export interface SmsMessage {
  code: string;
  lifetimeMinutes: number;
  text: string;
}

/** Sends one text message; the deployment chooses which by SMS_PROVIDER. */
export interface SmsSender {
  /** `console` prints the text where the developer reads it, and the code may then be shown on the page. */
  readonly kind: 'console' | 'tencent';
  send(phone: string, message: SmsMessage): Promise<void>;
}

export const TENCENT_SMS_VARIABLES = ['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATE_ID'] as const;

const SmsEnv = z.object({
  SMS_PROVIDER: z.enum(['console', 'tencent'], { error: 'SMS_PROVIDER 须为 tencent（生产）或 console（本地开发）' }).optional(),
  NODE_ENV: z.string().optional(),
  TCB_ENV: z.string().optional(),
  SCF_NAMESPACE: z.string().optional(),
  TENCENT_SMS_REGION: z.string().regex(/^[a-z]+-[a-z]+(-[a-z0-9]+)*$/, 'TENCENT_SMS_REGION 须为腾讯云地域，例如 ap-guangzhou').default('ap-guangzhou'),
  TENCENT_SMS_TEMPLATE_PARAMS: z.enum(['code', 'code,minutes'], { error: 'TENCENT_SMS_TEMPLATE_PARAMS 须为 code 或 code,minutes' }).default('code,minutes'),
  ...Object.fromEntries(TENCENT_SMS_VARIABLES.map((name) => [name, z.string().optional()])),
});

/** For the local gateway and tests: the message goes to the console. */
export const consoleSmsSender = (write: (line: string) => void = (line) => console.info(line)): SmsSender => ({
  kind: 'console',
  async send(phone, message) {
    write(`[短信·开发环境] 发往 ${phone}：${message.text}`);
  },
});

/** Why this environment cannot send phone codes as configured, or null when it can. */
export function smsConfigProblem(env: NodeJS.ProcessEnv): string | null {
  try {
    buildSender(env);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function buildSender(env: NodeJS.ProcessEnv): SmsSender {
  const parsed = SmsEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) throw new Error(`配置错误：${parsed.error.issues.map((issue) => issue.message).join('；')}`);
  const values = parsed.data as Record<string, string | undefined> & z.output<typeof SmsEnv>;
  const production = values.NODE_ENV === 'production' || Boolean(values.TCB_ENV || values.SCF_NAMESPACE);
  if (values.SMS_PROVIDER === 'tencent') {
    const missing = TENCENT_SMS_VARIABLES.filter((name) => !values[name]);
    if (missing.length > 0) throw new Error(`配置错误：SMS_PROVIDER=tencent 时须设置 ${missing.join('、')}`);
    return tencentSmsSender({
      secretId: values.TENCENT_SMS_SECRET_ID!, secretKey: values.TENCENT_SMS_SECRET_KEY!, sdkAppId: values.TENCENT_SMS_SDK_APP_ID!,
      signName: values.TENCENT_SMS_SIGN_NAME!, templateId: values.TENCENT_SMS_TEMPLATE_ID!,
      region: values.TENCENT_SMS_REGION, templateParams: values.TENCENT_SMS_TEMPLATE_PARAMS,
    });
  }
  if (production) {
    throw new Error(`配置错误：生产环境须设置 SMS_PROVIDER=tencent 及 ${TENCENT_SMS_VARIABLES.join('、')}（验证码不能只打印在控制台）`);
  }
  return consoleSmsSender();
}

let chosen: { env: NodeJS.ProcessEnv; sender: SmsSender } | undefined;

/**
 * The sender this deployment configured. Production (NODE_ENV=production or WeChat cloud) must name a real
 * provider with all its credentials; elsewhere, with none named, codes go to the console.
 */
export function smsSenderFor(env: NodeJS.ProcessEnv = process.env): SmsSender {
  if (chosen && chosen.env === env) return chosen.sender;
  const sender = buildSender(env);
  chosen = { env, sender };
  return sender;
}
