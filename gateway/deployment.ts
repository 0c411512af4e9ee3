import { z } from 'zod';
import { smsConfigProblem, TENCENT_SMS_VARIABLES } from '../cloudfunctions/_core/auth/sms-sender';

/**
 * A PostgreSQL server or NODE_ENV=production is a deployment, configured on purpose: its secrets come from
 * the environment (every instance on the database must share them) and it holds no demo data unless asked.
 * Only the embedded laptop default improvises both.
 */
export const isServerDeployment = (env: NodeJS.ProcessEnv): boolean => Boolean(env.DATABASE_URL) || env.NODE_ENV === 'production';

const REQUIRED_SECRETS = ['SESSION_SECRET', 'CHECKIN_KEY', 'CERTIFICATE_KEY'] as const;

/** Why a deployment cannot start with these secrets, or null when it can. */
export function missingSecretsProblem(env: NodeJS.ProcessEnv): string | null {
  const missing = REQUIRED_SECRETS.filter((name) => !env[name]);
  if (missing.length === 0) return null;
  return (
    `生产部署（设置了 DATABASE_URL 或 NODE_ENV=production）须在环境变量中设置 ${missing.join('、')}：` +
    '各为至少32个字符的随机值，可用 openssl rand -hex 32 生成；同一数据库的所有实例须使用相同的值，更换 CHECKIN_KEY 会使已发放的签到码失效，更换 CERTIFICATE_KEY 会使已出具证明的核验码失效'
  );
}

/**
 * Why a deployment cannot text phone codes, or null when it can. Production needs 腾讯云短信 with every
 * credential; a server database without NODE_ENV=production (a staging machine) must still say which
 * sender it means, and may choose the console on purpose, as SEED_DEMO=true chooses demo data.
 */
export function smsDeploymentProblem(env: NodeJS.ProcessEnv): string | null {
  const problem = smsConfigProblem(env);
  if (problem) return problem;
  if (env.NODE_ENV !== 'production' && env.DATABASE_URL && !env.SMS_PROVIDER) {
    return (
      `配置错误：连接 PostgreSQL 服务器（DATABASE_URL）时须设置 SMS_PROVIDER：正式使用设 SMS_PROVIDER=tencent 及 ${TENCENT_SMS_VARIABLES.join('、')}；` +
      '仅供测试的机器可明确设 SMS_PROVIDER=console（验证码打印在控制台并显示在页面上，任何人都能注册或重设密码）'
    );
  }
  return null;
}

/** SEED_DEMO unset means: demo data on the embedded default only. */
export const shouldSeedDemo = (seedDemo: 'true' | 'false' | undefined, serverDeployment: boolean): boolean =>
  seedDemo === undefined ? !serverDeployment : seedDemo === 'true';

const origin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^/\s?#]+$/, 'CORS_ORIGINS 中的每一项须为 https://主机[:端口] 形式的来源，不带路径');

/** `CORS_ORIGINS`: comma-separated origins other than the app's own that may call the API; none by default. */
export const CorsOrigins = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(origin));
