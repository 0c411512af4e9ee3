import { randomUUID } from 'node:crypto';
import { RECOMMEND_PER_CANDIDATE as PER_CANDIDATE_SQL } from '../../bench/flat-reads-before';
import { main as orders } from '../../cloudfunctions/orders/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { recommendCandidatesRepository } from '../../cloudfunctions/_core/orders/recommend-candidates.repository';
import { orderTimeOf, scoreCandidate } from '../../cloudfunctions/_core/orders/recommendation-rules';
import { call, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { leave } from '../support/reports-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Monday 2026-11-23 09:00 Shanghai; the order asked about is on Saturday morning.
const NOW = new Date('2026-11-23T01:00:00Z');
const STARTS = '2026-11-28T09:00:00+08:00';
const ENDS = '2026-11-28T11:00:00+08:00';

/** A small deterministic sequence, so that the history is varied but the same on every run. */
function sequence(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536) % n;
  };
}

describe('orders.recommend ranks from one set-based statement exactly as from the per-candidate one (issue 12)', () => {
  let db: Database;
  let a: TestCommunity;
  let other: TestCommunity;
  let targetOrderId: string;
  const clock = useWallClock(NOW);
  const next = sequence(12);

  async function order(community: TestCommunity, startsAt: Date, hours: number, status: string, dispatch = 'open') {
    const id = randomUUID();
    await db.query(
      `insert into orders (id, community_id, kind, title, category, place, starts_at, ends_at, capacity, dispatch, status, cancel_reason, created_by)
       values ($1, $2, 'activity', '历史活动', '社区服务', '广场', $3, $4, 50, $5, $6, $7, $8)`,
      [id, community.communityId, startsAt, new Date(startsAt.getTime() + hours * 3_600_000), dispatch, status,
        status === 'cancelled' ? '天气原因' : null, community.secretary.id],
    );
    return id;
  }

  async function assign(orderId: string, memberId: string, status: string) {
    await db.query('insert into assignments (id, order_id, member_id, status, invited_at, accepted_at) values ($1, $2, $3, $4, $5, $5)', [
      randomUUID(), orderId, memberId, status, NOW,
    ]);
  }

  async function attend(community: TestCommunity, orderId: string, memberId: string, at: Date) {
    const scanId = randomUUID();
    await db.query(
      `insert into scans (id, order_id, verifier_id, member_id, scanned_at, received_at, outcome) values ($1, $2, $3, $4, $5, $5, 'checked_in')`,
      [scanId, orderId, community.secretary.id, memberId, at],
    );
    await db.query('insert into attendance (order_id, member_id, checked_in_at, check_in_scan_id) values ($1, $2, $3, $4)', [orderId, memberId, at, scanId]);
  }

  async function record(community: TestCommunity, orderId: string, memberId: string, date: string, minutes: number, status: string) {
    await db.query(
      `insert into service_records (id, order_id, member_id, certifying_org_id, content, place, service_date, started_at, ended_at,
                                    minutes_measured, minutes_credited, source, status, created_by)
       values ($1, $2, $3, $4, '志愿服务', '广场', $5::date, $6, $6, $7, $7, 'manual', $8, $9)`,
      [randomUUID(), orderId, memberId, community.communityId, date, new Date(`${date}T10:00:00+08:00`), minutes, status, community.secretary.id],
    );
  }

  /** Past orders, records this year and last, attendance with and without an accepted place, orders not ended yet, overlapping orders live and cancelled. */
  async function giveHistory(community: TestCommunity) {
    const past: string[] = [];
    for (let i = 0; i < 8; i++) past.push(await order(community, new Date(Date.UTC(2026, 9, 1 + i * 5, 1)), 2, i % 3 === 0 ? 'completed' : 'staffed'));
    const overlappingLive = await order(community, new Date('2026-11-28T10:00:00+08:00'), 2, 'staffed');
    const overlappingCancelled = await order(community, new Date('2026-11-28T08:00:00+08:00'), 2, 'cancelled');
    const later = await order(community, new Date('2026-11-28T14:00:00+08:00'), 2, 'published');
    const running = await order(community, new Date(NOW.getTime() - 3_600_000), 2, 'in_service');
    for (const [index, member] of community.members.entries()) {
      const posts = [['困难群众帮扶岗'], [], ['文明宣传岗', '困难群众帮扶岗']][next(3)];
      const skills = [['维修'], ['理发', '维修'], []][next(3)];
      const availability = [{ sat: ['morning'] }, { sat: ['afternoon'], sun: ['morning'] }, {}][next(3)];
      await db.query('update members set posts = $2, skills = $3, availability = $4 where user_id = $1', [member.id, posts, skills, JSON.stringify(availability)]);
      for (const orderId of past) {
        const fate = next(6);
        if (fate <= 2) await assign(orderId, member.id, 'accepted');
        if (fate === 3) await assign(orderId, member.id, 'declined');
        if (fate === 4) await assign(orderId, member.id, 'cancelled');
        if (fate <= 1 || (fate === 3 && next(2) === 0)) await attend(community, orderId, member.id, new Date(Date.UTC(2026, 9, 2)));
      }
      for (let r = 0; r < next(4); r++) await record(community, past[r], member.id, `2026-0${1 + next(9)}-1${r}`, 30 * (1 + next(8)), next(4) === 0 ? 'pending_approval' : 'credited');
      if (next(3) === 0) await record(community, past[7], member.id, '2025-12-20', 600, 'credited');
      if (index % 4 === 1) await assign(overlappingLive, member.id, 'accepted');
      if (index % 4 === 2) await assign(overlappingCancelled, member.id, 'accepted');
      if (index % 5 === 3) await assign(later, member.id, 'accepted');
      // Accepted and checked in on an order not ended yet: neither counts as past.
      if (index % 3 === 0) {
        await assign(running, member.id, 'accepted');
        await attend(community, running, member.id, NOW);
      }
    }
  }

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'RK', { members: 16, residents: 0 });
    other = await buildCommunity(db, 'RO', { members: 4, residents: 0 });
    await giveHistory(a);
    await giveHistory(other);
    // One who left is never recommended; two are already on the order asked about, as invited and as accepted.
    await leave(db, a.members[15].id, NOW);
    targetOrderId = await order(a, new Date(STARTS), 2, 'published', 'directed');
    await assign(targetOrderId, a.members[13].id, 'invited');
    await assign(targetOrderId, a.members[14].id, 'accepted');
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const query = (orderId: string | null) => ({ communityId: a.communityId, yearStart: '2026-01-01', now: NOW, startsAt: STARTS, endsAt: ENDS, orderId });
  const perCandidate = async (orderId: string | null) =>
    (await db.query<Record<string, unknown> & { member_id: string; on_order: boolean }>(PER_CANDIDATE_SQL, Object.values(query(orderId))))
      .filter((row) => !row.on_order)
      .map(({ on_order: _, ...row }) => row);
  // Volunteer numbers are given in the order members join: the per-candidate statement read them in that order too.
  const joinedOrder = (memberId: string) => a.members.findIndex((member) => member.id === memberId);

  it.each([['a draft', null], ['an order with members on it', 'target']])('should give every candidate the same figures for %s', async (_, which) => {
    const orderId = which === 'target' ? targetOrderId : null;
    const setBased = await recommendCandidatesRepository.candidates(db, query(orderId));
    const reference = await perCandidate(orderId);
    expect(setBased.map((row) => row.member_id)).toEqual([...reference].sort((x, y) => joinedOrder(x.member_id) - joinedOrder(y.member_id)).map((row) => row.member_id));
    const byMember = (rows: { member_id: string }[]) => Object.fromEntries(rows.map((row) => [row.member_id, row]));
    expect(byMember(setBased)).toEqual(byMember(reference));
    // The history is varied enough to tell the two apart if either figure were read wrongly.
    expect(new Set(setBased.map((row) => row.past_accepted)).size).toBeGreaterThan(2);
    expect(new Set(setBased.map((row) => row.past_attended)).size).toBeGreaterThan(2);
    expect(new Set(setBased.map((row) => row.minutes)).size).toBeGreaterThan(3);
    expect(setBased.some((row) => row.overlapping > 0)).toBe(true);
  });

  it('should rank the candidates as the per-candidate figures rank them, reasons and all', async () => {
    const draft = { orderId: targetOrderId, startsAt: STARTS, endsAt: ENDS, requiredPosts: ['困难群众帮扶岗'], requiredSkills: ['维修'], limit: 50 };
    const { items } = await ok(call(orders, 'recommend', draft, a.secretary));

    const reference = (await perCandidate(targetOrderId)).sort((x, y) => joinedOrder(x.member_id as string) - joinedOrder(y.member_id as string));
    const hours = reference.map((row) => Number(row.minutes) / 60).sort((x, y) => x - y);
    const needs = { time: orderTimeOf(new Date(STARTS)), requiredPosts: draft.requiredPosts, requiredSkills: draft.requiredSkills, gridId: null, medianHours: hours[Math.floor(hours.length / 2)] };
    const expected = reference
      .map((row) => {
        const candidate = {
          memberId: row.member_id as string, posts: row.posts as string[], skills: row.skills as string[], availability: row.availability as Record<string, string[]>,
          gridId: row.grid_id as string | null, hoursThisYear: Number(row.minutes) / 60,
          pastAccepted: row.past_accepted as number, pastAttended: row.past_attended as number, overlapping: row.overlapping as number,
        };
        return { candidate, ...scoreCandidate(candidate, needs) };
      })
      .sort((x, y) => y.score - x.score || x.candidate.hoursThisYear - y.candidate.hoursThisYear)
      .map(({ candidate, score, reasons }) => ({ memberId: candidate.memberId, score, reasons }));

    expect(items.map(({ memberId, score, reasons }: { memberId: string; score: number; reasons: string[] }) => ({ memberId, score, reasons }))).toEqual(expected);
    expect(items).toHaveLength(13);
    expect(items.map((item: { memberId: string }) => item.memberId)).not.toContain(a.members[13].id);
    expect(items.some((item: { reasons: string[] }) => item.reasons.some((reason) => reason.startsWith('守约率')))).toBe(true);
    expect(items.at(-1).reasons).toContain('该时段已有其他任务');
  });
});
