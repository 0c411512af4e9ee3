import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../cloudfunctions/_core/config/config';
import { useDatabase, openMigratedDatabase } from '../cloudfunctions/_core/db/database-context';
import { databaseTarget } from '../cloudfunctions/_core/runtime';
import { ROLE_LABELS } from '../cloudfunctions/_core/runtime/access';
import { cloudFunctions } from './cloud-functions';
import { hasData, seedDemoDataIfEmpty, type DemoAccount } from './demo-seed';
import { createGatewayServer, listen } from './http-server';
import { localFilesDir } from '../cloudfunctions/_core/files';
import { startJobWorker } from './job-worker';
import { ensureLocalSecrets } from './local-secrets';
import { CorsOrigins, isServerDeployment, missingSecretsProblem, shouldSeedDemo, smsDeploymentProblem } from './deployment';

const GatewayEnv = z.object({
  PORT: z.coerce.number({ error: 'PORT 须为端口号' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  SEED_DEMO: z.enum(['true', 'false'], { error: 'SEED_DEMO 须为 true 或 false' }).optional(),
  H5_DIR: z.string().default('dist-h5'),
  TRUST_PROXY: z.enum(['true', 'false'], { error: 'TRUST_PROXY 须为 true 或 false' }).default('false'),
  CORS_ORIGINS: CorsOrigins,
  /** How often the gateway drains the job queue (reminders, WeChat deliveries); 0: never (another process does). */
  JOB_INTERVAL_SECONDS: z.coerce.number({ error: 'JOB_INTERVAL_SECONDS 须为0到3600的整数秒（0为不在网关内处理消息任务）' }).int('JOB_INTERVAL_SECONDS 须为0到3600的整数秒（0为不在网关内处理消息任务）').min(0, 'JOB_INTERVAL_SECONDS 须为0到3600的整数秒（0为不在网关内处理消息任务）').max(3600, 'JOB_INTERVAL_SECONDS 须为0到3600的整数秒（0为不在网关内处理消息任务）').default(30),
});

/** One gateway serves many calls at once; DATABASE_POOL_SIZE overrides this, e.g. to share a server's connections among several gateways. */
const GATEWAY_POOL_SIZE = 10;

function readGatewayEnv() {
  // An empty variable means unset, as in a shell and in loadConfig.
  const parsed = GatewayEnv.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')));
  if (!parsed.success) throw new Error(`配置错误：${parsed.error.issues.map((issue) => issue.message).join('；')}`);
  return parsed.data;
}

/** Runs the whole product on one machine: migrations, demo data on first run, every function over HTTP, the H5 app. */
async function start() {
  const env = readGatewayEnv();
  const dataDir = path.resolve(env.DATA_DIR);
  process.env.DATA_DIR = dataDir;
  const serverDeployment = isServerDeployment(process.env);
  const problems = [serverDeployment ? missingSecretsProblem(process.env) : null, smsDeploymentProblem(process.env)].filter(Boolean);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  if (!serverDeployment) ensureLocalSecrets(dataDir);
  const config = loadConfig();
  const target = databaseTarget(config, GATEWAY_POOL_SIZE);
  const db = await openMigratedDatabase(target);
  useDatabase(db);

  const accountsFile = path.join(dataDir, 'demo-accounts.json');
  if (shouldSeedDemo(env.SEED_DEMO, serverDeployment) && !(await hasData(db))) {
    console.log('首次启动：正在写入演示数据……');
    const accounts = await seedDemoDataIfEmpty(db, { now: new Date(), passwordCost: config.PASSWORD_COST });
    if (accounts) fs.writeFileSync(accountsFile, JSON.stringify(accounts, null, 2));
    else console.log('演示数据已由同时启动的另一个网关写入。');
  }
  const accounts: DemoAccount[] = fs.existsSync(accountsFile) ? JSON.parse(fs.readFileSync(accountsFile, 'utf8')) : [];

  const server = createGatewayServer({ functions: cloudFunctions, staticDir: path.resolve(env.H5_DIR), filesDir: localFilesDir(dataDir), trustProxy: env.TRUST_PROXY === 'true', allowedOrigins: env.CORS_ORIGINS });
  const address = await listen(server, env.PORT, env.HOST);
  printBanner(`http://${address.address}:${address.port}/`, target.kind === 'postgres' ? 'PostgreSQL 服务器（DATABASE_URL）' : `PGlite 嵌入式数据库，数据目录 ${dataDir}`, accounts);

  const jobs = env.JOB_INTERVAL_SECONDS > 0 ? startJobWorker(db, config, env.JOB_INTERVAL_SECONDS) : undefined;

  const stop = async () => {
    server.close();
    await jobs?.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function printBanner(url: string, database: string, accounts: DemoAccount[]) {
  const lines = [
    '',
    `党员义工 · 三单制 已启动：${url}`,
    `数据库：${database}`,
    `云函数：POST ${url}api/<auth|demands|orders|checkin|records>，请求体 { "action": …, "data": … }`,
  ];
  if (accounts.length > 0) {
    lines.push('演示账号（手机号 / 密码）：');
    for (const account of accounts) {
      lines.push(`  【${ROLE_LABELS[account.role]}】${account.name}  ${account.phone} / ${account.password}`, `      ${account.note}`);
    }
  }
  console.log(lines.join('\n'));
}

start().catch((error) => {
  console.error(`启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
