import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { main as auth } from '../../cloudfunctions/auth/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { useDatabase } from '../../cloudfunctions/_core/db/database-context';
import { openDatabase } from '../../cloudfunctions/_core/db/open-database';
import { startPgBouncer, type Throwaway } from '../../scripts/throwaway-postgres';
import { call, inMinutes, ok } from '../support/call';
import { buildCommunity, PASSWORD, type TestCommunity } from '../support/fixtures';
import { SERVER_TEMPLATE_DB, serverUrlFor } from '../support/template';

/**
 * PgBouncer in transaction mode lends a server connection for one transaction, then to whoever asks next.
 * `holder` is another client of the same PgBouncer: taking a server connection in an open transaction just
 * before each call makes the call run on a different one from the previous call (PgBouncer reuses the most
 * recently released connection first), with a different time zone set on it.
 */
describe('the functions through PgBouncer in transaction mode (DATABASE_POOLER=transaction)', () => {
  const serverUrl = process.env.DATABASE_URL!;
  const name = `dyg_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let bouncer: Throwaway;
  let db: Database;
  let holder: pg.Client;
  let community: TestCommunity;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${SERVER_TEMPLATE_DB}`);
    await admin.end();
    bouncer = await startPgBouncer(serverUrl, { serverConnections: 2 });
    const url = serverUrlFor(bouncer.url, name);
    db = await openDatabase({ kind: 'postgres', url, poolSize: 4, pooler: 'transaction' });
    useDatabase(db);
    holder = new pg.Client({ connectionString: url });
    await holder.connect();
    community = await buildCommunity(db, 'B', { members: 6, residents: 0 });
  });

  afterAll(async () => {
    await holder?.end();
    await db?.close();
    await bouncer?.stop();
    const cleaner = new pg.Client({ connectionString: serverUrl });
    await cleaner.connect();
    await cleaner.query(`drop database if exists ${name} with (force)`);
    await cleaner.end();
  });

  /** Runs `work` while `holder` occupies the server connection the previous statement used, in zone UTC. */
  async function onAnotherServerConnection<T>(work: () => Promise<T>): Promise<T> {
    await holder.query("BEGIN; SET LOCAL TIME ZONE 'UTC'; SELECT 1");
    try {
      return await work();
    } finally {
      await holder.query('COMMIT');
    }
  }

  it('should serve a login, an order and its accepts with every call on a different server connection', async () => {
    const member = community.members[0];
    const session = await onAnotherServerConnection(() => ok(call(auth, 'login', { phone: member.phone, password: PASSWORD })));
    expect(session).toMatchObject({ token: expect.any(String) });

    const order = await onAnotherServerConnection(() =>
      ok(call(orders, 'create', {
        title: '社区环境清洁日', category: '环保绿化服务', place: '社区文化广场', startsAt: inMinutes(24 * 60), endsAt: inMinutes(24 * 60 + 120),
        capacity: 3, dispatch: 'open',
      }, community.secretary)),
    );
    for (const person of community.members.slice(0, 2)) {
      await onAnotherServerConnection(() => ok(call(orders, 'accept', { orderId: order.id }, person)));
    }
    // Four at once on two server connections: PgBouncer queues them and hands the connections round.
    const answers = await Promise.all(community.members.slice(2).map((person) => call(orders, 'accept', { orderId: order.id }, person)));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok).map((answer) => !answer.ok && answer.error.code)).toEqual(['ORDER_FULL', 'ORDER_FULL', 'ORDER_FULL']);

    const [row] = await db.query<{ accepted_count: number; status: string }>('select accepted_count, status from orders where id = $1', [order.id]);
    expect(row).toEqual({ accepted_count: 3, status: 'staffed' });
  });

  it('should keep the business time zone on a borrowed server connection, in and out of a transaction', async () => {
    const zoneSql = "select current_setting('TimeZone') as zone";
    await db.query(zoneSql);
    const alone = await onAnotherServerConnection(() => db.query<{ zone: string }>(zoneSql));
    const inTransaction = await onAnotherServerConnection(() => db.transaction((tx) => tx.query<{ zone: string }>(zoneSql)));
    expect([alone[0].zone, inTransaction[0].zone]).toEqual(['Asia/Shanghai', 'Asia/Shanghai']);
  });
});
