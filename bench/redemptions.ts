import { randomUUID } from 'node:crypto';
import type { Database } from '../cloudfunctions/_core/db/database';
import { useDatabase } from '../cloudfunctions/_core/db/database-context';
import { organisationAccount, post, userAccount } from '../cloudfunctions/_core/ledger';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';
import { cloudFunctions, type CloudFunction } from '../gateway/cloud-functions';
import { onPostgresServer, onServerDatabase, onTemporaryPglite } from './bench-databases';
import { buildBenchCommunity, type BenchCommunity } from './bench-fixtures';
import { median, timed } from './measure';

/**
 * `BENCH_ONLY=redemptions npm run bench` (issue 15): BENCH_REDEMPTIONS (500) members redeem the last BENCH_REDEMPTION_STOCK
 * (5) items of a good at once through the product's entry point (incentives.redeem, in-process: session, transaction,
 * settlement, the good, the ledger's locks and checks, the pick-up code), beside the same transaction in raw SQL on the
 * same engine (lock the stock row, check stock and points, insert the redemption, update stock and points), median of
 * BENCH_REDEMPTION_ROUNDS rounds each, alternating. Exactly the stock must succeed on both paths, else the bench fails.
 * PGlite, then the PostgreSQL server (DATABASE_URL, else a throwaway one).
 */
const BURST = Number(process.env.BENCH_REDEMPTIONS ?? 500);
const STOCK = Number(process.env.BENCH_REDEMPTION_STOCK ?? 5);
const ROUNDS = Number(process.env.BENCH_REDEMPTION_ROUNDS ?? 5);
const PRICE = 10;

const incentives = cloudFunctions.incentives as CloudFunction;

const RAW_SCHEMA = `
  create table if not exists bench_raw_stock (good_id uuid primary key, stock integer not null check (stock >= 0));
  create table if not exists bench_raw_points (user_id uuid primary key, points integer not null check (points >= 0));
  create table if not exists bench_raw_redemptions (id uuid primary key, good_id uuid not null, user_id uuid not null, points integer not null, redeemed_at timestamptz not null)`;

/** The raw transaction: what any hand-written redemption must do at least. True when it redeemed. */
async function rawRedeem(db: Database, goodId: string, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [good] = await tx.query<{ stock: number }>('select stock from bench_raw_stock where good_id = $1 for update', [goodId]);
    if (!good || good.stock < 1) return false;
    const [member] = await tx.query<{ points: number }>('select points from bench_raw_points where user_id = $1 for update', [userId]);
    if (!member || member.points < PRICE) return false;
    await tx.query('insert into bench_raw_redemptions (id, good_id, user_id, points, redeemed_at) values ($1, $2, $3, $4, now())', [randomUUID(), goodId, userId, PRICE]);
    await tx.query('update bench_raw_stock set stock = stock - 1 where good_id = $1', [goodId]);
    await tx.query('update bench_raw_points set points = points - $2 where user_id = $1', [userId, PRICE]);
    return true;
  });
}

async function setUp(db: Database): Promise<BenchCommunity> {
  const community = await buildBenchCommunity(db, BURST, process.env.SESSION_SECRET!);
  const [{ district }] = await db.query<{ district: string }>(
    `select street.parent_id as district from organisations c join organisations street on street.id = c.parent_id where c.id = $1`,
    [community.communityId],
  );
  const each = PRICE * (ROUNDS + 1);
  await db.transaction((tx) =>
    post(tx, {
      kind: 'award',
      idempotencyKey: `bench-award:${community.communityId}`,
      at: new Date(),
      lines: [
        { account: organisationAccount(district, 'points_issued'), amount: -each * community.memberIds.length },
        ...community.memberIds.map((id) => ({ account: userAccount(id, 'points'), amount: each })),
      ],
    }),
  );
  await db.query(RAW_SCHEMA);
  await db.query('insert into bench_raw_points (user_id, points) select unnest($1::uuid[]), $2', [community.memberIds, each]);
  return community;
}

const okData = async <T>(answer: Promise<Envelope<unknown>>): Promise<T> => {
  const envelope = await answer;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
};

async function productRound(community: BenchCommunity): Promise<{ ms: number; succeeded: number; refusals: Set<string> }> {
  const good = await okData<{ id: string }>(
    incentives({ action: 'saveGood', data: { name: '压测毛巾', pricePoints: PRICE, audience: 'both', initialStock: STOCK }, token: community.secretaryToken }),
  );
  let succeeded = 0;
  const refusals = new Set<string>();
  const ms = await timed(() =>
    Promise.all(
      community.memberTokens.map(async (token) => {
        const answer = await incentives({ action: 'redeem', data: { goodId: good.id, requestId: randomUUID() }, token });
        if (answer.ok) succeeded += 1;
        else refusals.add(answer.error.code);
      }),
    ),
  );
  return { ms, succeeded, refusals };
}

async function rawRound(db: Database, community: BenchCommunity): Promise<{ ms: number; succeeded: number }> {
  const goodId = randomUUID();
  await db.query('insert into bench_raw_stock (good_id, stock) values ($1, $2)', [goodId, STOCK]);
  let succeeded = 0;
  const ms = await timed(() =>
    Promise.all(
      community.memberIds.map(async (userId) => {
        if (await rawRedeem(db, goodId, userId)) succeeded += 1;
      }),
    ),
  );
  return { ms, succeeded };
}

async function benchEngine(label: string, db: Database) {
  useDatabase(db);
  const community = await setUp(db);
  // Warm both paths (JIT, prepared plans) on a round that is not counted.
  await productRound(community);
  await rawRound(db, community);
  const product: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['product', 'raw'] : ['raw', 'product'];
    for (const path of order) {
      if (path === 'product') {
        const result = await productRound(community);
        if (result.succeeded !== STOCK) throw new Error(`${label}: ${result.succeeded} redemptions succeeded through incentives.redeem, expected ${STOCK}`);
        const unexpected = [...result.refusals].filter((code) => code !== 'SHOP_OUT_OF_STOCK');
        if (unexpected.length > 0) throw new Error(`${label}: refusals other than SHOP_OUT_OF_STOCK: ${unexpected.join(', ')}`);
        product.push(result.ms);
      } else {
        const result = await rawRound(db, community);
        if (result.succeeded !== STOCK) throw new Error(`${label}: ${result.succeeded} raw redemptions succeeded, expected ${STOCK}`);
        raw.push(result.ms);
      }
    }
  }
  const [problems] = await db.query<{ n: string }>('select count(*) as n from ledger_accounts where not allow_negative and balance < 0');
  if (Number(problems.n) !== 0) throw new Error(`${label}: an account went below zero`);
  const productMs = median(product);
  const rawMs = median(raw);
  console.log(
    `爱心超市兑换 ${label}：${BURST} 人同时兑换最后 ${STOCK} 件，incentives.redeem ${productMs.toFixed(0)} ms，原始 SQL ${rawMs.toFixed(0)} ms，` +
      `比值 ${(productMs / rawMs).toFixed(2)}×（${ROUNDS} 轮中位数）；两者均恰好 ${STOCK} 件成功，其余为 SHOP_OUT_OF_STOCK，库存和积分无负数`,
  );
}

export async function benchRedemptions() {
  await onTemporaryPglite('dyg-bench-shop-', (db) => benchEngine('PGlite', db));
  await onPostgresServer('爱心超市兑换', (url) =>
    onServerDatabase(url, { name: `dyg_bench_shop_${Date.now()}`, poolSize: 50 }, ({ db }) => benchEngine('PostgreSQL 服务器', db)),
  );
}
