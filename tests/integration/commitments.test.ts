import { randomUUID } from 'node:crypto';
import { main as assessment } from '../../cloudfunctions/assessment/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, ok, refusedUnchanged } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

describe('承诺、实事好事: committed, reported, confirmed or sent back, and who may do each', () => {
  let db: Database;
  let home: TestCommunity;
  let other: TestCommunity;
  let teamId: string;
  let archivedTeamId: string;
  let unitTeamId: string;
  const clock = useWallClock(new Date('2026-11-23T01:00:00Z'));

  async function insertTeam(values: { name: string; captain: TestUser; communityId?: string; unitId?: string; archived?: boolean }) {
    const id = randomUUID();
    await db.query(
      `insert into teams (id, community_id, unit_id, kind, name, captain_member_id, created_by, created_at, archived_at)
       values ($1, $2, $3, 'service_team', $4, $5, $6, now(), $7)`,
      [id, values.communityId ?? null, values.unitId ?? null, values.name, values.captain.id, home.secretary.id, values.archived ? new Date() : null],
    );
    return id;
  }

  beforeAll(async () => {
    db = await openSuiteDatabase();
    home = await buildCommunity(db, 'C', { members: 3, residents: 1 });
    other = await buildCommunity(db, 'D', { members: 1, residents: 0 });
    teamId = await insertTeam({ name: '红马甲服务队', captain: home.members[0], communityId: home.communityId });
    archivedTeamId = await insertTeam({ name: '旧服务队', captain: home.members[0], communityId: home.communityId, archived: true });
    unitTeamId = await insertTeam({ name: '单位志愿服务队', captain: home.members[2], unitId: home.unitId });
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  /** Every commitment as stored, to show a refused call changed nothing. */
  const stored = () => db.query('select * from commitments order by id');

  const expectRefused = (act: () => ReturnType<typeof call>, code: string) => refusedUnchanged(stored, act, code);

  const deed = { beneficiary: '独居老人李阿姨', content: '每月上门陪伴一次，帮忙打扫卫生' };

  it('should carry a member’s 好事 from committed to confirmed, through a sending back', async () => {
    const member = home.members[1];
    const committed = await ok(call(assessment, 'commit', deed, member));
    expect(committed).toMatchObject({
      year: 2026, kind: 'member', member: { id: member.id, name: member.name }, team: null, ...deed,
      status: 'committed', fulfilment: null, returnReason: null, confirmedAt: null, communityName: '测试社区C',
    });
    await expectRefused(() => call(assessment, 'confirmCommitment', { commitmentId: committed.id }, home.secretary), 'COMMITMENT_NOT_REPORTED');

    const reported = await ok(call(assessment, 'reportFulfilment', { commitmentId: committed.id, fulfilment: '已上门三次，打扫了厨房' }, member));
    expect(reported).toMatchObject({ status: 'fulfilled', fulfilment: '已上门三次，打扫了厨房', fulfilledAt: new Date().toISOString() });
    await expectRefused(() => call(assessment, 'reportFulfilment', { commitmentId: committed.id, fulfilment: '再报一次' }, member), 'COMMITMENT_NOT_OPEN');

    const waiting = await ok(call(assessment, 'listCommitments', {}, home.secretary));
    expect(waiting).toMatchObject({ total: 1, waiting: 1 });
    const returned = await ok(call(assessment, 'returnCommitment', { commitmentId: committed.id, reason: '请写明每次上门的日期' }, home.secretary));
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请写明每次上门的日期', confirmedAt: null });
    expect((await ok(call(assessment, 'myCommitments', {}, member))).items[0]).toMatchObject({
      id: committed.id, status: 'returned', returnReason: '请写明每次上门的日期',
    });
    await expectRefused(() => call(assessment, 'confirmCommitment', { commitmentId: committed.id }, home.secretary), 'COMMITMENT_NOT_REPORTED');

    const again = await ok(call(assessment, 'reportFulfilment', { commitmentId: committed.id, fulfilment: '10月5日、10月19日、11月2日上门打扫' }, member));
    expect(again).toMatchObject({ status: 'fulfilled', returnReason: '请写明每次上门的日期' });
    const confirmed = await ok(call(assessment, 'confirmCommitment', { commitmentId: committed.id }, home.secretary));
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedAt: new Date().toISOString() });
    const [row] = await db.query('select status, confirmed_by, year from commitments where id = $1', [committed.id]);
    expect(row).toEqual({ status: 'confirmed', confirmed_by: home.secretary.id, year: 2026 });

    await expectRefused(() => call(assessment, 'reportFulfilment', { commitmentId: committed.id, fulfilment: '确认后再改' }, member), 'COMMITMENT_NOT_OPEN');
    await expectRefused(() => call(assessment, 'returnCommitment', { commitmentId: committed.id, reason: '确认后退回' }, home.secretary), 'COMMITMENT_NOT_REPORTED');
    expect(await ok(call(assessment, 'listCommitments', {}, home.secretary))).toMatchObject({ waiting: 0 });
  });

  it('should take a commitment for this year or the next only, never a closed year', async () => {
    const member = home.members[1];
    await expectRefused(() => call(assessment, 'commit', { ...deed, year: 2025 }, member), 'COMMITMENT_YEAR_NOT_OPEN');
    await expectRefused(() => call(assessment, 'commit', { ...deed, year: 2028 }, member), 'COMMITMENT_YEAR_NOT_OPEN');
    expect(await ok(call(assessment, 'commit', { ...deed, year: 2027 }, member))).toMatchObject({ year: 2027, status: 'committed' });
    expect((await ok(call(assessment, 'myCommitments', { year: 2027 }, member))).items).toHaveLength(1);
    expect(await ok(call(assessment, 'myCommitments', {}, member))).toMatchObject({ currentYear: 2026 });
  });

  it('should refuse bad input naming the field, writing nothing', async () => {
    const member = home.members[1];
    const empty = await expectRefused(() => call(assessment, 'commit', { beneficiary: '  ', content: '好' }, member), 'VALIDATION_FAILED');
    expect(empty.fields).toEqual({ beneficiary: '帮扶对象不能为空', content: '承诺内容至少需要2个字' });
    const [mine] = (await ok(call(assessment, 'myCommitments', { year: 2027 }, member))).items;
    const report = await expectRefused(() => call(assessment, 'reportFulfilment', { commitmentId: mine.id, fulfilment: '' }, member), 'VALIDATION_FAILED');
    expect(report.fields).toEqual({ fulfilment: '完成情况至少需要2个字' });
  });

  it('should let only the captain or the community’s secretary commit and report a team’s 实事', async () => {
    const [captain, notCaptain] = home.members;
    const teamDeed = { teamId, beneficiary: '幸福里小区困难户', content: '为困难户修缮屋顶' };
    await expectRefused(() => call(assessment, 'commit', teamDeed, notCaptain), 'COMMITMENT_NOT_CAPTAIN');
    await expectRefused(() => call(assessment, 'commit', teamDeed, other.secretary), 'COMMITMENT_NOT_CAPTAIN');
    await expectRefused(() => call(assessment, 'commit', { ...teamDeed, teamId: archivedTeamId }, captain), 'COMMITMENT_TEAM_NOT_FOUND');
    await expectRefused(() => call(assessment, 'commit', { ...teamDeed, teamId: randomUUID() }, captain), 'COMMITMENT_TEAM_NOT_FOUND');

    const byCaptain = await ok(call(assessment, 'commit', teamDeed, captain));
    expect(byCaptain).toMatchObject({ kind: 'team', team: { id: teamId, name: '红马甲服务队' }, member: null, status: 'committed' });
    const bySecretary = await ok(call(assessment, 'commit', { ...teamDeed, content: '组织一次义诊' }, home.secretary));
    expect(bySecretary).toMatchObject({ kind: 'team', communityName: '测试社区C' });

    const mine = await ok(call(assessment, 'myCommitments', {}, captain));
    expect(mine.captainOf).toEqual([{ id: teamId, name: '红马甲服务队' }]);
    expect(mine.items.map((item: { id: string }) => item.id).sort()).toEqual([byCaptain.id, bySecretary.id].sort());
    expect((await ok(call(assessment, 'myCommitments', {}, notCaptain))).captainOf).toEqual([]);

    await expectRefused(() => call(assessment, 'reportFulfilment', { commitmentId: byCaptain.id, fulfilment: '已修好' }, notCaptain), 'COMMITMENT_NOT_CAPTAIN');
    expect(await ok(call(assessment, 'reportFulfilment', { commitmentId: byCaptain.id, fulfilment: '屋顶已修好' }, captain))).toMatchObject({ status: 'fulfilled' });
    expect(await ok(call(assessment, 'reportFulfilment', { commitmentId: bySecretary.id, fulfilment: '义诊30人次' }, home.secretary))).toMatchObject({ status: 'fulfilled' });
    const list = await ok(call(assessment, 'listCommitments', { status: 'fulfilled' }, home.secretary));
    expect(list).toMatchObject({ total: 2, waiting: 2 });
  });

  it('should send a unit team’s 实事 to its captain’s community', async () => {
    const unitDeed = await ok(call(assessment, 'commit', { teamId: unitTeamId, beneficiary: '结对帮扶户', content: '捐赠学习用品' }, home.members[2]));
    const [row] = await db.query('select community_id, team_id, member_id from commitments where id = $1', [unitDeed.id]);
    expect(row).toEqual({ community_id: home.communityId, team_id: unitTeamId, member_id: null });
    await expectRefused(
      () => call(assessment, 'commit', { teamId: unitTeamId, beneficiary: '结对帮扶户', content: '捐赠学习用品' }, home.secretary),
      'COMMITMENT_NOT_CAPTAIN',
    );
  });

  it('should refuse another member’s report, another community’s secretary and a member who would confirm', async () => {
    const committed = await ok(call(assessment, 'commit', deed, home.members[2]));
    await expectRefused(() => call(assessment, 'reportFulfilment', { commitmentId: committed.id, fulfilment: '替别人填报' }, home.members[1]), 'FORBIDDEN');
    await ok(call(assessment, 'reportFulfilment', { commitmentId: committed.id, fulfilment: '已完成' }, home.members[2]));
    await expectRefused(() => call(assessment, 'confirmCommitment', { commitmentId: committed.id }, other.secretary), 'FORBIDDEN');
    await expectRefused(() => call(assessment, 'confirmCommitment', { commitmentId: committed.id }, home.members[2]), 'FORBIDDEN');
    await expectRefused(() => call(assessment, 'returnCommitment', { commitmentId: committed.id, reason: '不算' }, other.secretary), 'FORBIDDEN');
    await expectRefused(() => call(assessment, 'listCommitments', { communityId: home.communityId }, other.secretary), 'FORBIDDEN');
    await expectRefused(() => call(assessment, 'listCommitments', {}, home.members[0]), 'FORBIDDEN');
    await expectRefused(() => call(assessment, 'commit', deed, home.residents[0]), 'FORBIDDEN');
    await expectRefused(() => call(assessment, 'confirmCommitment', { commitmentId: randomUUID() }, home.secretary), 'COMMITMENT_NOT_FOUND');
    expect(await ok(call(assessment, 'listCommitments', {}, other.secretary))).toEqual({ items: [], total: 0, waiting: 0 });
  });

  it('should list what waits for the secretary first', async () => {
    const list = await ok(call(assessment, 'listCommitments', {}, home.secretary));
    const rank: Record<string, number> = { fulfilled: 0, returned: 1, committed: 2, confirmed: 3 };
    const ranks = list.items.map((item: { status: string }) => rank[item.status]);
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
    expect(list.waiting).toBe(3);
    expect(list.items[0].status).toBe('fulfilled');
    expect(list.items.at(-1).status).toBe('confirmed');
  });
});
