import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { makeCheckinCode, type DeviceSecret } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, inMinutes, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity, type TestUser } from '../support/fixtures';
import { countRoundTrips } from '../support/transaction-probes';
import { openSuiteDatabase } from '../support/test-database';

const START = new Date('2026-11-23T01:00:00Z');

/**
 * One scan, accepted or refused, costs the call's identification, one read and one write, in one transaction:
 * 3 statements and 5 round trips with BEGIN and COMMIT (issue 12; before, 12 statements, and a refusal a second
 * transaction of its own).
 */
describe('扫码核验 in one read and one write', () => {
  let db: Database;
  let community: TestCommunity;
  const devices = new Map<string, DeviceSecret>();
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'RT', { members: 3, residents: 0 });
    for (const member of community.members) devices.set(member.id, await ok(call(checkin, 'issueDeviceSecret', {}, member)));
  });
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
  const scan = (orderId: string, member: TestUser, intent: 'auto' | 'out' = 'auto') =>
    call(checkin, 'scan', { scanId: randomUUID(), orderId, code: makeCheckinCode(devices.get(member.id)!, new Date()), intent }, community.secretary);

  it('a check-in and a check-out each send 3 statements in one transaction, and write what they did', async () => {
    const [first, second] = community.members;
    const orderId = await orderAcceptedBy([first, second]);
    const checkIn = await countRoundTrips(db, () => ok(scan(orderId, first)));
    expect(checkIn).toEqual({ statements: 3, transactions: 1, roundTrips: 5 });

    clock.advanceMinutes(40);
    let verdict: any;
    const checkOut = await countRoundTrips(db, async () => { verdict = await ok(scan(orderId, first, 'out')); });
    expect(checkOut).toEqual({ statements: 3, transactions: 1, roundTrips: 5 });
    expect(verdict).toMatchObject({ outcome: 'checked_out', minutesCredited: 40 });

    const [order] = await db.query<{ status: string }>('select status from orders where id = $1', [orderId]);
    expect(order.status).toBe('in_service');
    const [record] = await db.query<{ minutes_credited: number; status: string; content: string }>(
      'select minutes_credited, status, content from service_records where order_id = $1 and member_id = $2', [orderId, first.id],
    );
    expect(record).toEqual({ minutes_credited: 40, status: 'credited', content: '环保绿化服务：社区环境清扫' });
  });

  it('the last check-out of a full order completes it, in the same 3 statements', async () => {
    const [, , third] = community.members;
    const orderId = await orderAcceptedBy([third]);
    await ok(scan(orderId, third));
    clock.advanceMinutes(30);
    const checkOut = await countRoundTrips(db, () => ok(scan(orderId, third, 'out')));
    expect(checkOut).toEqual({ statements: 3, transactions: 1, roundTrips: 5 });
    const [order] = await db.query<{ status: string; completed_at: Date | null }>('select status, completed_at from orders where id = $1', [orderId]);
    expect(order).toEqual({ status: 'completed', completed_at: new Date() });
  });

  it('a refused scan sends 3 statements in one transaction, and keeps its refusal and nothing else', async () => {
    clock.advanceMinutes(240);
    const [first, second] = community.members;
    const orderId = await orderAcceptedBy([first]);
    let error: any;
    const refused = await countRoundTrips(db, async () => { error = await failed(scan(orderId, second)); });
    expect(error.code).toBe('CHECKIN_NOT_ASSIGNED');
    expect(refused).toEqual({ statements: 3, transactions: 1, roundTrips: 5 });
    const kept = await db.query<{ code: string; member_id: string }>('select code, member_id from scan_refusals where order_id = $1', [orderId]);
    expect(kept).toEqual([{ code: 'CHECKIN_NOT_ASSIGNED', member_id: second.id }]);
    expect(await db.query('select 1 from scans where order_id = $1', [orderId])).toEqual([]);
  });
});
