import { randomUUID } from 'node:crypto';
import { main as org } from '../../cloudfunctions/org/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import { PRESETS } from '../../cloudfunctions/_core/assessment/presets';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, inMinutes, ok } from '../support/call';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

/** The year before the current Beijing one: closed, so its figures no longer move. */
const currentYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const lastYear = currentYear - 1;

describe('服务队 and their 集中性活动', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let adminA: TestUser;
  let adminB: TestUser;
  let unitAdminA: TestUser;

  const teamCount = async () => Number((await db.query<{ n: string }>('select count(*) as n from teams'))[0].n);
  const liveMembers = async (teamId: string) =>
    (await db.query<{ member_id: string }>('select member_id from team_members where team_id = $1 and left_at is null order by member_id', [teamId])).map(
      (row) => row.member_id,
    );

  const activity = (extra: Record<string, unknown> = {}) => ({
    title: '清理楼道小广告', category: '环保绿化服务', place: '社区广场', startsAt: inMinutes(60), endsAt: inMinutes(180), capacity: 5, dispatch: 'open', ...extra,
  });

  /** Moves an order into last year, with the status it ended in (the setup of a year gone by). */
  const heldLastYear = async (orderId: string, status: string, day: string) =>
    db.query(`update orders set starts_at = $2, ends_at = $3, status = $4 where id = $1`, [orderId, `${day}T09:00:00+08:00`, `${day}T11:00:00+08:00`, status]);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'TMA', { members: 4, residents: 1 });
    b = await buildCommunity(db, 'TMB', { members: 2, residents: 1 });
    adminA = await createDistrictAdmin(db, a.districtId);
    adminB = await createDistrictAdmin(db, b.districtId);
    unitAdminA = await createUnitAdmin(db, a.unitId);
    // Community A's district chose 台山 2012 (≥ 2 集中性活动 and ≥ 1 实事 a team a year) last year; it carries over to this year.
    await db.query(
      `insert into assessment_rule_sets (id, district_id, street_id, year, version, preset, document, reason, chosen_by, chosen_at)
       values ($1, $2, null, $3, 1, 'taishan-2012', $4, '按台山2012方案考核', $5, now())`,
      [randomUUID(), a.districtId, lastYear, JSON.stringify(PRESETS['taishan-2012']), adminA.id],
    );
  });
  afterAll(async () => {
    await db.close();
  });

  describe('a community’s team, managed by its secretary', () => {
    let teamId: string;

    it('should create a team with its captain as its first member', async () => {
      const [captain] = a.members;
      const team = await ok(call(org, 'createTeam', { kind: 'service_team', name: '红色先锋服务队', description: '楼道清洁与助老', captainMemberId: captain.id }, a.secretary));
      teamId = team.id;
      expect(team).toMatchObject({
        kind: 'service_team', kindLabel: '党员义工服务队', name: '红色先锋服务队', description: '楼道清洁与助老',
        owner: { kind: 'community', id: a.communityId, name: '测试社区TMA' },
        captain: { memberId: captain.id, name: captain.name }, memberCount: 1, focusedActivityCount: 0, archived: false,
        ruleSet: { name: '台山 2012', origin: 'earlier_year', version: 1 },
      });
      expect(team.members).toEqual([expect.objectContaining({ memberId: captain.id, name: captain.name, captain: true, gridName: '第1网格' })]);
    });

    it('should refuse a second live team of the same name, naming the field', async () => {
      const error = await failed(call(org, 'createTeam', { kind: 'studio', name: '红色先锋服务队' }, a.secretary));
      expect(error.code).toBe('TEAM_NAME_TAKEN');
      expect(Object.keys(error.fields ?? {})).toEqual(['name']);
      expect(await teamCount()).toBe(1);
    });

    it('should add members of the community, keep one already on it, and refuse another community’s member writing nothing', async () => {
      const [captain, second, third] = a.members;
      const added = await ok(call(org, 'addTeamMembers', { teamId, memberIds: [second.id, third.id, captain.id] }, a.secretary));
      expect(added.memberCount).toBe(3);
      expect(added.members.map((m: { name: string }) => m.name)).toEqual([captain.name, second.name, third.name]);

      const outsider = await failed(call(org, 'addTeamMembers', { teamId, memberIds: [a.members[3].id, b.members[0].id] }, a.secretary));
      expect(outsider.code).toBe('TEAM_MEMBER_OUT_OF_SCOPE');
      expect(outsider.fields).toEqual({ memberIds: '队员须是本社区报到的党员义工' });
      expect(outsider.message).not.toContain(b.members[0].id);
      expect(await liveMembers(teamId)).toEqual([captain.id, second.id, third.id].sort());
    });

    it('should offer as candidates the community’s members not on the team, by name', async () => {
      const all = await ok(call(org, 'teamCandidates', { teamId }, a.secretary));
      expect(all.items.map((m: { memberId: string }) => m.memberId)).toEqual([a.members[3].id]);
      const none = await ok(call(org, 'teamCandidates', { teamId, query: '党员TMB' }, a.secretary));
      expect(none.items).toEqual([]);
    });

    it('should set a captain only from the team’s current members', async () => {
      const refused = await failed(call(org, 'setTeamCaptain', { teamId, memberId: a.members[3].id }, a.secretary));
      expect(refused.code).toBe('TEAM_CAPTAIN_NOT_MEMBER');
      expect(Object.keys(refused.fields ?? {})).toEqual(['memberId']);
      expect((await db.query('select captain_member_id from teams where id = $1', [teamId]))[0].captain_member_id).toBe(a.members[0].id);

      const set = await ok(call(org, 'setTeamCaptain', { teamId, memberId: a.members[1].id }, a.secretary));
      expect(set.captain).toEqual({ memberId: a.members[1].id, name: a.members[1].name });
      expect(set.members.filter((m: { captain: boolean }) => m.captain).map((m: { memberId: string }) => m.memberId)).toEqual([a.members[1].id]);
    });

    it('should take the captain off the team, leaving it without one', async () => {
      const removed = await ok(call(org, 'removeTeamMember', { teamId, memberId: a.members[1].id }, a.secretary));
      expect(removed.captain).toBeNull();
      expect(removed.memberCount).toBe(2);
      const again = await failed(call(org, 'removeTeamMember', { teamId, memberId: a.members[1].id }, a.secretary));
      expect(again.code).toBe('TEAM_NOT_A_MEMBER');
      await ok(call(org, 'addTeamMembers', { teamId, memberIds: [a.members[1].id] }, a.secretary));
      await ok(call(org, 'setTeamCaptain', { teamId, memberId: a.members[0].id }, a.secretary));
    });

    it('should refuse another community’s secretary, a member and the other district’s admin, and let its district admin in', async () => {
      for (const outsider of [b.secretary, a.members[0], adminB]) {
        expect((await failed(call(org, 'teamDetail', { teamId }, outsider))).code).toBe('FORBIDDEN');
        expect((await failed(call(org, 'addTeamMembers', { teamId, memberIds: [a.members[3].id] }, outsider))).code).toBe('FORBIDDEN');
        expect((await failed(call(org, 'renameTeam', { teamId, name: '改名' }, outsider))).code).toBe('FORBIDDEN');
      }
      expect((await failed(call(org, 'listTeams', { communityId: a.communityId }, b.secretary))).code).toBe('FORBIDDEN');
      expect((await failed(call(org, 'createTeam', { communityId: a.communityId, kind: 'skill', name: '越权' }, adminB))).code).toBe('FORBIDDEN');
      expect(await liveMembers(teamId)).not.toContain(a.members[3].id);
      expect(await teamCount()).toBe(1);

      const seen = await ok(call(org, 'listTeams', { communityId: a.communityId }, adminA));
      expect(seen.items.map((t: { name: string }) => t.name)).toEqual(['红色先锋服务队']);
    });

    it('should count its completed 集中性活动 of the year, not a cancelled one nor one nobody attended, with the standing figures', async () => {
      const completed = await ok(call(orders, 'create', activity({ focusedTeamId: teamId }), a.secretary));
      const cancelled = await ok(call(orders, 'create', activity({ focusedTeamId: teamId, title: '敬老院慰问' }), a.secretary));
      const unattended = await ok(call(orders, 'create', activity({ focusedTeamId: teamId, title: '义务理发' }), a.secretary));
      const ordinary = await ok(call(orders, 'create', activity({ title: '普通活动' }), a.secretary));
      expect(completed.focusedTeam).toEqual({ id: teamId, name: '红色先锋服务队' });
      expect(ordinary.focusedTeam).toBeNull();
      const seenByMember = await ok(call(orders, 'get', { orderId: completed.id }, a.members[0]));
      expect(seenByMember.focusedTeam).toEqual({ id: teamId, name: '红色先锋服务队' });

      await heldLastYear(completed.id, 'completed', `${lastYear}-05-10`);
      await heldLastYear(cancelled.id, 'cancelled', `${lastYear}-06-10`);
      await heldLastYear(unattended.id, 'published', `${lastYear}-07-10`);
      await heldLastYear(ordinary.id, 'completed', `${lastYear}-08-10`);
      await db.query(
        `insert into commitments (id, year, community_id, team_id, beneficiary, content, status, fulfilment, fulfilled_at, confirmed_by, confirmed_at, created_by, created_at)
         values ($1, $2, $3, $4, '社区老人', '为老人修缮楼道扶手', 'confirmed', '已修缮', $5, $6, $5, $6, $5),
                ($7, $2, $3, $4, '社区儿童', '开设四点半课堂', 'committed', null, null, null, null, $6, $5)`,
        [randomUUID(), lastYear, a.communityId, teamId, `${lastYear}-09-01T10:00:00+08:00`, a.secretary.id, randomUUID()],
      );

      const closed = await ok(call(org, 'listTeams', { year: lastYear }, a.secretary));
      expect(closed).toMatchObject({ year: lastYear, ruleSet: { name: '台山 2012', origin: 'chosen', version: 1 } });
      expect(closed.items).toHaveLength(1);
      const [team] = closed.items;
      expect(team).toMatchObject({ name: '红色先锋服务队', memberCount: 3, focusedActivityCount: 1, deedCount: 1, captain: { memberId: a.members[0].id } });
      expect(team.standing).toEqual([
        expect.objectContaining({ ruleId: 'team-focused-activities', measure: 'focused_activities', status: 'not_met', open: false, figure: 1, target: 2, left: 1, unit: '次' }),
        expect.objectContaining({ ruleId: 'team-deed', measure: 'team_deeds', status: 'met', open: false, figure: 1, target: 1, left: 0 }),
      ]);

      const detail = await ok(call(org, 'teamDetail', { teamId, year: lastYear }, a.secretary));
      expect(detail.activities.map((x: { orderId: string; counts: boolean }) => [x.orderId, x.counts])).toEqual([
        [completed.id, true],
        [cancelled.id, false],
        [unattended.id, false],
      ]);

      const now = await ok(call(org, 'listTeams', {}, a.secretary));
      expect(now.year).toBe(currentYear);
      expect(now.items[0]).toMatchObject({ focusedActivityCount: 0, deedCount: 0 });
      expect(now.items[0].standing[0]).toMatchObject({ status: 'not_met', open: true, figure: 0, target: 2, left: 2, by: `${currentYear}-12-31` });
    });

    it('should refuse to mark another community’s team, an archived team, or a need’s order, writing no order', async () => {
      const bTeam = await ok(call(org, 'createTeam', { kind: 'service_team', name: 'B社区服务队' }, b.secretary));
      const ordersBefore = Number((await db.query<{ n: string }>('select count(*) as n from orders'))[0].n);
      const other = await failed(call(orders, 'create', activity({ focusedTeamId: bTeam.id }), a.secretary));
      expect(other.code).toBe('ORDER_FOCUSED_TEAM_INVALID');
      expect(other.fields).toEqual({ focusedTeamId: '须选择本社区现有的服务队' });
      const unknown = await failed(call(orders, 'create', activity({ focusedTeamId: randomUUID() }), a.secretary));
      expect(unknown.code).toBe('ORDER_FOCUSED_TEAM_INVALID');
      const need = await failed(call(orders, 'create', activity({ focusedTeamId: teamId, demandId: randomUUID() }), a.secretary));
      expect(need.code).toBe('VALIDATION_FAILED');
      expect(need.fields?.focusedTeamId).toBe('只有社区活动可以标为服务队的集中性活动');

      const spare = await ok(call(org, 'createTeam', { kind: 'need', name: '临时组团' }, a.secretary));
      const archived = await ok(call(org, 'archiveTeam', { teamId: spare.id }, a.secretary));
      expect(archived.archived).toBe(true);
      const late = await failed(call(orders, 'create', activity({ focusedTeamId: spare.id }), a.secretary));
      expect(late.code).toBe('ORDER_FOCUSED_TEAM_INVALID');
      expect((await failed(call(org, 'addTeamMembers', { teamId: spare.id, memberIds: [a.members[0].id] }, a.secretary))).code).toBe('TEAM_ARCHIVED');
      expect(Number((await db.query<{ n: string }>('select count(*) as n from orders'))[0].n)).toBe(ordersBefore);

      const listed = await ok(call(org, 'listTeams', {}, a.secretary));
      expect(listed.items.map((t: { name: string }) => t.name)).toEqual(['红色先锋服务队']);
      const withArchived = await ok(call(org, 'listTeams', { includeArchived: true }, a.secretary));
      expect(withArchived.items.map((t: { name: string; archived: boolean }) => [t.name, t.archived])).toEqual([['红色先锋服务队', false], ['临时组团', true]]);
    });

    it('should show the member’s teams in 附件4’s 志愿服务小组 column, and the grid as the grid', async () => {
      const register = await ok(call(reports, 'communityRegister', { memberType: 'all' }, a.secretary));
      const byName = Object.fromEntries(register.items.map((row: { name: string; serviceGroup: string; gridName: string }) => [row.name, [row.serviceGroup, row.gridName]]));
      expect(byName[a.members[0].name]).toEqual(['红色先锋服务队', '第1网格']);
      expect(byName[a.members[3].name]).toEqual(['', '第2网格']);
    });
  });

  describe('a unit’s team, managed by its unit admin only', () => {
    it('should take the unit’s own members in whichever community they serve, and refuse others', async () => {
      const team = await ok(call(org, 'createTeam', { kind: 'skill', name: '法律咨询专长组', captainMemberId: a.members[2].id }, unitAdminA));
      expect(team.owner).toEqual({ kind: 'unit', id: a.unitId, name: '测试单位TMA' });
      const refused = await failed(call(org, 'addTeamMembers', { teamId: team.id, memberIds: [b.members[0].id] }, unitAdminA));
      expect(refused.code).toBe('TEAM_MEMBER_OUT_OF_SCOPE');
      expect(refused.fields).toEqual({ memberIds: '队员须是本单位的党员义工' });
      expect(await liveMembers(team.id)).toEqual([a.members[2].id]);

      expect((await failed(call(org, 'teamDetail', { teamId: team.id }, a.secretary))).code).toBe('FORBIDDEN');
      expect((await failed(call(org, 'listTeams', { unitId: b.unitId }, unitAdminA))).code).toBe('FORBIDDEN');
      expect((await failed(call(org, 'listTeams', { communityId: a.communityId }, unitAdminA))).code).toBe('FORBIDDEN');
      const list = await ok(call(org, 'listTeams', {}, unitAdminA));
      expect(list.owner).toEqual({ kind: 'unit', id: a.unitId, name: '测试单位TMA' });
      expect(list.items.map((t: { name: string; memberCount: number }) => [t.name, t.memberCount])).toEqual([['法律咨询专长组', 1]]);

      const unitTeamOrder = await failed(call(orders, 'create', activity({ focusedTeamId: team.id }), a.secretary));
      expect(unitTeamOrder.code).toBe('ORDER_FOCUSED_TEAM_INVALID');
    });
  });
});
