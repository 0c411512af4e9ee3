import { startSession } from '../cloudfunctions/_core/auth';
import type { Database, Executor } from '../cloudfunctions/_core/db/database';
import { openMigratedDatabase, useDatabase } from '../cloudfunctions/_core/db/database-context';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';
import { cloudFunctions, type CloudFunction } from '../gateway/cloud-functions';
import { onServerDatabase, onTemporaryPglite } from './bench-databases';
import { DISTRICT_PHONES, generateDistrict } from './large-district';
import beforeSql from './list-pages.before.sql';
import { median, timed } from './measure';

/**
 * BENCH_ONLY=lists: each paged list of issue 12 in the large district's big community (5,000 members): the list's
 * statement run alone beside the one f5249c3 sent for the same page (count(*) over () on the fully joined rows,
 * bench/list-pages.before.sql), same parameters, and the action through its cloud function entry beside its statement
 * (the entry adds the session check, BEGIN and COMMIT, and an action's other reads). Median of BENCH_LIST_TRIES.
 *
 * The district: BENCH_LISTS_URL names a database that holds one already (npm run bench:district); else a throwaway
 * database on DATABASE_URL's server, else PGlite in a temporary directory, filled with BENCH_LIST_RECORDS records
 * (100,000 on the server, 10,000 on PGlite unless set) and removed afterwards.
 */
const TRIES = Number(process.env.BENCH_LIST_TRIES ?? 5);
const WARM_UP_RUNS = 8;
const PAGE = { limit: 20, offset: 0 };

type Who = 'secretary' | 'member' | 'resident' | 'unitAdmin';

const LISTS: { list: string; fn: string; action: string; by: Who; data?: object }[] = [
  { list: 'records.listForCommunity', fn: 'records', action: 'listForCommunity', by: 'secretary' },
  { list: 'records.myHours', fn: 'records', action: 'myHours', by: 'member' },
  { list: 'orders.listForCommunity', fn: 'orders', action: 'listForCommunity', by: 'secretary' },
  { list: 'orders.listMine', fn: 'orders', action: 'listMine', by: 'member' },
  { list: 'demands.listForCommunity', fn: 'demands', action: 'listForCommunity', by: 'secretary' },
  { list: 'demands.listMine', fn: 'demands', action: 'listMine', by: 'resident' },
  { list: 'registration.listPending', fn: 'registration', action: 'listPending', by: 'secretary' },
  { list: 'registration.listSlips', fn: 'registration', action: 'listSlips', by: 'unitAdmin' },
  { list: 'privacy.accessLog', fn: 'privacy', action: 'accessLog', by: 'secretary' },
  { list: 'reports.communityRegister', fn: 'reports', action: 'communityRegister', by: 'secretary', data: { memberType: 'all' } },
];

const BEFORE: Record<string, string> = Object.fromEntries(
  beforeSql
    .split(/^-- name: /m)
    .slice(1)
    .map((chunk) => {
      const [name, ...sql] = chunk.split('\n');
      return [name.trim(), sql.join('\n').trim().replace(/;$/, '')];
    }),
);

async function sessions(db: Database, secret: string): Promise<Record<Who, string>> {
  const phones: Record<Who, string> = {
    secretary: DISTRICT_PHONES.secretary(0),
    member: DISTRICT_PHONES.member(0),
    resident: DISTRICT_PHONES.resident(0),
    unitAdmin: DISTRICT_PHONES.unitAdmin(0),
  };
  const tokens = {} as Record<Who, string>;
  for (const [who, phone] of Object.entries(phones) as [Who, string][]) {
    const [user] = await db.query<{ id: string }>('select id from users where phone = $1', [phone]);
    if (!user) throw new Error(`压测数据中没有 ${phone}：先用 generateDistrict 生成`);
    tokens[who] = (await startSession(db, { userId: user.id, secret, now: new Date(), ttlHours: 24 })).token;
  }
  return tokens;
}

/** Calls the action once with every statement kept, and gives back the paged one (the list's statement). */
async function listStatementOf(db: Database, call: () => Promise<Envelope<unknown>>) {
  const sent: { sql: string; params: unknown[] }[] = [];
  const kept = (executor: Executor): Executor => ({
    query: (sql, params) => {
      sent.push({ sql, params: params ?? [] });
      return executor.query(sql, params);
    },
  });
  useDatabase({ ...db, query: (sql, params) => kept(db).query(sql, params), transaction: (run) => db.transaction((tx) => run(kept(tx))) } as Database);
  try {
    const answer = await call();
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  } finally {
    useDatabase(db);
  }
  const paged = sent.filter((s) => /\blimit \$\d+ offset \$\d+/i.test(s.sql) && s.params.includes(PAGE.limit));
  if (paged.length !== 1) throw new Error(`找不到列表语句（${paged.length} 条）`);
  return paged[0];
}

async function benchLists(label: string, db: Database) {
  const tokens = await sessions(db, process.env.SESSION_SECRET!);
  useDatabase(db);
  console.log(`\n== 列表分页（${label}，大社区，每页 ${PAGE.limit} 条，中位数 ${TRIES} 次）：先在主表取本页再连接显示列，总数另计 ==`);
  console.log('列表                        本语句 ms  f5249c3 ms  提速（目标 ≥ 1×）     产品 ms  产品/本语句（目标 ≤ 1.5×）');
  for (const { list, fn, action, by, data } of LISTS) {
    const call = () => (cloudFunctions[fn] as CloudFunction)({ action, data: { ...data, page: PAGE }, token: tokens[by] }) as Promise<Envelope<unknown>>;
    const statement = await listStatementOf(db, call);
    const before = BEFORE[list];
    const [now, old] = await Promise.all([db.query(statement.sql, statement.params), db.query(before, statement.params)]);
    const keyOf = (rows: Record<string, unknown>[]) => JSON.stringify([rows[0]?.total ?? rows[0]?.phase_total, rows.map((row) => row.id ?? row.member_id)]);
    const same = keyOf(now) === keyOf(old);
    const product: number[] = [];
    const raw: number[] = [];
    const baseline: number[] = [];
    // Past the first five runs on a connection, after which PostgreSQL stops planning a prepared statement afresh.
    for (let i = 0; i < WARM_UP_RUNS; i++) {
      await call();
      await db.query(before, statement.params);
    }
    for (let i = 0; i < TRIES; i++) {
      product.push(await timed(call));
      raw.push(await timed(() => db.query(statement.sql, statement.params)));
      baseline.push(await timed(() => db.query(before, statement.params)));
    }
    const [p, r, b] = [median(product), median(raw), median(baseline)];
    const met = (ok: boolean) => (ok ? '达标' : '未达标');
    console.log(
      `${list.padEnd(28)}${r.toFixed(1).padStart(9)}${b.toFixed(1).padStart(12)}${(b / r).toFixed(1).padStart(8)}×（${met(b / r >= 1)}）` +
        `${p.toFixed(1).padStart(12)}${(p / r).toFixed(2).padStart(9)}×（${met(p / r <= 1.5)}）${same ? '' : '  本页与 f5249c3 的行不同：同序键者此前先后不定'}`,
    );
  }
}

export async function benchListPages() {
  if (process.env.BENCH_LISTS_URL) {
    const db = await openMigratedDatabase({ kind: 'postgres', url: process.env.BENCH_LISTS_URL, poolSize: 4 });
    try {
      await benchLists('PostgreSQL 服务器，已有压测区', db);
    } finally {
      await db.close();
    }
    return;
  }
  if (process.env.DATABASE_URL) {
    const records = Number(process.env.BENCH_LIST_RECORDS ?? 100_000);
    await onServerDatabase(process.env.DATABASE_URL, { name: `dyg_bench_lists_${Date.now()}`, poolSize: 4 }, async ({ db }) => {
      await generateDistrict(db, { records, foreignKeys: 'trusted' });
      await benchLists(`PostgreSQL 服务器，${records.toLocaleString('en')} 条服务记录`, db);
    });
    return;
  }
  const records = Number(process.env.BENCH_LIST_RECORDS ?? 10_000);
  await onTemporaryPglite('dyg-bench-lists-', async (db) => {
    await generateDistrict(db, { records });
    await benchLists(`PGlite，${records.toLocaleString('en')} 条服务记录`, db);
  });
}
