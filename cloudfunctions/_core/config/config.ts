import * as z from 'zod';
import { SubscribeTemplatesSchema } from '../notify/wechat/templates';

const secret = (name: string) =>
  z.string({ error: `缺少环境变量 ${name}（至少32个字符的随机值，可用 openssl rand -hex 32 生成）` }).min(32, `${name} 至少需要32个字符`);

const ConfigSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 须为 postgres:// 开头的连接串').optional(),
  /** Connections one process may hold to the server; unset, a cloud-function instance takes 2 and the gateway 10. */
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'DATABASE_POOL_SIZE 须为1到100的整数（每个进程最多占用的数据库连接数）' })
    .int('DATABASE_POOL_SIZE 须为1到100的整数（每个进程最多占用的数据库连接数）')
    .min(1, 'DATABASE_POOL_SIZE 须为1到100的整数（每个进程最多占用的数据库连接数）')
    .max(100, 'DATABASE_POOL_SIZE 须为1到100的整数（每个进程最多占用的数据库连接数）')
    .optional(),
  /** `transaction`: DATABASE_URL is PgBouncer in transaction mode, which shares server connections between transactions. */
  DATABASE_POOLER: z.enum(['none', 'transaction'], { error: 'DATABASE_POOLER 须为 none（直连或会话模式）或 transaction（PgBouncer 事务模式）' }).default('none'),
  /** A read replica of DATABASE_URL for the reports' read-only actions; unset, they read the primary. */
  DATABASE_READ_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_READ_URL 须为 postgres:// 开头的连接串').optional(),
  DATA_DIR: z.string().default('.data'),
  SESSION_SECRET: secret('SESSION_SECRET'),
  /** Encrypts members' check-in secrets at rest (AES-256-GCM key material). */
  CHECKIN_KEY: secret('CHECKIN_KEY'),
  /** Signs the short verification code printed on each 志愿服务证明 (HMAC-SHA256 of its number). */
  CERTIFICATE_KEY: secret('CERTIFICATE_KEY'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  /**
   * Where the H5 app is served (the gateway's public address, e.g. https://yigong.example.cn/): links and QR codes
   * printed on papers (报到单, 证明) point there. Unset, a paper carries the mini-program page path instead.
   */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'PUBLIC_URL 须为 http:// 或 https:// 开头的网址（H5 应用的公开地址，不带 ? 和 #）')
    .optional(),
  /** WeChat subscribe-message templates (JSON, notify/wechat/templates.ts); unset, notifications reach the inbox only. */
  SUBSCRIBE_TEMPLATES: SubscribeTemplatesSchema.optional(),
  /** Which version of the mini-program a subscribe message opens. */
  SUBSCRIBE_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer'], { error: 'SUBSCRIBE_MINIPROGRAM_STATE 须为 formal、trial 或 developer' }).default('formal'),
  /** scrypt cost; lowered only by tests. */
  PASSWORD_COST: z.coerce.number().int().min(1024).default(16384),
});

export type AppConfig = z.infer<typeof ConfigSchema>;

let cached: AppConfig | undefined;

/** Reads and checks the environment once; a missing or bad value stops start-up with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (cached && env === process.env) return cached;
  // An empty variable (`DATABASE_URL=`) means unset, as in a shell.
  const parsed = ConfigSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    throw new Error(`配置错误：${parsed.error.issues.map((issue) => issue.message).join('；')}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}

