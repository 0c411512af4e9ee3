import type { Database } from '../cloudfunctions/_core/db/database';
import { openMigratedDatabase, useDatabase } from '../cloudfunctions/_core/db/database-context';
import { businessDate, businessYear } from '../cloudfunctions/_core/shared/business-time';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';
import { cloudFunctions, type CloudFunction } from '../gateway/cloud-functions';
import { onServerDatabase } from './bench-databases';
import { OPEN_HALL_OR, RECOMMEND_PER_CANDIDATE } from './flat-reads-before';
import { districtSessions, generateDistrict, type DistrictCallers } from './large-district';
import { median, timed } from './measure';
import { generatedId } from './scale';

/**
 * `BENCH_ONLY=flat-reads npm run bench` (issue 12, item 1): orders.recommend (5,000 candidates and a typical
 * community) and orders.listOpen through their cloud function entries, beside the statement each sent before
 * (bench/flat-reads-before.ts, the statement alone, without the JavaScript that followed it), on the same
 * generated district in the same run, on the PostgreSQL server. The district is BENCH_FLAT_URL (a database
 * `npm run bench:district` filled) or dyg_scale_<BENCH_FLAT_RECORDS> on DATABASE_URL's server, generated
 * when it is missing and kept for the scale section with BENCH_SCALE_REUSE=1.
 */
const RECORDS = Number(process.env.BENCH_FLAT_RECORDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_FLAT_RUNS ?? 7);
const BEFORE_RUNS = Number(process.env.BENCH_FLAT_BEFORE_RUNS ?? 3);
const RECOMMEND_BIG_TARGET_MS = 100;

interface Case {
  name: string;
  product: (callers: DistrictCallers) => { fn: string; action: string; data: unknown; token: string };
  before: (now: Date) => { sql: string; params: unknown[] };
  /** The product's target in ms, where the issue sets one; else it should at least beat the statement it replaced. */
  targetMs?: number;
}

const draft = (now: Date) => {
  const day = new Date(`${businessDate(new Date(now.getTime() + 3 * 86_400_000))}T09:00:00+08:00`);
  return { startsAt: day.toISOString(), endsAt: new Date(day.getTime() + 2 * 3_600_000).toISOString() };
};

const recommend = (name: string, community: number, who: 'bigSecretary' | 'typicalSecretary', targetMs?: number): Case => ({
  name,
  targetMs,
  product: (callers) => ({ fn: 'orders', action: 'recommend', token: callers[who], data: { ...draft(new Date()), requiredPosts: ['困难群众帮扶岗'], requiredSkills: [], limit: 20 } }),
  before: (now) => {
    const { startsAt, endsAt } = draft(now);
    return { sql: RECOMMEND_PER_CANDIDATE, params: [generatedId(`community-${community}`), `${businessYear(now)}-01-01`, now, startsAt, endsAt, null] };
  },
});

const CASES: Case[] = [
  recommend('orders.recommend 大社区（5,000 名候选人）', 0, 'bigSecretary', RECOMMEND_BIG_TARGET_MS),
  recommend('orders.recommend 典型社区（227 名候选人）', 1, 'typicalSecretary'),
  {
    name: 'orders.listOpen 大社区党员（首页 20 条）',
    product: (callers) => ({ fn: 'orders', action: 'listOpen', data: { page: { limit: 20, offset: 0 } }, token: callers.bigMember }),
    before: (now) => ({ sql: OPEN_HALL_OR, params: [generatedId('member-0'), generatedId('community-0'), now, null, null, 20, 0, []] }),
  },
];

async function measureCase(db: Database, callers: DistrictCallers, item: Case) {
  const product = async () => {
    const { fn, action, data, token } = item.product(callers);
    const envelope = (await (cloudFunctions[fn] as CloudFunction)({ action, data, token })) as Envelope<unknown>;
    if (!envelope.ok) throw new Error(`${item.name}: ${envelope.error.code} ${envelope.error.message}`);
  };
  const before = async () => {
    const { sql, params } = item.before(new Date());
    await db.query(sql, params);
  };
  await product();
  await before();
  const products: number[] = [];
  const befores: number[] = [];
  // More product runs than baseline runs (the baseline takes seconds); both alternate so they see the same noise.
  for (let i = 0; i < Math.max(RUNS, BEFORE_RUNS); i++) {
    if (i < RUNS) products.push(await timed(product));
    if (i < BEFORE_RUNS) befores.push(await timed(before));
  }
  return { product: median(products), before: median(befores) };
}

/** The generated district: BENCH_FLAT_URL names one already built; else dyg_scale_<records> on DATABASE_URL, built on first use. */
async function onDistrict(work: (db: Database) => Promise<void>): Promise<boolean> {
  if (process.env.BENCH_FLAT_URL) {
    const db = await openMigratedDatabase({ kind: 'postgres', url: process.env.BENCH_FLAT_URL, poolSize: 4 });
    try {
      await work(db);
    } finally {
      await db.close();
    }
    return true;
  }
  if (!process.env.DATABASE_URL) return false;
  const reuse = process.env.BENCH_SCALE_REUSE === '1';
  await onServerDatabase(process.env.DATABASE_URL, { name: `dyg_scale_${RECORDS}`, poolSize: 4, reuse }, async ({ db, created }) => {
    if (created) {
      const started = performance.now();
      await generateDistrict(db, { records: RECORDS, foreignKeys: 'trusted' });
      console.log(`  生成 ${RECORDS.toLocaleString('en')} 条记录的压测区：${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await work(db);
  });
  return true;
}

export async function benchFlatReads() {
  const ran = await onDistrict(async (db) => {
    useDatabase(db);
    const callers = await districtSessions(db, process.env.SESSION_SECRET!);
    console.log(`\n== 平读：产品（云函数入口，${RUNS} 次中位数）对改前的语句（${BEFORE_RUNS} 次中位数），PostgreSQL 服务器，同一次运行`);
    for (const item of CASES) {
      const { product, before } = await measureCase(db, callers, item);
      const verdict = item.targetMs !== undefined
        ? `目标 < ${item.targetMs} ms：${product < item.targetMs ? '达标' : '未达标'}`
        : `目标不慢于改前：${product <= before ? '达标' : '未达标'}`;
      console.log(`${item.name}：产品 ${product.toFixed(1)} ms，改前 ${before.toFixed(1)} ms，快 ${(before / product).toFixed(1)}×（${verdict}）`);
    }
  });
  if (!ran) console.log('平读：未设置 BENCH_FLAT_URL 或 DATABASE_URL，跳过（这一节只在 PostgreSQL 服务器上测）');
}
