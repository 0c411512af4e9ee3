import { z } from 'zod';
import type { Database, Executor } from '../../cloudfunctions/_core/db/database';
import { useDatabase } from '../../cloudfunctions/_core/db/database-context';
import { defineAction } from '../../cloudfunctions/_core/runtime';
import { createHandler, RETRIES_ON_DEADLOCK } from '../../cloudfunctions/_core/runtime/handler';
import { cloudFunctions } from '../../gateway/cloud-functions';
import { call, failed, inMinutes, ok, type Main } from '../support/call';
import { countRows } from '../support/db-state';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const { orders } = cloudFunctions as Record<string, Main>;

/** What PostgreSQL throws at a transaction it chose as a deadlock victim (40P01) or could not serialise (40001). */
const pgFailure = (code: '40P01' | '40001') => Object.assign(new Error(code === '40P01' ? 'deadlock detected' : 'could not serialize access'), { code });

describe('deadlocks and serialization failures', () => {
  let db: Database;
  let community: TestCommunity;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'B', { members: 1, residents: 0 });
  });
  afterEach(() => useDatabase(db));
  afterAll(() => db.close());

  /** The suite's database, whose transactions do all their work and then lose, as a victim would, the first `losses` times. */
  function losingDatabase(losses: number, code: '40P01' | '40001' = '40P01') {
    const attempts = { count: 0 };
    const losing: Database = {
      ...db,
      query: db.query.bind(db),
      transaction: <T>(work: (tx: Executor) => Promise<T>) =>
        db.transaction(async (tx) => {
          attempts.count++;
          const result = await work(tx);
          if (attempts.count <= losses) throw pgFailure(code);
          return result;
        }),
    };
    useDatabase(losing);
    return attempts;
  }

  const newOrder = () => ({
    title: '楼道清扫', category: '社区服务', place: '3栋', startsAt: inMinutes(60), endsAt: inMinutes(120), capacity: 1, dispatch: 'open',
  });

  it.each(['40P01', '40001'] as const)('should run a call that lost to %s again and answer it as if nothing happened', async (code) => {
    const before = await countRows(db);
    const attempts = losingDatabase(RETRIES_ON_DEADLOCK, code);
    const order = await ok(call(orders, 'create', newOrder(), community.secretary));
    expect(attempts.count).toBe(RETRIES_ON_DEADLOCK + 1);
    expect(await countRows(db)).toEqual({ ...before, orders: before.orders + 1 });
    expect(await db.query('select title from orders where id = $1', [order.id])).toEqual([{ title: '楼道清扫' }]);
  });

  it('should answer BUSY_RETRY, not INTERNAL, to a call that keeps losing, and write nothing', async () => {
    const before = await countRows(db);
    const attempts = losingDatabase(Number.POSITIVE_INFINITY);
    const error = await failed(call(orders, 'create', newOrder(), community.secretary));
    expect(error).toEqual({ code: 'BUSY_RETRY', message: '同时操作的人较多，请稍后重试' });
    expect(attempts.count).toBe(RETRIES_ON_DEADLOCK + 1);
    expect(await countRows(db)).toEqual(before);
  });

  it('should tell BUSY_RETRY apart from INTERNAL in words', async () => {
    losingDatabase(Number.POSITIVE_INFINITY);
    const busy = await failed(call(orders, 'create', newOrder(), community.secretary));
    useDatabase({ ...db, transaction: async () => { throw new Error('disk full'); } });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const internal = await failed(call(orders, 'create', newOrder(), community.secretary));
    spy.mockRestore();
    expect(internal.code).toBe('INTERNAL');
    expect(busy.message).not.toBe(internal.message);
  });

  it('should get two calls that lock the same two things in opposite order both through, on the server a deadlock victim retried', async () => {
    // Each call takes its first lock, waits (briefly: PGlite runs one transaction at a time) until the other has
    // taken its own, then asks for the other's: on PostgreSQL one of them is a deadlock victim.
    let holding = 0;
    const bothHolding = async () => {
      holding++;
      for (let waited = 0; holding < 2 && waited < 300; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const attempts = { count: 0 };
    const main = createHandler({
      lockBoth: defineAction({
        summary: 'test', access: 'public', input: z.object({ first: z.number(), second: z.number() }), output: z.object({ done: z.boolean() }), errors: [],
        async run(ctx, input) {
          attempts.count++;
          await ctx.tx.query('select pg_advisory_xact_lock($1::bigint)', [input.first]);
          await bothHolding();
          await ctx.tx.query('select pg_advisory_xact_lock($1::bigint)', [input.second]);
          return { done: true };
        },
      }),
    });
    const answers = await Promise.all([
      main({ action: 'lockBoth', data: { first: 1101, second: 1102 } }),
      main({ action: 'lockBoth', data: { first: 1102, second: 1101 } }),
    ]);
    expect(answers).toEqual([{ ok: true, data: { done: true } }, { ok: true, data: { done: true } }]);
    if (db.engine === 'postgres') expect(attempts.count).toBeGreaterThan(2);
  });
});
