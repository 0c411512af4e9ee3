import { randomUUID } from 'node:crypto';
import { makeCheckinCode, timeStepOf } from '../cloudfunctions/_core/checkin';
import { useDatabase } from '../cloudfunctions/_core/db/database-context';
import type { Database } from '../cloudfunctions/_core/db/database';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';
import { cloudFunctions, type CloudFunction } from '../gateway/cloud-functions';
import { onServerDatabase, onTemporaryPglite } from './bench-databases';
import { buildBenchCommunity, type BenchCommunity } from './bench-fixtures';
import { measure, median } from './measure';

/**
 * `BENCH_ONLY=scan-floor npm run bench` (and part of every `npm run bench`): check-in scans through the checkin
 * function in-process beside the physical floor — the same rows (the scan, its code use, the attendance) written
 * by one statement per scan outside any transaction — on the same engine, in the same run, with as many in
 * flight. Rounds alternate the two; each figure is the median. Target: the scan at ≥ 0.5× the floor.
 */
const SCANS = Number(process.env.BENCH_FLOOR_SCANS ?? 300);
const CONCURRENCIES = (process.env.BENCH_FLOOR_CONCURRENCY ?? '50,5').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_FLOOR_ROUNDS ?? 3);
const TARGET = 0.5;

const direct = (fn: string, action: string, data: unknown, token: string) =>
  (cloudFunctions[fn] as CloudFunction)({ action, data, token }) as Promise<Envelope<unknown>>;

const must = async <T>(answer: Promise<Envelope<unknown>>): Promise<T> => {
  const envelope = await answer;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
};

const FLOOR_STATEMENT = `
with scan as (
  insert into scans (id, order_id, verifier_id, member_id, scanned_at, received_at, outcome)
  values ($1, $2, $3, $4, $5, $5, 'checked_in') returning id
), code as (
  insert into checkin_code_uses (device_id, time_step, scan_id) select $6, $7, id from scan
)
insert into attendance (order_id, member_id, checked_in_at, check_in_scan_id) select $2, $4, $5, id from scan`;

async function openOrder(community: BenchCommunity, capacity: number) {
  const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
  const endsAt = new Date(Date.now() + 125 * 60_000).toISOString();
  const order = await must<{ id: string }>(direct('orders', 'create', {
    title: '压测活动', category: '社区服务', place: '社区广场', startsAt, endsAt, capacity, dispatch: 'open', acceptShortNotice: true,
  }, community.secretaryToken));
  return order.id;
}

async function benchEngine(label: string, db: Database) {
  useDatabase(db);
  const rounds = ROUNDS * CONCURRENCIES.length + 1;
  const community = await buildBenchCommunity(db, SCANS * rounds * 2, process.env.SESSION_SECRET!);
  const [{ id: secretaryId }] = await db.query<{ id: string }>(
    "select user_id as id from user_roles where role = 'secretary' and org_id = $1", [community.communityId],
  );
  let nextMember = 0;
  const takeMembers = (count: number) => {
    const taken = community.memberTokens.slice(nextMember, nextMember + count).map((token, i) => ({ token, id: community.memberIds[nextMember + i] }));
    nextMember += count;
    return taken;
  };

  /** The product: each scan a distinct member's check-in on an order they accepted, with their own device. */
  const productRound = async (concurrency: number) => {
    const orderId = await openOrder(community, SCANS);
    const devices: { deviceId: string; secretHex: string }[] = [];
    for (const member of takeMembers(SCANS)) {
      await must(direct('orders', 'accept', { orderId }, member.token));
      devices.push(await must<{ deviceId: string; secretHex: string }>(direct('checkin', 'issueDeviceSecret', {}, member.token)));
    }
    return measure(SCANS, concurrency, async (i) => {
      await must(direct('checkin', 'scan', { scanId: randomUUID(), orderId, code: makeCheckinCode(devices[i], new Date()) }, community.secretaryToken));
    });
  };
  /** The floor: the same three rows per scan, one statement each, no transaction, no judgement. */
  const floorRound = async (concurrency: number) => {
    const orderId = await openOrder(community, SCANS);
    const members = takeMembers(SCANS).map((member) => ({ ...member, deviceId: randomUUID() }));
    await db.query(
      "insert into member_devices (id, member_id, secret_ciphertext) select unnest($1::uuid[]), unnest($2::uuid[]), 'floor'",
      [members.map((member) => member.deviceId), members.map((member) => member.id)],
    );
    return measure(SCANS, concurrency, async (i) => {
      const now = new Date();
      await db.query(FLOOR_STATEMENT, [randomUUID(), orderId, secretaryId, members[i].id, now, members[i].deviceId, timeStepOf(now)]);
    });
  };

  // Warm both (JIT, prepared statements) so that no measured round pays for a cold start.
  await productRound(CONCURRENCIES[0]);
  await floorRound(CONCURRENCIES[0]);
  console.log(`\n== 扫码与物理下限（${label}，每轮 ${SCANS} 次签到，${ROUNDS} 轮取中位数）`);
  console.log('concurrency   scan ops/s   floor ops/s   ratio   scan p95 ms   floor p95 ms');
  for (const concurrency of CONCURRENCIES) {
    const product = [];
    const floor = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        product.push(await productRound(concurrency));
        floor.push(await floorRound(concurrency));
      } else {
        floor.push(await floorRound(concurrency));
        product.push(await productRound(concurrency));
      }
    }
    const scanRate = median(product.map((m) => m.perSecond));
    const floorRate = median(floor.map((m) => m.perSecond));
    const ratio = scanRate / floorRate;
    console.log(
      `x${String(concurrency).padEnd(11)} ${scanRate.toFixed(0).padStart(10)} ${floorRate.toFixed(0).padStart(13)} ${ratio.toFixed(2).padStart(7)}` +
        ` ${median(product.map((m) => m.p95)).toFixed(1).padStart(13)} ${median(floor.map((m) => m.p95)).toFixed(1).padStart(14)}` +
        `   目标 ≥ ${TARGET.toFixed(1)}×：${ratio >= TARGET ? '达标' : '未达标'}`,
    );
  }
}

export async function benchScanFloor() {
  await onTemporaryPglite('dyg-bench-floor-', (pglite) => benchEngine('PGlite（嵌入式）', pglite));
  if (!process.env.DATABASE_URL) {
    console.log('扫码与物理下限：未设置 DATABASE_URL，跳过 PostgreSQL 服务器');
    return;
  }
  await onServerDatabase(process.env.DATABASE_URL, { name: `dyg_bench_floor_${Date.now()}`, poolSize: 50 }, ({ db }) =>
    benchEngine('PostgreSQL 服务器', db),
  );
}
