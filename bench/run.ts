import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { makeCheckinCode } from '../cloudfunctions/_core/checkin';
import { useDatabase } from '../cloudfunctions/_core/db/database-context';
import type { Database } from '../cloudfunctions/_core/db/database';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';
import { cloudFunctions, type CloudFunction } from '../gateway/cloud-functions';
import { createGatewayServer, listen } from '../gateway/http-server';
import { onServerDatabase, onTemporaryPglite } from './bench-databases';
import { buildBenchCommunity, type BenchCommunity } from './bench-fixtures';
import { reportFunctionColdStarts } from './cold-start';
import { benchEventLoop } from './event-loop';
import { benchFlatReads } from './flat-reads';
import { benchListPages } from './list-pages';
import { benchGatewayProcesses } from './gateways';
import { benchLoginBurst, reportLoginBurst } from './login-burst';
import { measure, median, type Measurement } from './measure';
import { benchScanFloor } from './scan-floor';
import { benchScale } from './scale';
import { benchCompliance } from './compliance';
import { benchOrganisationRates } from './organisation-rates';
import { benchRedemptions } from './redemptions';

/**
 * `npm run bench`: check-in scans with 50 (and 5) concurrent scanners, bursts of 500 concurrent accepts and a login burst,
 * through the HTTP gateway and, as the engine's limit, the same cloud function called in-process
 * (same transaction, no HTTP). Rounds alternate between the two paths so both see the same noise.
 */
const SCANNERS = 50;
const SCANS_PER_ROUND = Number(process.env.BENCH_SCANS ?? 500);
const ACCEPT_BURST = Number(process.env.BENCH_ACCEPTS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

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
    call('orders', 'create', { title: '压测活动', category: '社区服务', place: '社区广场', startsAt, endsAt, capacity, dispatch: 'open', acceptShortNotice: true }, community.secretaryToken),
  );
  return order.id;
}

interface Scenario {
  name: string;
  count: number;
  concurrency: number;
}

const SCAN_SCENARIOS: Scenario[] = [
  { name: `scan x${SCANNERS}`, count: SCANS_PER_ROUND, concurrency: SCANNERS },
  // A community has one to a few verifiers at a time: this is what a secretary feels.
  { name: 'scan x5', count: Math.max(50, SCANS_PER_ROUND / 5), concurrency: 5 },
];

async function benchEngine(label: string, db: Database) {
  useDatabase(db);
  const scansPerPath = SCAN_SCENARIOS.reduce((sum, scenario) => sum + scenario.count, 0);
  const members = scansPerPath * ROUNDS * 2;
  const community = await buildBenchCommunity(db, Math.max(members, ACCEPT_BURST), process.env.SESSION_SECRET!);
  const server = createGatewayServer({ functions: cloudFunctions });
  const address: AddressInfo = await listen(server, 0, '127.0.0.1');
  const call = callers(`http://127.0.0.1:${address.port}`);

  // Every scan is a distinct member's check-in on an order they accepted, with their own device.
  let nextMember = 0;
  const prepareScans = async (count: number) => {
    const orderId = await createOrder(call.direct, community, count);
    const devices: { deviceId: string; secretHex: string }[] = [];
    for (let i = 0; i < count; i++) {
      const token = community.memberTokens[nextMember++];
      await must(call.direct('orders', 'accept', { orderId }, token));
      devices.push(await must(call.direct('checkin', 'issueDeviceSecret', {}, token)));
    }
    return { orderId, devices };
  };

  // Warm both paths (JIT, sockets, prepared statements) so that no round pays for a cold start.
  for (const via of ['gateway', 'direct'] as Path[]) {
    await measure(300, SCANNERS, async () => void (await must(call[via]('auth', 'me', {}, community.secretaryToken))));
  }

  const results: Record<string, Record<Path, Measurement[]>> = {};
  const keep = (scenario: string, via: Path, measurement: Measurement) => {
    results[scenario] ??= { gateway: [], direct: [] };
    results[scenario][via].push(measurement);
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const via of (round % 2 === 0 ? ['gateway', 'direct'] : ['direct', 'gateway']) as Path[]) {
      for (const scenario of SCAN_SCENARIOS) {
        const { orderId, devices } = await prepareScans(scenario.count);
        keep(scenario.name, via, await measure(scenario.count, scenario.concurrency, async (i) => {
          const code = makeCheckinCode(devices[i], new Date());
          await must(call[via]('checkin', 'scan', { scanId: randomUUID(), orderId, code }, community.secretaryToken));
        }));
      }
      const burstOrder = await createOrder(call.direct, community, ACCEPT_BURST);
      keep(`accept x${ACCEPT_BURST}`, via, await measure(ACCEPT_BURST, ACCEPT_BURST, async (i) => {
        await must(call[via]('orders', 'accept', { orderId: burstOrder }, community.memberTokens[i]));
      }));
      const [{ accepted_count }] = await db.query<{ accepted_count: number }>('select accepted_count from orders where id = $1', [burstOrder]);
      if (accepted_count !== ACCEPT_BURST) throw new Error(`accept burst left ${accepted_count} accepted, expected ${ACCEPT_BURST}`);
      console.log(`第 ${round + 1} 轮 ${via} 完成`);
    }
  }
  const logins = await benchLoginBurst(db, community, ROUNDS);
  await new Promise((resolve) => server.close(resolve));
  report(label, results);
  reportLoginBurst(logins);
}

function report(label: string, results: Record<string, Record<Path, Measurement[]>>) {
  const fmt = (value: number) => value.toFixed(1).padStart(8);
  console.log(`\n== ${label}（${ROUNDS} 轮，各取中位数；×N 为同时在途的请求数）`);
  console.log('scenario     path            ops/s    p50 ms    p95 ms    p99 ms');
  for (const [scenario, byPath] of Object.entries(results)) {
    const summary = (via: Path) => ({
      perSecond: median(byPath[via].map((m) => m.perSecond)),
      p50: median(byPath[via].map((m) => m.p50)),
      p95: median(byPath[via].map((m) => m.p95)),
      p99: median(byPath[via].map((m) => m.p99)),
    });
    const gateway = summary('gateway');
    const direct = summary('direct');
    for (const [via, s] of [['gateway HTTP', gateway], ['in-process', direct]] as const) {
      console.log(`${scenario.padEnd(12)} ${via.padEnd(12)} ${fmt(s.perSecond)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)}`);
    }
    const ratio = gateway.perSecond / direct.perSecond;
    console.log(`${scenario.padEnd(12)} 网关/直调吞吐比 ${ratio.toFixed(2)}（目标 ≥ 0.50：${ratio >= 0.5 ? '达标' : '未达标'}）；网关 p95 ${gateway.p95.toFixed(0)} ms（PGlite 目标 < 50 ms：${gateway.p95 < 50 ? '达标' : '未达标'}）`);
  }
}

async function run() {
  process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789abcdef0123456789';
  process.env.CHECKIN_KEY ??= 'bench-checkin-key-0123456789abcdef0123456789abcd';
  process.env.CERTIFICATE_KEY ??= 'bench-certificate-key-0123456789abcdef01234567';
  if (process.env.BENCH_ONLY === 'scale') return benchScale();
  if (process.env.BENCH_ONLY === 'flat-reads') return benchFlatReads();
  if (process.env.BENCH_ONLY === 'lists') return benchListPages();
  if (process.env.BENCH_ONLY === 'scan-floor') return benchScanFloor();
  if (process.env.BENCH_ONLY === 'event-loop') return benchEventLoop();
  if (process.env.BENCH_ONLY === 'gateways') return benchGatewayProcesses();
  if (process.env.BENCH_ONLY === 'compliance') return benchCompliance();
  if (process.env.BENCH_ONLY === 'rates') return benchOrganisationRates();
  if (process.env.BENCH_ONLY === 'redemptions') return benchRedemptions();
  await reportFunctionColdStarts(path.resolve(__dirname, '../../cloudfunctions'), path.resolve(__dirname, 'cold-start-baseline'));
  if (process.env.BENCH_ONLY === 'cold-start') return;
  await benchEventLoop();
  await onTemporaryPglite('dyg-bench-', (pglite) => benchEngine('PGlite（嵌入式）', pglite));
  if (process.env.DATABASE_URL) {
    await onServerDatabase(process.env.DATABASE_URL, { name: `dyg_bench_${Date.now()}`, poolSize: 50 }, ({ db }) => benchEngine('PostgreSQL 服务器', db));
  }
  await benchScanFloor();
  await benchGatewayProcesses();
  await benchScale();
  await benchCompliance();
  await benchOrganisationRates();
  await benchRedemptions();
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
