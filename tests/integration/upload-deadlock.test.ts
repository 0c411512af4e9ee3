import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { appendToChain, makeCheckinCode, type DeviceSecret } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, inMinutes, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const START = new Date('2026-11-23T01:00:00Z');
const ROUNDS = 12;
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

interface Phone {
  device: { deviceId: string; secretHex: string };
  head: { counter: number; hash: string };
}

/**
 * Two verifier phones upload, at the same moment, scans for the same two orders in opposite order. Each upload locks
 * every order it touches; were the locks taken in scan order, each would hold one order and wait for the other.
 */
describe('离线扫码: concurrent uploads for the same orders', () => {
  let db: Database;
  let community: TestCommunity;
  const clock = useWallClock(START);
  const devices = new Map<string, DeviceSecret>();

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'DL', { members: ROUNDS * 4, residents: 0 });
    for (const member of community.members) devices.set(member.id, await ok(call(checkin, 'issueDeviceSecret', {}, member)));
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const newPhone = async (): Promise<Phone> => {
    const device = await ok(call(checkin, 'issueVerifierDevice', {}, community.secretary));
    return { device, head: { counter: device.lastCounter, hash: device.lastHash } };
  };
  const queued = (on: Phone, orderId: string, who: TestUser, scannedAt: Date) => {
    const entry = appendToChain(on.device, on.head, {
      scanId: randomUUID(), orderId, code: makeCheckinCode(devices.get(who.id)!, scannedAt), intent: 'auto', scannedAt: scannedAt.toISOString(),
    });
    on.head = { counter: entry.counter, hash: entry.hash };
    return entry;
  };
  const orderFor = async (people: TestUser[]) => {
    const order = await ok(call(orders, 'create', {
      title: '村委会门前清扫', category: '环保绿化服务', place: '村委会', startsAt: inMinutes(10), endsAt: inMinutes(70), capacity: people.length, dispatch: 'open',
    }, community.secretary));
    for (const who of people) await ok(call(orders, 'accept', { orderId: order.id }, who));
    return order.id as string;
  };
  /** Deadlocks the server has detected in this database so far (PostgreSQL only; its statistics arrive within a second). */
  const deadlocksSoFar = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const [row] = await db.query<{ n: string }>('select deadlocks::text as n from pg_stat_database where datname = current_database()');
    return Number(row.n);
  };

  it(`should never deadlock nor lose a scan over ${ROUNDS} rounds of two phones uploading for the same two orders in opposite order`, async () => {
    const deadlocksBefore = db.engine === 'postgres' ? await deadlocksSoFar() : 0;
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      clock.set(START);
      const people = community.members.slice(round * 4, round * 4 + 4);
      const [first, second] = [await orderFor(people.slice(0, 2)), await orderFor(people.slice(2))];
      const [mine, theirs] = [await newPhone(), await newPhone()];
      rounds.push({
        first, second,
        uploads: [
          { on: mine, scans: [queued(mine, first, people[0], at(9)), queued(mine, second, people[2], at(9))] },
          { on: theirs, scans: [queued(theirs, second, people[3], at(9)), queued(theirs, first, people[1], at(9))] },
        ],
      });
    }
    clock.set(at(30));

    for (const { first, second, uploads } of rounds) {
      const answers = await Promise.all(uploads.map(({ on, scans }) => call(checkin, 'uploadQueue', { deviceId: on.device.deviceId, scans }, community.secretary)));
      expect(answers.map((answer) => (answer.ok ? (answer.data as { results: { ok: boolean }[] }).results.map((result) => result.ok) : answer.error.code)))
        .toEqual([[true, true], [true, true]]);
      const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from attendance where order_id = any($1::uuid[])', [[first, second]]);
      expect(n).toBe(4);
    }
    if (db.engine === 'postgres') expect((await deadlocksSoFar()) - deadlocksBefore).toBe(0);
  });
});
