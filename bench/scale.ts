import { createHash } from 'node:crypto';
import type { Database } from '../cloudfunctions/_core/db/database';
import { useDatabase } from '../cloudfunctions/_core/db/database-context';
import { businessDate, businessYear } from '../cloudfunctions/_core/shared/business-time';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';
import { cloudFunctions, type CloudFunction } from '../gateway/cloud-functions';
import { onPostgresServer, onServerDatabase, onTemporaryPglite } from './bench-databases';
import { districtSessions, generateDistrict, type DistrictCallers } from './large-district';
import { median, timed } from './measure';
import * as raw from './scale-raw';

/**
 * The scale section of `npm run bench` (issue 12): each action of the issue's table through its cloud function
 * entry beside the one raw statement that returns the same answer (bench/scale-raw.ts), on the same generated
 * district in the same run, median of BENCH_SCALE_RUNS, at each size of BENCH_SCALE_RECORDS. PGlite runs the
 * sizes up to BENCH_SCALE_PGLITE_MAX; the PostgreSQL server (DATABASE_URL, else a throwaway one) runs them all;
 * BENCH_SCALE_ENGINES=pglite or postgres runs one engine. BENCH_SCALE_REUSE=1 (with DATABASE_URL)
 * keeps each server database (dyg_scale_<records>) for the next run instead of generating it again.
 */
const SIZES = (process.env.BENCH_SCALE_RECORDS ?? '10000,100000,1000000').split(',').map(Number);
const PGLITE_MAX = Number(process.env.BENCH_SCALE_PGLITE_MAX ?? 1_000_000);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 5);
const WARM_UP_RUNS = 8;
const REUSE = process.env.BENCH_SCALE_REUSE === '1';

const RATIO_TARGET = 1.5;
const GROWTH_TARGET = 2;
const RECOMMEND_BIG_TARGET_MS = 100;

/** The id the generator gives a row named `name` (md5(name)::uuid in bench/large-district.sql). */
export const generatedId = (name: string) =>
  createHash('md5').update(name).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

export interface Case {
  name: string;
  /** Scoped to one community, unit or member: its growth from 100k to 1M should stay ≤ 2×. */
  scoped: boolean;
  product: (callers: DistrictCallers) => { fn: string; action: string; data: unknown; token: string };
  raw: (now: Date) => { sql: string; params: unknown[] };
  runs?: number;
}

const draftTimes = (now: Date) => {
  const day = new Date(`${businessDate(new Date(now.getTime() + 3 * 86_400_000))}T09:00:00+08:00`);
  return { startsAt: day.toISOString(), endsAt: new Date(day.getTime() + 2 * 3_600_000).toISOString() };
};
const yearBounds = (now: Date) => [`${businessYear(now)}-01-01`, `${businessYear(now) + 1}-01-01`];

const recommendCase = (name: string, community: number, who: 'typicalSecretary' | 'bigSecretary'): Case => ({
  name,
  scoped: true,
  product: (callers) => ({
    fn: 'orders', action: 'recommend', token: callers[who],
    data: { ...draftTimes(new Date()), requiredPosts: ['困难群众帮扶岗'], requiredSkills: [], limit: 20 },
  }),
  raw: (now) => {
    const { startsAt, endsAt } = draftTimes(now);
    return { sql: raw.RECOMMEND, params: [generatedId(`community-${community}`), yearBounds(now)[0], now, startsAt, endsAt] };
  },
});

export const SCALE_CASES: Case[] = [
  recommendCase('orders.recommend 典型社区（227 人）', 1, 'typicalSecretary'),
  recommendCase('orders.recommend 大社区（5,000 人）', 0, 'bigSecretary'),
  {
    name: 'org.tree 区管理员',
    scoped: false,
    product: (callers) => ({ fn: 'org', action: 'tree', data: {}, token: callers.districtAdmin }),
    raw: () => ({ sql: raw.ORG_TREE, params: [generatedId('district')] }),
  },
  {
    name: 'records.listForCommunity 大社区',
    scoped: true,
    product: (callers) => ({ fn: 'records', action: 'listForCommunity', data: { page: { limit: 20, offset: 0 } }, token: callers.bigSecretary }),
    raw: (now) => ({ sql: raw.COMMUNITY_RECORDS, params: [generatedId('community-0'), ...yearBounds(now)] }),
  },
  {
    name: 'reports.exportCommunityRegister 含联系方式 大社区',
    scoped: true,
    runs: 3,
    product: (callers) => ({
      fn: 'reports', action: 'exportCommunityRegister', data: { memberType: 'all', includeContacts: true }, token: callers.bigSecretary,
    }),
    raw: () => ({ sql: raw.EXPORT_REGISTER_WITH_CONTACTS, params: [generatedId('community-0'), generatedId('secretary-0')] }),
  },
  {
    name: 'reports.unitStatistics 单位管理员',
    scoped: true,
    product: (callers) => ({ fn: 'reports', action: 'unitStatistics', data: {}, token: callers.unitAdmin }),
    raw: () => ({ sql: raw.UNIT_STATISTICS, params: [generatedId('unit-0')] }),
  },
  {
    name: 'orders.listOpen 大社区党员',
    scoped: true,
    product: (callers) => ({ fn: 'orders', action: 'listOpen', data: { page: { limit: 20, offset: 0 } }, token: callers.bigMember }),
    raw: (now) => ({ sql: raw.OPEN_HALL, params: [generatedId('member-0'), generatedId('community-0'), now] }),
  },
];

interface Figure {
  product: number;
  raw: number;
}
type Results = Map<string, Map<number, Figure>>;

export async function measureCase(db: Database, callers: DistrictCallers, item: Case): Promise<Figure> {
  const callProduct = async () => {
    const { fn, action, data, token } = item.product(callers);
    const envelope = (await (cloudFunctions[fn] as CloudFunction)({ action, data, token })) as Envelope<unknown>;
    if (!envelope.ok) throw new Error(`${item.name}: ${envelope.error.code} ${envelope.error.message}`);
  };
  const callRaw = async () => {
    const { sql, params } = item.raw(new Date());
    await db.query(sql, params);
  };
  // Warm-up until the plan cache settles: PostgreSQL plans a prepared statement afresh for its first five runs on a
  // connection, which a gateway's connections are long past. Then the two alternate so that both see the same noise.
  for (let i = 0; i < (item.runs ? 1 : WARM_UP_RUNS); i++) {
    await callProduct();
    await callRaw();
  }
  const product: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < (item.runs ?? RUNS); i++) {
    if (i % 2 === 0) {
      product.push(await timed(callProduct));
      rawTimes.push(await timed(callRaw));
    } else {
      rawTimes.push(await timed(callRaw));
      product.push(await timed(callProduct));
    }
  }
  return { product: median(product), raw: median(rawTimes) };
}

/**
 * What every call costs before its own reads: the session check (one statement) and its transaction (BEGIN, COMMIT),
 * measured as auth.me. An action whose statement takes less than this cannot come within 1.5× of it.
 */
const CALL_FLOOR = '每次调用的固定成本（auth.me：会话检查与事务）';

async function callFloor(token: string): Promise<number> {
  const me = async () => {
    const envelope = (await (cloudFunctions.auth as CloudFunction)({ action: 'me', data: {}, token })) as Envelope<unknown>;
    if (!envelope.ok) throw new Error(`auth.me: ${envelope.error.code}`);
  };
  for (let i = 0; i < WARM_UP_RUNS; i++) await me();
  const times: number[] = [];
  for (let i = 0; i < 4 * RUNS; i++) times.push(await timed(me));
  return median(times);
}

async function benchSize(db: Database, records: number, results: Results, generate: boolean) {
  useDatabase(db);
  if (generate) {
    const started = performance.now();
    await generateDistrict(db, { records, foreignKeys: 'trusted' });
    console.log(`  生成 ${records.toLocaleString('en')} 条记录的压测区：${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const callers = await districtSessions(db, process.env.SESSION_SECRET!);
  const floor = await callFloor(callers.bigMember);
  if (!results.has(CALL_FLOOR)) results.set(CALL_FLOOR, new Map());
  results.get(CALL_FLOOR)!.set(records, { product: floor, raw: floor });
  console.log(`  ${CALL_FLOOR}：${floor.toFixed(2)} ms`);
  for (const item of SCALE_CASES) {
    const figure = await measureCase(db, callers, item);
    if (!results.has(item.name)) results.set(item.name, new Map());
    results.get(item.name)!.set(records, figure);
    console.log(`  ${item.name}：产品 ${figure.product.toFixed(1)} ms，原始 SQL ${figure.raw.toFixed(1)} ms`);
  }
}

const met = (ok: boolean) => (ok ? '达标' : '未达标');
const size = (records: number) => (records >= 1_000_000 ? `${records / 1_000_000}M` : `${records / 1000}k`);

function report(label: string, results: Results, engine: Database['engine']) {
  console.log(`\n== 规模：${label}（各取 ${RUNS} 次中位数，导出 3 次；比值目标 ≤ ${RATIO_TARGET}×，100k→1M 增长目标 ≤ ${GROWTH_TARGET}×）`);
  const floors = results.get(CALL_FLOOR);
  if (floors) console.log(`${CALL_FLOOR}：${[...floors].sort(([a], [b]) => a - b).map(([records, f]) => `${size(records)} ${f.product.toFixed(2)} ms`).join('，')}`);
  for (const item of SCALE_CASES) {
    const bySize = results.get(item.name);
    if (!bySize) continue;
    const sizes = [...bySize.keys()].sort((a, b) => a - b);
    const cells = sizes.map((records) => {
      const { product, raw: base } = bySize.get(records)!;
      const ratio = product / base;
      return `${size(records)} 产品 ${product.toFixed(1)} ms / 原始 ${base.toFixed(1)} ms = ${ratio.toFixed(2)}×（${met(ratio <= RATIO_TARGET)}）`;
    });
    console.log(`${item.name}\n  ${cells.join('\n  ')}`);
    const growth = sizes.slice(1).map((records, i) => `${size(sizes[i])}→${size(records)} ${(bySize.get(records)!.product / bySize.get(sizes[i])!.product).toFixed(2)}×`);
    if (growth.length > 0) {
      const from = bySize.get(100_000);
      const to = bySize.get(1_000_000);
      const verdict = !item.scoped ? '全区范围，不设增长目标' : from && to ? met(to.product / from.product <= GROWTH_TARGET) : '缺 100k 或 1M';
      console.log(`  增长 ${growth.join('，')}（${verdict}）`);
    }
    const big = bySize.get(Math.max(...sizes));
    if (item.name.includes('5,000') && engine === 'postgres' && big) {
      console.log(`  5,000 名候选人 ${big.product.toFixed(1)} ms（PostgreSQL 目标 < ${RECOMMEND_BIG_TARGET_MS} ms：${met(big.product < RECOMMEND_BIG_TARGET_MS)}）`);
    }
  }
}

async function benchPglite() {
  const results: Results = new Map();
  for (const records of SIZES.filter((n) => n <= PGLITE_MAX)) {
    console.log(`规模 PGlite ${size(records)}`);
    await onTemporaryPglite('dyg-scale-', (db) => benchSize(db, records, results, true));
  }
  if (results.size > 0) report(`PGlite（至 ${size(Math.min(PGLITE_MAX, Math.max(...SIZES)))}）`, results, 'pglite');
}

async function benchServer(databaseUrl: string) {
  const results: Results = new Map();
  for (const records of SIZES) {
    console.log(`规模 PostgreSQL ${size(records)}`);
    const name = REUSE ? `dyg_scale_${records}` : `dyg_scale_${records}_${Date.now()}`;
    await onServerDatabase(databaseUrl, { name, poolSize: 4, reuse: REUSE }, ({ db, created }) => benchSize(db, records, results, created));
  }
  report('PostgreSQL 服务器', results, 'postgres');
}

/** Without DATABASE_URL the server part runs on a throwaway PostgreSQL (Debian's package), removed afterwards. */
export async function benchScale() {
  if (process.env.BENCH_SCALE_ENGINES !== 'postgres') await benchPglite();
  if (process.env.BENCH_SCALE_ENGINES === 'pglite') return;
  return onPostgresServer('规模', benchServer);
}
