import { hashPassword, verifyPassword } from '../cloudfunctions/_core/auth';
import { loadConfig } from '../cloudfunctions/_core/config/config';
import type { Database } from '../cloudfunctions/_core/db/database';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';
import { cloudFunctions, type CloudFunction } from '../gateway/cloud-functions';
import type { BenchCommunity } from './bench-fixtures';
import { measure, median } from './measure';

const LOGINS = Number(process.env.BENCH_LOGINS ?? 200);
const CONCURRENT_LOGINS = 20;
const PASSWORD = 'bench-password';

const auth = cloudFunctions.auth as CloudFunction;

const must = async (answer: Promise<Envelope<unknown>>) => {
  const envelope = await answer;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
};

/** The reader's p95 (ms) while `burst` runs: one caller after another asking auth.me, as a user opening a page. */
async function readerP95During(token: string, burst: () => Promise<unknown>) {
  const latencies: number[] = [];
  let running = true;
  const reader = (async () => {
    while (running) {
      const started = performance.now();
      await must(auth({ action: 'me', data: {}, token }));
      latencies.push(performance.now() - started);
      // In-process PGlite answers through microtasks alone: yield, or timers and the burst never run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await burst();
  running = false;
  await reader;
  const sorted = latencies.sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
}

/**
 * 20 concurrent logins at the configured scrypt cost beside a reader calling auth.me: the reader's p95 with the
 * hash computed inside a transaction (as login did before the prepare phase, reproduced here) and with auth.login now.
 */
export async function benchLoginBurst(db: Database, community: BenchCommunity, rounds: number) {
  const cost = loadConfig().PASSWORD_COST;
  const phones = (await db.query<{ phone: string }>(
    'select u.phone from users u join members m on m.user_id = u.id where m.community_id = $1 order by u.phone limit $2',
    [community.communityId, LOGINS],
  )).map((row) => row.phone);
  const hash = await hashPassword(PASSWORD, cost);
  await db.query('update users set password_hash = $2 where phone = any($1::text[])', [phones, hash]);
  const phoneAt = (i: number) => phones[i % phones.length];

  const hashInsideTransaction = (i: number) =>
    db.transaction(async (tx) => {
      const [user] = await tx.query<{ password_hash: string }>('select password_hash from users where phone = $1', [phoneAt(i)]);
      if (!(await verifyPassword(PASSWORD, user.password_hash))) throw new Error('bench password refused');
    });
  const logInNow = (i: number) => must(auth({ action: 'login', data: { phone: phoneAt(i), password: PASSWORD } }));

  const alone: number[] = [];
  const before: number[] = [];
  const now: number[] = [];
  for (let round = 0; round < rounds; round++) {
    alone.push(await readerP95During(community.secretaryToken, () => new Promise((resolve) => setTimeout(resolve, 1000))));
    before.push(await readerP95During(community.secretaryToken, () => measure(LOGINS, CONCURRENT_LOGINS, hashInsideTransaction)));
    now.push(await readerP95During(community.secretaryToken, () => measure(LOGINS, CONCURRENT_LOGINS, logInNow)));
  }
  return { cost, alone: median(alone), before: median(before), now: median(now) };
}

export function reportLoginBurst(result: Awaited<ReturnType<typeof benchLoginBurst>>) {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `login x${CONCURRENT_LOGINS}（${LOGINS} 次登录，scrypt N=${result.cost}）旁的 auth.me 读者 p95：无登录时 ${ms(result.alone)}；` +
      `事务内算密码哈希（旧做法）${ms(result.before)}；prepare 阶段算哈希（现在）${ms(result.now)}` +
      `（目标：现在 < 旧做法的 1/4：${result.now < result.before / 4 ? '达标' : '未达标'}）`,
  );
}
