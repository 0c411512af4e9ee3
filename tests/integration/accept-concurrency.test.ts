import { main as orders } from '../../cloudfunctions/orders/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, inMinutes, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { countRows } from '../support/db-state';
import { buildCommunity, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const CHINESE = /[\u4e00-\u9fa5]/;
const START = new Date('2026-11-23T01:00:00Z');

describe('党员接单 under load and its cut-offs', () => {
  let db: Database;
  let community: TestCommunity;
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'C', { members: 200, residents: 0 });
  });
  beforeEach(() => clock.set(START));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const createOrder = (overrides: Record<string, unknown> = {}) =>
    ok(call(orders, 'create', {
      title: '社区环境清洁日', category: '环保绿化服务', place: '社区文化广场', startsAt: inMinutes(24 * 60), endsAt: inMinutes(24 * 60 + 120),
      capacity: 5, dispatch: 'open', ...overrides,
    }, community.secretary));

  const orderRow = async (orderId: string) =>
    (await db.query<{ status: string; accepted_count: number }>('select status, accepted_count from orders where id = $1', [orderId]))[0];
  const assignmentsOf = (orderId: string) =>
    db.query<{ member_id: string; status: string; note: string | null; closed_at: Date | null }>(
      'select member_id, status, note, closed_at from assignments where order_id = $1 order by member_id',
      [orderId],
    );
  const accept = (orderId: string, member: TestUser) => call(orders, 'accept', { orderId }, member);

  it('should give exactly 5 places to 200 members accepting at the same moment, and ORDER_FULL to the other 195', async () => {
    const order = await createOrder({ capacity: 5 });
    expect(community.members).toHaveLength(200);

    const answers = await Promise.all(community.members.map((member) => accept(order.id, member)));

    const winners = community.members.filter((_, i) => answers[i].ok);
    const refusals = answers.flatMap((answer) => (answer.ok ? [] : [answer.error]));
    expect(winners).toHaveLength(5);
    expect(refusals).toHaveLength(195);
    for (const refusal of refusals) {
      expect(refusal.code).toBe('ORDER_FULL');
      expect(refusal.message).toMatch(CHINESE);
    }
    for (const answer of answers.filter((a) => a.ok)) {
      expect(answer.ok && answer.data).toMatchObject({ myAssignment: { status: 'accepted' } });
    }
    expect(await orderRow(order.id)).toEqual({ status: 'staffed', accepted_count: 5 });
    const rows = await assignmentsOf(order.id);
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.status === 'accepted')).toBe(true);
    expect(rows.map((row) => row.member_id).sort()).toEqual(winners.map((member) => member.id).sort());
  });

  it('should accept once when the same member accepts twice at the same moment', async () => {
    const order = await createOrder({ capacity: 3 });
    const member = community.members[0];

    const answers = await Promise.all([accept(order.id, member), accept(order.id, member)]);

    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    const refusal = answers.find((answer) => !answer.ok);
    expect(refusal?.ok === false && refusal.error.code).toBe('ORDER_ALREADY_ACCEPTED');
    expect(refusal?.ok === false && refusal.error.message).toMatch(CHINESE);
    expect(await orderRow(order.id)).toEqual({ status: 'published', accepted_count: 1 });
    expect(await assignmentsOf(order.id)).toEqual([expect.objectContaining({ member_id: member.id, status: 'accepted' })]);
  });

  it('should refuse a member who accepts again later with ORDER_ALREADY_ACCEPTED, keeping one place', async () => {
    const order = await createOrder({ capacity: 3 });
    const member = community.members[1];
    await ok(accept(order.id, member));

    const error = await failed(accept(order.id, member));

    expect(error.code).toBe('ORDER_ALREADY_ACCEPTED');
    expect(error.message).toMatch(CHINESE);
    expect(await orderRow(order.id)).toEqual({ status: 'published', accepted_count: 1 });
    expect(await assignmentsOf(order.id)).toHaveLength(1);
  });

  it('should free the place when a member cancels before the cut-off, so the order is published again', async () => {
    const order = await createOrder({ capacity: 2, startsAt: inMinutes(180), endsAt: inMinutes(240), cancelCutoffMinutes: 120 });
    const [first, second, third] = community.members.slice(10, 13);
    await ok(accept(order.id, first));
    expect((await ok(accept(order.id, second))).status).toBe('staffed');
    clock.advanceMinutes(59); // one minute before the cut-off

    const view = await ok(call(orders, 'cancelAcceptance', { orderId: order.id, reason: '临时有事' }, first));

    expect(view).toMatchObject({ status: 'published', acceptedCount: 1, myAssignment: { status: 'cancelled' } });
    expect(await orderRow(order.id)).toEqual({ status: 'published', accepted_count: 1 });
    const mine = (await assignmentsOf(order.id)).find((row) => row.member_id === first.id);
    expect(mine).toMatchObject({ status: 'cancelled', note: '临时有事' });
    expect(mine?.closed_at).toBeInstanceOf(Date);
    expect((await ok(accept(order.id, third))).status).toBe('staffed');
    expect(await orderRow(order.id)).toEqual({ status: 'staffed', accepted_count: 2 });
  });

  it('should refuse to cancel from the cut-off on with ORDER_CANCEL_TOO_LATE and keep the place taken', async () => {
    const order = await createOrder({ capacity: 2, startsAt: inMinutes(180), endsAt: inMinutes(240), cancelCutoffMinutes: 120 });
    const member = community.members[20];
    await ok(accept(order.id, member));
    clock.advanceMinutes(60); // exactly at the cut-off
    const before = await countRows(db);

    const error = await failed(call(orders, 'cancelAcceptance', { orderId: order.id, reason: '临时有事' }, member));

    expect(error.code).toBe('ORDER_CANCEL_TOO_LATE');
    expect(error.message).toContain('开始前120分钟内不能自行取消');
    expect(await orderRow(order.id)).toEqual({ status: 'published', accepted_count: 1 });
    expect(await assignmentsOf(order.id)).toEqual([expect.objectContaining({ member_id: member.id, status: 'accepted', note: null })]);
    expect(await countRows(db)).toEqual(before);
  });

  it('should refuse ORDER_NOT_ACCEPTED to a member cancelling an order they never accepted', async () => {
    const order = await createOrder({ capacity: 2 });
    const error = await failed(call(orders, 'cancelAcceptance', { orderId: order.id, reason: '' }, community.members[21]));
    expect(error.code).toBe('ORDER_NOT_ACCEPTED');
    expect(error.message).toMatch(CHINESE);
    expect(await orderRow(order.id)).toEqual({ status: 'published', accepted_count: 0 });
    expect(await assignmentsOf(order.id)).toEqual([]);
  });

  describe('a directed order', () => {
    const invitees = () => community.members.slice(30, 32);
    const outsider = () => community.members[32];
    const createDirected = () =>
      createOrder({ capacity: 2, dispatch: 'directed', inviteeIds: invitees().map((member) => member.id) });

    it('should refuse ORDER_NOT_FOR_YOU to a member who was not invited, and not show it in their hall', async () => {
      const order = await createDirected();

      const error = await failed(accept(order.id, outsider()));

      expect(error.code).toBe('ORDER_NOT_FOR_YOU');
      expect(error.message).toMatch(CHINESE);
      expect(await orderRow(order.id)).toEqual({ status: 'published', accepted_count: 0 });
      expect((await assignmentsOf(order.id)).map((row) => row.member_id).sort()).toEqual(invitees().map((m) => m.id).sort());
      const hall = await ok(call(orders, 'listOpen', {}, outsider()));
      expect(hall.items.map((item: { id: string }) => item.id)).not.toContain(order.id);
    });

    it('should let an invited member see and accept it', async () => {
      const order = await createDirected();
      const [invited] = invitees();
      const hall = await ok(call(orders, 'listOpen', {}, invited));
      expect(hall.items.find((item: { id: string }) => item.id === order.id)).toMatchObject({ myAssignment: { status: 'invited' } });

      const view = await ok(accept(order.id, invited));

      expect(view).toMatchObject({ acceptedCount: 1, status: 'published', myAssignment: { status: 'accepted' } });
      expect(await orderRow(order.id)).toEqual({ status: 'published', accepted_count: 1 });
      expect((await assignmentsOf(order.id)).find((row) => row.member_id === invited.id)).toMatchObject({ status: 'accepted' });
    });

    it('should let an invited member decline it, after which they cannot accept it', async () => {
      const order = await createDirected();
      const [, invited] = invitees();

      const view = await ok(call(orders, 'decline', { orderId: order.id, reason: '那天要值班' }, invited));

      expect(view.myAssignment).toEqual({ status: 'declined', phase: null });
      const row = (await assignmentsOf(order.id)).find((r) => r.member_id === invited.id);
      expect(row).toMatchObject({ status: 'declined', note: '那天要值班' });
      expect(row?.closed_at).toBeInstanceOf(Date);
      expect(await orderRow(order.id)).toEqual({ status: 'published', accepted_count: 0 });
      expect((await failed(accept(order.id, invited))).code).toBe('ORDER_NOT_FOR_YOU');
      const again = await failed(call(orders, 'decline', { orderId: order.id, reason: '' }, invited));
      expect(again.code).toBe('ORDER_NOT_INVITED');
      expect(again.message).toMatch(CHINESE);
    });
  });
});
