import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { databaseOverPool, type Database } from '../cloudfunctions/_core/db/database';
import { openDatabase } from '../cloudfunctions/_core/db/open-database';

const SLOW_READ_MS = Number(process.env.BENCH_SLOW_READ_MS ?? 3_000);
const PROBE_EVERY_MS = 50;
const TARGET_MS = 100;

/** A read that keeps the engine computing for `ms` of wall time: a stand-in for one secretary's slow report. */
export const slowRead = (db: Database, ms: number) =>
  db.query(
    `with recursive busy(n) as (select 1 union all select n + 1 from busy where clock_timestamp() < now() + make_interval(secs => $1))
     select count(*)::int as n from busy`,
    [ms / 1000],
  );

/** The embedded engine as it was opened before issue 12: in this process, on the main thread. */
async function openInProcess(dump: Blob): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pglite = await PGlite.create({ loadDataDir: dump });
  return databaseOverPool(new pg.Pool(createPgConfig(pglite)), 'pglite', () => pglite.close());
}

interface Figures {
  p99: number;
  max: number;
  /** The slowest health check of one due every PROBE_EVERY_MS while the read ran, counted from when it was due. */
  healthMax: number;
  readMs: number;
}

/** Event-loop delay and a health check's answer time while the slow read runs. */
async function duringSlowRead(db: Database): Promise<Figures> {
  const server = http.createServer((_request, response) => response.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  await slowRead(db, 10); // the statement is prepared outside the measurement
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let healthMax = 0;
  const probes: Promise<void>[] = [];
  let lastTick = performance.now();
  const probe = setInterval(() => {
    const due = lastTick + PROBE_EVERY_MS;
    lastTick = performance.now();
    probes.push(
      fetch(url).then(async (response) => {
        await response.text();
        healthMax = Math.max(healthMax, performance.now() - due);
      }),
    );
  }, PROBE_EVERY_MS);
  histogram.enable();
  // The monitor's first tick only starts its clock: let it tick before the loop may be held.
  await new Promise((resolve) => setTimeout(resolve, 2 * PROBE_EVERY_MS));
  const started = performance.now();
  await slowRead(db, SLOW_READ_MS);
  const readMs = performance.now() - started;
  // A loop held for the whole read records its one late tick (and sends its probe) only once it runs again.
  await new Promise((resolve) => setTimeout(resolve, 2 * PROBE_EVERY_MS));
  histogram.disable();
  clearInterval(probe);
  await Promise.all(probes);
  await new Promise((resolve) => server.close(resolve));
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6, healthMax, readMs };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const verdict = (met: boolean) => (met ? '达标' : '未达标');

/** `npm run bench` (BENCH_ONLY=event-loop alone): the main thread's responsiveness during a slow PGlite read, worker against in-process. */
export async function benchEventLoop(): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const template = await PGlite.create();
  const dump = await template.dumpDataDir('none');
  await template.close();

  const inProcess = await openInProcess(dump);
  const before = await duringSlowRead(inProcess).finally(() => inProcess.close());
  const worker = await openDatabase({ kind: 'pglite-dump', dump });
  const after = await duringSlowRead(worker).finally(() => worker.close());

  console.log(`\n== PGlite 慢查询期间主线程的事件循环（一次 ${ms(SLOW_READ_MS)} 的读；monitorEventLoopDelay，每 ${PROBE_EVERY_MS} ms 一次健康检查）==`);
  console.log('引擎位置        事件循环延迟 p99   最大      健康检查最慢   慢读用时');
  for (const [label, figures] of [['主线程（旧）', before], ['工作线程', after]] as const) {
    console.log(`${label.padEnd(12)}  ${ms(figures.p99).padStart(14)}  ${ms(figures.max).padStart(8)}  ${ms(figures.healthMax).padStart(12)}  ${ms(figures.readMs).padStart(8)}`);
  }
  const ratio = before.p99 / Math.max(after.p99, 1);
  console.log(
    `事件循环延迟 p99：主线程 ÷ 工作线程 = ${ratio.toFixed(0)}×；目标：慢读期间事件循环延迟 p99 与健康检查均 < ${TARGET_MS} ms —— ` +
      `${verdict(after.p99 < TARGET_MS && after.healthMax < TARGET_MS)}（主线程时 ${verdict(before.p99 < TARGET_MS && before.healthMax < TARGET_MS)}）`,
  );
  console.log('注：PGlite 只有一个会话，数据库工作仍逐个事务执行；工作线程让出的是事件循环（定时器、HTTP、静态文件、JSON、不需数据库的请求）。');
}
