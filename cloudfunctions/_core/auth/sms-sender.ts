import { z } from 'zod';

/** Sends one text message; the deployment chooses which by SMS_PROVIDER. */
export interface SmsSender {
  /** `console` prints the text where the developer reads it, and the code may then be shown on the page. */
  readonly kind: 'console' | 'tencent';
  send(phone: string, text: string): Promise<void>;
}

const TENCENT_VARIABLES = ['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATE_ID'] as const;

const SmsEnv = z.object({
  SMS_PROVIDER: z.enum(['console', 'tencent'], { error: 'SMS_PROVIDER 须为 tencent（生产）或 console（本地开发）' }).optional(),
  NODE_ENV: z.string().optional(),
  TCB_ENV: z.string().optional(),
  SCF_NAMESPACE: z.string().optional(),
  ...Object.fromEntries(TENCENT_VARIABLES.map((name) => [name, z.string().optional()])),
});

/** For the local gateway and tests: the message goes to the console. */
export const consoleSmsSender = (write: (line: string) => void = (line) => console.info(line)): SmsSender => ({
  kind: 'console',
  async send(phone, text) {
    write(`[短信·开发环境] 发往 ${phone}：${text}`);
  },
});

/**
 * 腾讯云短信 (the SMS service WeChat's cloud sits beside). Its credentials are checked when it is chosen; the
 * request itself (TC3-HMAC-SHA256 signed `SendSms` with the template's one parameter) is the deployment's to wire.
 */
export function tencentSmsSender(credentials: Record<(typeof TENCENT_VARIABLES)[number], string>): SmsSender {
  void credentials;
  return {
    kind: 'tencent',
    async send() {
      throw new Error('Tencent SMS SendSms is not wired in this build');
    },
  };
}

let chosen: { env: NodeJS.ProcessEnv; sender: SmsSender } | undefined;

/**
 * The sender this deployment configured. Production (NODE_ENV=production or WeChat cloud) must name a real
 * provider with all its credentials; elsewhere, with none named, codes go to the console.
 */
export function smsSenderFor(env: NodeJS.ProcessEnv = process.env): SmsSender {
  if (chosen && chosen.env === env) return chosen.sender;
  const parsed = SmsEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) throw new Error(`配置错误：${parsed.error.issues.map((issue) => issue.message).join('；')}`);
  const values = parsed.data as Record<string, string | undefined>;
  const production = values.NODE_ENV === 'production' || Boolean(values.TCB_ENV || values.SCF_NAMESPACE);
  let sender: SmsSender;
  if (values.SMS_PROVIDER === 'tencent') {
    const missing = TENCENT_VARIABLES.filter((name) => !values[name]);
    if (missing.length > 0) throw new Error(`配置错误：SMS_PROVIDER=tencent 时须设置 ${missing.join('、')}`);
    sender = tencentSmsSender(Object.fromEntries(TENCENT_VARIABLES.map((name) => [name, values[name]!])) as Record<(typeof TENCENT_VARIABLES)[number], string>);
  } else if (production) {
    throw new Error(`配置错误：生产环境须设置 SMS_PROVIDER=tencent 及 ${TENCENT_VARIABLES.join('、')}（验证码不能只打印在控制台）`);
  } else {
    sender = consoleSmsSender();
  }
  chosen = { env, sender };
  return sender;
}
