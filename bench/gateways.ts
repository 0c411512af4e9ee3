import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCheckinCode } from '../cloudfunctions/_core/checkin';
import type { Database } from '../cloudfunctions/_core/db/database';
import { useDatabase } from '../cloudfunctions/_core/db/database-context';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';
import { cloudFunctions, type CloudFunction } from '../gateway/cloud-functions';
import { freePort, startPgBouncer, startThrowawayPostgres, type Throwaway } from '../scripts/throwaway-postgres';
import { onServerDatabase } from './bench-databases';
import { buildBenchCommunity } from './bench-fixtures';
import { measure, median, type Measurement } from './measure';

/**
 * `BENCH_ONLY=gateways npm run bench`: the scan and accept scenarios through 1, 2 and 4 gateway processes (the
 * built gateway as child processes, each with its own connection pool) on one throwaway PostgreSQL server, the
 * client sending each request to the next gateway in turn; then the 4 through PgBouncer in transaction mode.
 * Beside each figure, the CPU the gateways, the server and the client spent per second of the run, which says
 * where a machine with few cores runs out.
 */
const PROCESS_COUNTS = [1, 2, 4];
const SCANS = Number(process.env.BENCH_GATEWAY_SCANS ?? 400);
const SCANNERS = 50;
const ACCEPTS = Number(process.env.BENCH_GATEWAY_ACCEPTS ?? 400);
const ACCEPTERS = 100;
const ROUNDS = Number(process.env.BENCH_GATEWAY_ROUNDS ?? 3);
const POOL_PER_GATEWAY = 10;
const BOUNCER_SERVER_CONNECTIONS = 20;
const GATEWAY_MAIN = path.resolve(__dirname, '../gateway/main.js');
const TICKS_PER_SECOND = 100;

interface Gateway {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

async function startGateway(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Gateway> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-bench-gw-'));
  const child: ChildProcess = spawn(process.execPath, [GATEWAY_MAIN], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(POOL_PER_GATEWAY),
      SEED_DEMO: 'false', SMS_PROVIDER: 'console', H5_DIR: '/nonexistent', DATA_DIR: dataDir, ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('已启动：')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`网关进程退出（${child.exitCode}）：${output}`)));
  });
  let stopping = false;
  void exited.then(() => {
    if (!stopping) console.error(`网关进程 ${child.pid} 意外退出：${output.slice(-2000)}`);
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      stopping = true;
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** user + system CPU seconds a process has spent so far, with its children's that ended (0 once it is gone). */
function cpuSecondsOf(pid: number, withEndedChildren = false): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return (withEndedChildren ? own + Number(fields[13]) + Number(fields[14]) : own) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

const cpuSecondsOfAll = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);

/** The server's CPU so far: its postmaster counts the backends that ended, the live ones count themselves. */
const databaseCpuSeconds = (pids: number[]) => cpuSecondsOf(pids[0], true) + cpuSecondsOfAll(pids.slice(1));

/** CPU seconds the whole machine has been busy (everyone's processes, not only this benchmark's). */
function machineBusySeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

interface Run {
  measurement: Measurement;
  /** CPU per second of wall time, in cores: gateways, database side (server and PgBouncer), this client, the whole machine. */
  cpu: { gateways: number; database: number; client: number; machine: number };
}

/** Measures `work` and the CPU each side spent meanwhile. */
async function withCpu(gateways: Gateway[], server: () => number[], bouncer: () => number[], work: () => Promise<Measurement>): Promise<Run> {
  const pids = gateways.map((gateway) => gateway.pid);
  const databaseSeconds = () => databaseCpuSeconds(server()) + cpuSecondsOfAll(bouncer());
  const before = { gateways: cpuSecondsOfAll(pids), database: databaseSeconds(), client: process.cpuUsage(), machine: machineBusySeconds(), at: performance.now() };
  const measurement = await work();
  const seconds = (performance.now() - before.at) / 1000;
  const client = process.cpuUsage(before.client);
  return {
    measurement,
    cpu: {
      gateways: (cpuSecondsOfAll(pids) - before.gateways) / seconds,
      database: (databaseSeconds() - before.database) / seconds,
      client: (client.user + client.system) / 1e6 / seconds,
      machine: (machineBusySeconds() - before.machine) / seconds,
    },
  };
}

const must = async <T>(answer: Promise<Envelope<unknown>>): Promise<T> => {
  const envelope = await answer;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
};

const direct = (fn: string, action: string, data: unknown, token: string) => (cloudFunctions[fn] as CloudFunction)({ action, data, token });

/** A client that sends each request to the next gateway in turn. */
function roundRobin(gateways: Gateway[]) {
  let next = 0;
  return async (fn: string, action: string, data: unknown, token: string): Promise<Envelope<unknown>> => {
    const { base } = gateways[next++ % gateways.length];
    const response = await fetch(`${base}/api/${fn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action, data }),
    });
    return (await response.json()) as Envelope<unknown>;
  };
}

export async function benchGatewayProcesses(): Promise<void> {
  if (!fs.existsSync(GATEWAY_MAIN)) throw new Error(`找不到 ${GATEWAY_MAIN}：先运行 npm run build:functions`);
  const server = await startThrowawayPostgres(['max_connections=200']);
  const name = `dyg_bench_gateways_${Date.now()}`;
  try {
    await onServerDatabase(server.url, { name, poolSize: 20 }, ({ db, url }) => benchOn(server, name, db, url));
  } finally {
    await server.stop();
  }
}

async function benchOn(server: Throwaway, name: string, db: Database, url: string) {
  useDatabase(db);
  let bouncer: Throwaway | undefined;
  const gateways: Gateway[] = [];
  let bouncerGateways: Gateway[] = [];
  try {
    const configs: { label: string; count: number; via: 'direct' | 'pgbouncer' }[] = PROCESS_COUNTS.map((count) => ({ label: `${count} 个网关`, count, via: 'direct' }));
    let bouncerNote = '';
    try {
      bouncer = await startPgBouncer(server.url, { serverConnections: BOUNCER_SERVER_CONNECTIONS, maxClients: 400 });
      const bouncerUrl = new URL(bouncer.url);
      bouncerUrl.pathname = `/${name}`;
      const maxCount = Math.max(...PROCESS_COUNTS);
      for (let i = 0; i < maxCount; i++) bouncerGateways.push(await startGateway(bouncerUrl.toString(), { DATABASE_POOLER: 'transaction' }));
      configs.push({ label: `${maxCount} 个网关经 PgBouncer`, count: maxCount, via: 'pgbouncer' });
    } catch (error) {
      bouncerNote = `（未测 PgBouncer：${error instanceof Error ? error.message : String(error)}）`;
      for (const gateway of bouncerGateways) await gateway.stop();
      bouncerGateways = [];
    }
    for (let i = 0; i < Math.max(...PROCESS_COUNTS); i++) gateways.push(await startGateway(url));
    const perRound = configs.length * (SCANS + ACCEPTS);
    const community = await buildBenchCommunity(db, Math.max(SCANS * configs.length * ROUNDS, ACCEPTS), process.env.SESSION_SECRET!);
    const serverPids = () => server.processIds();

    let nextMember = 0;
    const createOrder = async (capacity: number) => {
      const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
      const endsAt = new Date(Date.now() + 125 * 60_000).toISOString();
      return (await must<{ id: string }>(direct('orders', 'create', { title: '压测活动', category: '社区服务', place: '社区广场', startsAt, endsAt, capacity, dispatch: 'open', acceptShortNotice: true }, community.secretaryToken))).id;
    };
    const prepareScans = async () => {
      const orderId = await createOrder(SCANS);
      const devices: { deviceId: string; secretHex: string }[] = [];
      for (let i = 0; i < SCANS; i++) {
        const token = community.memberTokens[nextMember++];
        await must(direct('orders', 'accept', { orderId }, token));
        devices.push(await must(direct('checkin', 'issueDeviceSecret', {}, token)));
      }
      return { orderId, devices };
    };

    const results: Record<string, Record<string, Run[]>> = { [`scan x${SCANNERS}`]: {}, [`accept x${ACCEPTERS}`]: {} };
    for (let round = 0; round < ROUNDS; round++) {
      for (const config of round % 2 === 0 ? configs : [...configs].reverse()) {
        const serving = (config.via === 'pgbouncer' ? bouncerGateways : gateways).slice(0, config.count);
        const call = roundRobin(serving);
        const bouncerPids = () => (config.via === 'pgbouncer' && bouncer ? bouncer.processIds() : []);
        // Warm each process (JIT, its connections, prepared statements) before it is measured.
        await measure(100 * serving.length, 20, async () => void (await must(call('auth', 'me', {}, community.secretaryToken))));
        const { orderId, devices } = await prepareScans();
        (results[`scan x${SCANNERS}`][config.label] ??= []).push(
          await withCpu(serving, serverPids, bouncerPids, () =>
            measure(SCANS, SCANNERS, async (i) => {
              const code = makeCheckinCode(devices[i], new Date());
              await must(call('checkin', 'scan', { scanId: randomUUID(), orderId, code }, community.secretaryToken));
            }),
          ),
        );
        // The accept burst reuses the first members: each round and set-up has its own order.
        const burstOrder = await createOrder(ACCEPTS);
        (results[`accept x${ACCEPTERS}`][config.label] ??= []).push(
          await withCpu(serving, serverPids, bouncerPids, () =>
            measure(ACCEPTS, ACCEPTERS, async (i) => void (await must(call('orders', 'accept', { orderId: burstOrder }, community.memberTokens[i])))),
          ),
        );
      }
      console.log(`多网关第 ${round + 1} 轮完成（每轮 ${perRound} 次请求）`);
    }
    report(results, bouncerNote);
  } finally {
    for (const gateway of [...gateways, ...bouncerGateways]) await gateway.stop();
    await bouncer?.stop();
  }
}

function report(results: Record<string, Record<string, Run[]>>, bouncerNote: string) {
  const cores = os.cpus().length;
  const num = (value: number, digits = 1, width = 8) => value.toFixed(digits).padStart(width);
  console.log(
    `\n== 多个网关进程共用一台 PostgreSQL 15（本机 ${cores} 核；每个网关 DATABASE_POOL_SIZE=${POOL_PER_GATEWAY}；PgBouncer 事务模式共 ${BOUNCER_SERVER_CONNECTIONS} 个服务器连接；` +
      `客户端轮流发往各网关；${ROUNDS} 轮取中位数；CPU 以核计：每秒用掉的 CPU 秒，“整机”含本机其他进程）${bouncerNote}`,
  );
  console.log('scenario      set-up                     ops/s   p95 ms  对1个网关   网关  数据库  客户端   整机  CPU ms/次');
  for (const [scenario, byConfig] of Object.entries(results)) {
    const summaries = Object.entries(byConfig).map(([label, runs]) => ({
      label,
      perSecond: median(runs.map((run) => run.measurement.perSecond)),
      p95: median(runs.map((run) => run.measurement.p95)),
      gateways: median(runs.map((run) => run.cpu.gateways)),
      database: median(runs.map((run) => run.cpu.database)),
      client: median(runs.map((run) => run.cpu.client)),
      machine: median(runs.map((run) => run.cpu.machine)),
    }));
    const single = summaries[0].perSecond;
    const cpuPerOp = (s: (typeof summaries)[number]) => ((s.gateways + s.database + s.client) * 1000) / s.perSecond;
    for (const s of summaries) {
      console.log(
        `${scenario.padEnd(13)} ${s.label.padEnd(22)} ${num(s.perSecond)} ${num(s.p95)} ${num(s.perSecond / single, 2, 8)}× ` +
          `${num(s.gateways, 2, 6)} ${num(s.database, 2, 7)} ${num(s.client, 2, 7)} ${num(s.machine, 2, 6)} ${num(cpuPerOp(s), 2, 9)}`,
      );
    }
    const best = summaries.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const four = summaries.find((s) => s.label === `${Math.max(...PROCESS_COUNTS)} 个网关`) ?? summaries[summaries.length - 1];
    const ours = four.gateways + four.database + four.client;
    const full = four.machine >= cores * 0.9;
    console.log(
      `${scenario.padEnd(13)} 最高：${best.label} ${best.perSecond.toFixed(0)} ops/s，为 1 个网关的 ${(best.perSecond / single).toFixed(2)}×。` +
        `${four.label}时网关 ${four.gateways.toFixed(2)} 核、PostgreSQL ${four.database.toFixed(2)} 核、客户端 ${four.client.toFixed(2)} 核，整机忙 ${four.machine.toFixed(2)} / ${cores} 核：` +
        (full
          ? `CPU 已满（其中 ${(four.machine - ours).toFixed(2)} 核是本机其他进程），加网关进程只是把同一份 CPU 分得更细，吞吐不再上升`
          : 'CPU 未满，吞吐受锁等待与往返限制'),
    );
    // Gateways, server and client share this machine's cores: whatever the number of gateways, a request costs
    // about the same CPU, so the cores divided by that cost is the ceiling, reached with the first gateway.
    console.log(
      `${scenario.padEnd(13)} 每次请求三方合计 CPU ${summaries.map((s) => `${s.label} ${cpuPerOp(s).toFixed(2)} ms`).join('、')}；` +
        `本机 ${cores} 核若全归这三方，上限约 ${((cores * 1000) / cpuPerOp(summaries[0])).toFixed(0)} 次/秒（1 个网关的 CPU 成本）——多开网关不降低每次的 CPU，只在核数更多、或网关与数据库分机时才见线性增长`,
    );
  }
}
