import type { Database } from '../../cloudfunctions/_core/db/database';
import { factsReadsOf, loadMemberFacts } from '../../cloudfunctions/_core/assessment/member-facts.repository';
import { PRESETS } from '../../cloudfunctions/_core/assessment/presets';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { addRegistration } from '../support/reports-fixtures';
import { openSuiteDatabase } from '../support/test-database';
import {
  addActivity, addExemption, addGoodDeed, addService, addSuggestion, setCommunityJoined, setMemberType,
} from '../support/assessment-fixtures';

describe('loadMemberFacts: what the assessment rules count, for one member or many (issue 13)', () => {
  let db: Database;
  let community: TestCommunity;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'MF', { members: 3, residents: 0 });
    const [a, b, c] = community.members;
    const { communityId, secretary } = community;
    const orderId = await addActivity(db, { communityId, startsAt: '2026-03-01T09:00:00+08:00', createdBy: secretary.id });
    const service = (memberId: string, serviceDate: string, minutes: number, extra: { status?: 'pending_approval' | 'awaiting_resident'; source?: 'scan' } = {}) =>
      addService(db, { orderId, memberId, communityId, serviceDate, minutes, createdBy: secretary.id, ...extra });
    // a: two credited in Q1 (one scanned, one hand-entered), one in Q3, one pending and one awaiting the resident, one of 2025
    await service(a.id, '2026-01-05', 90, { source: 'scan' });
    await service(a.id, '2026-03-31', 60);
    await service(a.id, '2026-07-01', 30);
    await service(a.id, '2026-08-01', 120, { status: 'pending_approval' });
    await service(a.id, '2026-08-02', 120, { status: 'awaiting_resident' });
    await service(a.id, '2025-12-31', 600);
    // a's suggestions: one at 23:30 Beijing on 31 March (Q1), one at 00:30 Beijing on 1 April (Q2), one withdrawn, one of 2025
    await addSuggestion(db, { memberId: a.id, communityId, submittedAt: '2026-03-31T23:30:00+08:00' });
    await addSuggestion(db, { memberId: a.id, communityId, submittedAt: '2026-03-31T16:30:00Z' });
    await addSuggestion(db, { memberId: a.id, communityId, submittedAt: '2026-05-01T10:00:00+08:00', status: 'withdrawn' });
    await addSuggestion(db, { memberId: a.id, communityId, submittedAt: '2025-12-31T10:00:00+08:00' });
    // a's good deeds: one confirmed for 2026, one only fulfilled, one confirmed for 2025
    await addGoodDeed(db, { memberId: a.id, communityId, year: 2026, fulfilledAt: '2026-05-20T10:00:00+08:00', createdBy: secretary.id });
    await addGoodDeed(db, { memberId: a.id, communityId, year: 2026, fulfilledAt: '2026-06-20T10:00:00+08:00', createdBy: secretary.id, status: 'fulfilled' });
    await addGoodDeed(db, { memberId: a.id, communityId, year: 2025, fulfilledAt: '2025-06-20T10:00:00+08:00', createdBy: secretary.id });
    await addRegistration(db, {
      userId: a.id, communityId, status: 'confirmed', submittedAt: new Date('2026-02-01T01:00:00Z'), decidedAt: new Date('2026-02-10T17:00:00Z'), decidedBy: secretary.id,
    });
    // b: an activist since 2025-10-01 with hours in 2025 and 2026, exempted for 2026 (and a revoked exemption of 2025)
    await setMemberType(db, b.id, 'activist', { activistSince: '2025-10-01' });
    await service(b.id, '2025-09-30', 600);
    await service(b.id, '2025-11-11', 300);
    await service(b.id, '2025-11-11', 60);
    await service(b.id, '2026-02-02', 120);
    await addExemption(db, { memberId: b.id, year: 2026, recordedBy: secretary.id });
    await addExemption(db, { memberId: b.id, year: 2025, recordedBy: secretary.id, revoked: true });
    // c: an in-service member without a 报到, in the community since 2026-07-01 (Beijing)
    await setCommunityJoined(db, c.id, '2026-06-30T16:00:00Z');
  });
  afterAll(async () => {
    await db.close();
  });

  it('reads each member’s tallies per quarter (each service dated for an activist), 报到, dates and exemption exactly', async () => {
    const rows = await loadMemberFacts(db, { communityId: community.communityId }, 2026);
    const [a, b, c] = community.members.map((member) => rows.find((row) => row.memberId === member.id)!);
    expect(rows).toHaveLength(3);
    expect(a).toMatchObject({ name: community.members[0].name, memberType: 'in_service', communityName: '测试社区MF', gridName: '第1网格', unitName: '测试单位MF' });
    expect(a.facts).toEqual({
      memberType: 'in_service',
      services: [{ day: '2026-01-01', count: 2, minutes: 150 }, { day: '2026-07-01', count: 1, minutes: 30 }],
      suggestions: [{ day: '2026-01-01', count: 1 }, { day: '2026-04-01', count: 1 }],
      goodDeeds: [{ day: '2026-04-01', count: 1 }],
      reported: true,
      activistSince: null,
      joinedOn: null,
      communityJoinedOn: '2026-02-11',
      exemption: null,
    });
    expect(b.facts).toMatchObject({
      memberType: 'activist',
      services: [{ day: '2025-11-11', count: 1, minutes: 60 }, { day: '2025-11-11', count: 1, minutes: 300 }, { day: '2026-02-02', count: 1, minutes: 120 }],
      activistSince: '2025-10-01',
      reported: true,
      exemption: { reason: '身体原因不宜参加服务', approvedBy: '台城街道党工委' },
    });
    expect(c.facts).toMatchObject({ services: [], suggestions: [], goodDeeds: [], reported: false, communityJoinedOn: '2026-07-01', exemption: null });
  });

  it('reads named members and a unit’s members the same way; a member who left is not on the community’s list', async () => {
    const [a, b] = community.members;
    const named = await loadMemberFacts(db, { memberIds: [b.id] }, 2026);
    expect(named.map((row) => row.memberId)).toEqual([b.id]);
    expect(named[0].facts.services).toHaveLength(3);
    const unit = await loadMemberFacts(db, { unitId: community.unitId }, 2026);
    expect(unit.map((row) => row.memberId).sort()).toEqual(community.members.map((member) => member.id).sort());
    const other = await buildCommunity(db, 'MF-left', { members: 2, residents: 0 });
    await db.query('update users set phone = null, left_at = now() where id = $1', [other.members[0].id]);
    expect((await loadMemberFacts(db, { communityId: other.communityId }, 2026)).map((row) => row.memberId)).toEqual([other.members[1].id]);
    expect(await loadMemberFacts(db, { memberIds: [] }, 2026)).toEqual([]);
    expect(a).toBeDefined();
  });

  it('leaves out the suggestions and good deeds no rule counts, and reads the rest the same', async () => {
    expect(factsReadsOf([PRESETS['taishan-2020']])).toEqual({ suggestions: false, goodDeeds: false });
    expect(factsReadsOf([PRESETS['jiangsu-2014']])).toEqual({ suggestions: true, goodDeeds: false });
    expect(factsReadsOf([PRESETS['taishan-2020'], PRESETS['taishan-2012']])).toEqual({ suggestions: false, goodDeeds: true });
    const scope = { communityId: community.communityId };
    const all = await loadMemberFacts(db, scope, 2026);
    const statements: string[] = [];
    const some = await loadMemberFacts({ query: (sql, params) => { statements.push(sql); return db.query(sql, params); } }, scope, 2026, { suggestions: false, goodDeeds: true });
    expect(statements[0]).not.toContain('suggestions');
    const a = community.members[0].id;
    const [before, after] = [all, some].map((rows) => rows.find((row) => row.memberId === a)!.facts);
    expect(before.suggestions).toHaveLength(2);
    expect(after).toEqual({ ...before, suggestions: [] });
    expect(some.map((row) => row.memberId).sort()).toEqual(all.map((row) => row.memberId).sort());
  });

  it('sends the same two statements for 1 member as for 50 (the facts, and the names they refer to)', async () => {
    const one = await buildCommunity(db, 'MF1', { members: 1, residents: 0 });
    const fifty = await buildCommunity(db, 'MF50', { members: 50, residents: 0 });
    for (const [index, member] of fifty.members.entries()) {
      const orderId = await addActivity(db, { communityId: fifty.communityId, startsAt: '2026-03-01T09:00:00+08:00', createdBy: fifty.secretary.id });
      await addService(db, { orderId, memberId: member.id, communityId: fifty.communityId, serviceDate: `2026-0${(index % 9) + 1}-10`, minutes: 60, createdBy: fifty.secretary.id });
      if (index % 5 === 0) await addSuggestion(db, { memberId: member.id, communityId: fifty.communityId, submittedAt: '2026-04-02T10:00:00+08:00' });
    }
    const counted = async (communityId: string) => {
      let sent = 0;
      const rows = await loadMemberFacts({ query: (sql, params) => { sent += 1; return db.query(sql, params); } }, { communityId }, 2026);
      return { sent, rows };
    };
    const { sent: forOne } = await counted(one.communityId);
    const { sent: forFifty, rows } = await counted(fifty.communityId);
    expect(forFifty).toBe(forOne);
    expect(forOne).toBe(2);
    expect(rows).toHaveLength(50);
    expect(rows.reduce((sum, row) => sum + row.facts.services.reduce((n, s) => n + (s.count ?? 1), 0), 0)).toBe(50);
    expect(rows.reduce((sum, row) => sum + row.facts.suggestions.length, 0)).toBe(10);
  });
});
