import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { makeCheckinCode } from '../cloudfunctions/_core/checkin';
import { openMigratedDatabase, useDatabase } from '../cloudfunctions/_core/db/database-context';
import type { Database } from '../cloudfunctions/_core/db/database';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';
import { cloudFunctions, type CloudFunction } from '../gateway/cloud-functions';
import { createGatewayServer, listen } from '../gateway/http-server';
import { buildBenchCommunity, type BenchCommunity } from './bench-fixtures';
import { measure, median, type Measurement } from './measure';

/**
 * `npm run bench`: check-in scans with 50 concurrent scanners and bursts of 500 concurrent accepts,
 * through the HTTP gateway and, as the engine's limit, the same cloud function called in-process
 * (same transaction, no HTTP). Rounds alternate between the two paths so both see the same noise.
 */
const SCANNERS = 50;
const SCANS_PER_ROUND = 500;
const ACCEPT_BURST = 500;
const ROUNDS = 3;

type Path = 'gateway' | 'direct';
type Caller = (fn: string, action: string, data: unknown, token: string) => Promise<Envelope<unknown>>;

function callers(base: string): Record<Path, Caller> {
  return {
    direct: (fn, action, data, token) => (cloudFunctions[fn] as CloudFunction)({ action, data, token }),
    gateway: async (fn, action, data, token) => {
      const response = await fetch(`${base}/api/${fn}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ action, data }),
      });
      return (await response.json()) as Envelope<unknown>;
    },
  };
}

const must = async <T>(answer: Promise<Envelope<unknown>>): Promise<T> => {
  const envelope = await answer;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
};

async function createOrder(call: Caller, community: BenchCommunity, capacity: number) {
  const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
  const endsAt = new Date(Date.now() + 125 * 60_000).toISOString();
  const order = await must<{ id: string }>(
    call('orders', 'create', { title: '压测活动', category: '社区服务', place: '社区广场', startsAt, endsAt, capacity, dispatch: 'open' }, community.secretaryToken),
  );
  return order.id;
}

async function benchEngine(label: string, db: Database) {
  useDatabase(db);
  const members = SCANS_PER_ROUND * ROUNDS * 2;
  const community = await buildBenchCommunity(db, members, process.env.SESSION_SECRET!);
  const server = createGatewayServer({ functions: cloudFunctions });
  const address: AddressInfo = await listen(server, 0, '127.0.0.1');
  const call = callers(`http://127.0.0.1:${address.port}`);

  // Every member accepts one order and gets a device, so that each scan is a distinct check-in.
  const devices: { deviceId: string; secretHex: string }[] = [];
  const scanOrders: string[] = [];
  for (let i = 0; i < members; i++) {
    if (i % SCANS_PER_ROUND === 0) scanOrders.push(await createOrder(call.direct, community, SCANS_PER_ROUND));
    await must(call.direct('orders', 'accept', { orderId: scanOrders.at(-1) }, community.memberTokens[i]));
    devices.push(await must<{ deviceId: string; secretHex: string }>(call.direct('checkin', 'issueDeviceSecret', {}, community.memberTokens[i])));
  }

  const results: Record<string, Record<Path, Measurement[]>> = { scan: { gateway: [], direct: [] }, accept: { gateway: [], direct: [] } };
  let batch = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const via of (round % 2 === 0 ? ['gateway', 'direct'] : ['direct', 'gateway']) as Path[]) {
      const first = batch++ * SCANS_PER_ROUND;
      const orderId = scanOrders[first / SCANS_PER_ROUND];
      results.scan[via].push(
        await measure(SCANS_PER_ROUND, SCANNERS, async (i) => {
          const code = makeCheckinCode(devices[first + i], new Date());
          await must(call[via]('checkin', 'scan', { scanId: randomUUID(), orderId, code }, community.secretaryToken));
        }),
      );
      console.log(`第 ${round + 1} 轮 ${via}：扫码 ${results.scan[via].at(-1)!.perSecond.toFixed(0)} 次/秒`);
      const burstOrder = await createOrder(call.direct, community, ACCEPT_BURST);
      results.accept[via].push(
        await measure(ACCEPT_BURST, ACCEPT_BURST, async (i) => {
          await must(call[via]('orders', 'accept', { orderId: burstOrder }, community.memberTokens[i]));
        }),
      );
      const [{ accepted_count }] = await db.query<{ accepted_count: number }>('select accepted_count from orders where id = $1', [burstOrder]);
      if (accepted_count !== ACCEPT_BURST) throw new Error(`accept burst left ${accepted_count} accepted, expected ${ACCEPT_BURST}`);
    }
  }
  await new Promise((resolve) => server.close(resolve));
  report(label, results);
}

function report(label: string, results: Record<string, Record<Path, Measurement[]>>) {
  const fmt = (value: number) => value.toFixed(1).padStart(8);
  console.log(`\n== ${label}（${ROUNDS} 轮取中位数；扫码 ${SCANNERS} 并发，每轮 ${SCANS_PER_ROUND} 次；接单 ${ACCEPT_BURST} 并发）`);
  console.log('场景      路径        次/秒     p50 ms    p95 ms    p99 ms');
  for (const [scenario, byPath] of Object.entries(results)) {
    const summary = (via: Path) => ({
      perSecond: median(byPath[via].map((m) => m.perSecond)),
      p50: median(byPath[via].map((m) => m.p50)),
      p95: median(byPath[via].map((m) => m.p95)),
      p99: median(byPath[via].map((m) => m.p99)),
    });
    const gateway = summary('gateway');
    const direct = summary('direct');
    for (const [via, s] of [['网关 HTTP', gateway], ['进程内直调', direct]] as const) {
      console.log(`${scenario.padEnd(9)} ${via.padEnd(9, '　')} ${fmt(s.perSecond)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)}`);
    }
    const ratio = gateway.perSecond / direct.perSecond;
    console.log(`${scenario.padEnd(9)} 网关/直调吞吐比 ${ratio.toFixed(2)}（目标 ≥ 0.50：${ratio >= 0.5 ? '达标' : '未达标'}）`);
  }
}

async function run() {
  process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789abcdef0123456789';
  process.env.CHECKIN_KEY ??= 'bench-checkin-key-0123456789abcdef0123456789abcd';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-bench-'));
  const pglite = await openMigratedDatabase({ kind: 'pglite', dataDir });
  await benchEngine('PGlite（嵌入式）', pglite);
  await pglite.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (process.env.DATABASE_URL) {
    // A throwaway database on the server, so that the run neither sees nor leaves data.
    const name = `dyg_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const server = await openMigratedDatabase({ kind: 'postgres', url: url.toString(), poolSize: 50 });
    try {
      await benchEngine('PostgreSQL 服务器', server);
    } finally {
      await server.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  }
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
