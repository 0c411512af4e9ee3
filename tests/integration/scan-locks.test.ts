import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { makeCheckinCode, type DeviceSecret } from '../../cloudfunctions/_core/checkin';
import type { Database, Executor } from '../../cloudfunctions/_core/db/database';
import type { Envelope } from '../../cloudfunctions/_core/shared/envelope';
import { call, inMinutes, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity, type TestUser } from '../support/fixtures';
import { holdTransaction } from '../support/transaction-probes';
import { openSuiteDatabase } from '../support/test-database';

const START = new Date('2026-11-23T01:00:00Z');
const WRITES = /^\s*(insert|update|delete)\b|\binsert\s+into\b|checkin_record_scan\(/i;

/**
 * A scan locks the member's place, not the order (issue 12): scans of different members on one order go side by
 * side, while two scans of one member — on overlapping orders too — are judged one after the other.
 */
describe('扫码核验 locks the member, not the order', () => {
  let db: Database;
  let community: TestCommunity;
  const devices = new Map<string, DeviceSecret>();
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'LK', { members: 8, residents: 0 });
    for (const member of community.members) devices.set(member.id, await ok(call(checkin, 'issueDeviceSecret', {}, member)));
  });
  // Each test four hours after the last: a member checked in on one test's order is serving there.
  let testNumber = 0;
  beforeEach(() => clock.set(new Date(START.getTime() + testNumber++ * 4 * 3_600_000)));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const orderAcceptedBy = async (accepted: TestUser[]) => {
    const order = await ok(call(orders, 'create', {
      title: '社区环境清扫', category: '环保绿化服务', place: '社区广场', startsAt: inMinutes(10), endsAt: inMinutes(70),
      capacity: accepted.length, dispatch: 'open',
    }, community.secretary));
    for (const member of accepted) await ok(call(orders, 'accept', { orderId: order.id }, member));
    return order.id as string;
  };
  const scan = (orderId: string, member: TestUser, codeAt = new Date()) =>
    call(checkin, 'scan', { scanId: randomUUID(), orderId, code: makeCheckinCode(devices.get(member.id)!, codeAt) }, community.secretary);
  const lockedByThisTransaction = async (tx: Executor, table: 'orders' | 'members', key: 'id' | 'user_id', id: string) => {
    const [row] = await tx.query<{ mine: boolean }>(
      `select xmax::text = (pg_current_xact_id()::xid)::text as mine from ${table} where ${key} = $1`, [id],
    );
    return row.mine;
  };

  it('judging a scan, it holds the member\'s row and leaves the order\'s alone', async () => {
    const [member] = community.members;
    const orderId = await orderAcceptedBy([member]);
    const held = holdTransaction(db, {
      before: (sql) => WRITES.test(sql),
      probe: async (tx) => ({
        order: await lockedByThisTransaction(tx, 'orders', 'id', orderId),
        member: await lockedByThisTransaction(tx, 'members', 'user_id', member.id),
      }),
    });
    try {
      const scanned = scan(orderId, member);
      const locks = await held.reached;
      held.release();
      await ok(scanned);
      expect(locks).toEqual({ order: false, member: true });
    } finally {
      held.restore();
    }
  });

  // PGlite has one session: two of its transactions never overlap, so what follows needs the server (npm run test:pg).
  if (!process.env.DATABASE_URL) return;

  /** Resolves with 'waiting' once some session of this database waits on a lock, unless `stop` is called first. */
  const lockWaiter = () => {
    let stopped = false;
    const waiting = (async () => {
      while (!stopped) {
        const [row] = await db.query<{ waiting: number }>(
          "select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        if (row.waiting > 0) return 'waiting' as const;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return 'stopped' as const;
    })();
    return { waiting, stop: () => void (stopped = true) };
  };

  it('while one member\'s check-in is held uncommitted, another member\'s check-in on the same order completes', async () => {
    const [starter, held_, other] = community.members.slice(1, 4);
    const orderId = await orderAcceptedBy([starter, held_, other]);
    await ok(scan(orderId, starter));
    const held = holdTransaction(db);
    const waiter = lockWaiter();
    try {
      const first = scan(orderId, held_);
      await held.reached;
      const second = await Promise.race([scan(orderId, other), waiter.waiting]);
      expect(second).toMatchObject({ ok: true, data: { outcome: 'checked_in', member: { id: other.id } } });
      held.release();
      await ok(first);
    } finally {
      waiter.stop();
      held.release();
      held.restore();
    }
  });

  it('while a member\'s check-in is held uncommitted, the same member\'s scan on an overlapping order waits, then is refused', async () => {
    const member = community.members[4];
    const here = await orderAcceptedBy([member]);
    const there = await orderAcceptedBy([member]);
    const held = holdTransaction(db);
    const waiter = lockWaiter();
    try {
      // The code shown half a minute earlier: still good, and not the one the second scan presents.
      const first = scan(here, member, new Date(Date.now() - 30_000));
      await held.reached;
      const second = scan(there, member);
      expect(await Promise.race([second, waiter.waiting])).toBe('waiting');
      held.release();
      await ok(first);
      const answer = (await second) as Envelope<unknown>;
      expect(answer).toMatchObject({ ok: false, error: { code: 'CHECKIN_OVERLAPS_OTHER_ORDER' } });
      const serving = await db.query('select order_id from attendance where member_id = $1', [member.id]);
      expect(serving).toEqual([{ order_id: here }]);
    } finally {
      waiter.stop();
      held.release();
      held.restore();
    }
  });
});
