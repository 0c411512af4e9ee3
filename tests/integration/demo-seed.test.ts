import { main as assessment } from '../../cloudfunctions/assessment/index';
import { main as auth } from '../../cloudfunctions/auth/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as incentives } from '../../cloudfunctions/incentives/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as org } from '../../cloudfunctions/org/index';
import { main as records } from '../../cloudfunctions/records/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { hasData, seedDemoData, type DemoAccount } from '../../gateway/demo-seed';
import { call, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import type { TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';
import { ledgerProblems } from '../support/ledger-check';
import { tallyMismatches } from '../support/tally-check';

describe('the demo seed of the local gateway', () => {
  let db: Database;
  let accounts: DemoAccount[];
  const now = new Date('2026-11-23T02:00:00Z'); // 10:00 in Shanghai
  const clock = useWallClock(now);

  beforeAll(async () => {
    db = await openSuiteDatabase();
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });
  afterEach(async () => expect(await ledgerProblems(db)).toEqual([]));

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params))[0].n);

  /** Logs in through the auth cloud function, as the H5 app does. */
  async function logIn(account: DemoAccount): Promise<TestUser> {
    const session = await ok(call(auth, 'login', { phone: account.phone, password: 'demo1234' }));
    return { id: session.profile.userId, name: account.name, phone: account.phone, password: account.password, token: session.token };
  }
  const accountOf = (role: DemoAccount['role']) => accounts.find((account) => account.role === role)!;

  it('should fill an empty database with the demo world in one go', async () => {
    expect(await hasData(db)).toBe(false);
    const started = performance.now();
    accounts = await seedDemoData(db, { now: new Date(), passwordCost: 1024 });
    const seconds = (performance.now() - started) / 1000;
    expect(await hasData(db)).toBe(true);

    const kinds = Object.fromEntries(
      (await db.query<{ kind: string; n: string }>('select kind, count(*) as n from organisations group by kind')).map((row) => [row.kind, Number(row.n)]),
    );
    expect(kinds).toEqual({ district: 1, street: 2, community: 4, grid: 12 });
    const members = await count('select count(*) as n from members');
    expect(members).toBeGreaterThanOrEqual(55);
    expect(members).toBeLessThanOrEqual(65);
    const residents = await count('select count(*) as n from residents');
    expect(residents).toBeGreaterThanOrEqual(12);
    expect(await count("select count(*) as n from user_roles where role = 'secretary'")).toBe(4);
    expect(await count('select count(*) as n from units')).toBe(2);
    expect(await count('select count(*) as n from unit_community_pairings')).toBe(4);

    const mismatched = await db.query(
      `select o.id, o.accepted_count, count(a.id) filter (where a.status = 'accepted') as accepted
         from orders o left join assignments a on a.order_id = o.id
        group by o.id having o.accepted_count <> count(a.id) filter (where a.status = 'accepted')`,
    );
    expect(mismatched).toEqual([]);
    expect(await tallyMismatches(db)).toEqual([]);
    expect(await count("select count(*) as n from orders where (status = 'staffed') <> (accepted_count = capacity and status <> 'completed')")).toBe(0);
    // Only the two days over 8 hours left for the secretary to approve or cut.
    expect(await count("select count(*) as n from service_records where status <> 'credited'")).toBe(2);
    expect(await count("select count(*) as n from service_records where status = 'pending_approval'")).toBe(2);
    expect(await count('select count(*) as n from checkin_code_uses')).toBe(0);
    expect(await count('select count(*) as n from member_devices')).toBe(0);

    // Yearly hours differ: some members above the 25 h rule, many below, a few near nothing.
    const hours = (
      await db.query<{ hours: string }>(
        `select coalesce(sum(r.minutes_credited), 0) / 60.0 as hours from members m
           left join service_records r on r.member_id = m.user_id and r.service_date >= '2026-01-01'
          group by m.user_id order by 1`,
      )
    ).map((row) => Number(row.hours));
    expect(hours.filter((h) => h >= 25).length).toBeGreaterThanOrEqual(4);
    expect(hours.filter((h) => h < 25).length).toBeGreaterThan(members / 2);
    expect(hours.filter((h) => h < 3).length).toBeGreaterThanOrEqual(2);

    const tally = await db.query<{ t: string; n: string }>(
      `select 'orders ' || kind || ' ' || status as t, count(*) as n from orders group by 1
       union all select 'demands ' || status, count(*) from demands group by 1
       union all select 'assignments ' || status, count(*) from assignments group by 1
       union all select 'scans', count(*) from scans
       union all select 'attendance', count(*) from attendance
       union all select 'service_records', count(*) from service_records
       union all select 'evaluations ' || kind || ' ' || rating, count(*) from evaluations group by 1
       order by 1`,
    );
    console.log(
      [
        `demo seed: ${seconds.toFixed(2)} s; ${members} members, ${residents} residents`,
        ...tally.map((row) => `  ${row.t}: ${row.n}`),
        `  member hours in 2026: min ${hours[0].toFixed(1)}, median ${hours[Math.floor(hours.length / 2)].toFixed(1)}, max ${hours.at(-1)!.toFixed(1)}, ≥ 25 h: ${hours.filter((h) => h >= 25).length}, < 3 h: ${hours.filter((h) => h < 3).length}`,
        ...accounts.map((account) => `  ${account.role} ${account.name} ${account.phone}: ${account.note}`),
      ].join('\n'),
    );
  });

  it('should give every demo account its own salt, though they share the published password', async () => {
    const users = await db.query<{ password_hash: string }>('select password_hash from users');
    expect(users.length).toBeGreaterThanOrEqual(80);
    const salts = users.map((user) => user.password_hash.split('$')[2]);
    expect(new Set(salts).size).toBe(users.length);
    expect(new Set(users.map((user) => user.password_hash)).size).toBe(users.length);
  });

  it('should leave nothing behind when a seed fails half way', async () => {
    const before = await count('select (select count(*) from organisations) + (select count(*) from users) as n');
    // The same phones again: the users insert fails after the new district and streets were written.
    await expect(seedDemoData(db, { now: new Date(), passwordCost: 1024 })).rejects.toThrow();
    expect(await count('select (select count(*) from organisations) + (select count(*) from users) as n')).toBe(before);
  });

  it('should return one account per role, the first community first, each able to log in', async () => {
    expect(accounts.map((account) => account.role)).toEqual(['secretary', 'member', 'resident', 'district_admin', 'unit_admin']);
    for (const account of accounts) {
      expect(account.password).toBe('demo1234');
      expect(account.phone).toMatch(/^1990000\d{4}$/);
      expect(account.note.length).toBeGreaterThan(0);
      const session = await ok(call(auth, 'login', { phone: account.phone, password: 'demo1234' }));
      expect(session.profile.roles.map((role: { role: string }) => role.role)).toContain(account.role);
    }
  });

  it('should give the demo member an order starting now and hours this year', async () => {
    const member = await logIn(accountOf('member'));
    const upcoming = await ok(call(orders, 'listMine', { phase: 'upcoming' }, member));
    expect(upcoming.items.length).toBeGreaterThan(0);
    const soon = upcoming.items.find((item: { startsAt: string }) => new Date(item.startsAt).getTime() - now.getTime() === 5 * 60_000);
    expect(soon).toMatchObject({ status: 'published', myAssignment: { status: 'accepted', phase: 'upcoming' } });

    const hours = await ok(call(records, 'myHours', {}, member));
    expect(hours.creditedHours).toBeGreaterThan(0);
    expect(hours.records[0]).toMatchObject({ source: 'scan', certifiedBy: '幸福社区' });

    const hall = await ok(call(orders, 'listOpen', {}, member));
    expect(hall.items.some((item: { myAssignment: { status: string } | null }) => item.myAssignment?.status === 'invited')).toBe(true);
  });

  it('should leave needs in the secretary’s pool and a rated need with the demo resident', async () => {
    const secretary = await logIn(accountOf('secretary'));
    const pool = await ok(call(demands, 'listForCommunity', { status: 'submitted' }, secretary));
    expect(pool.items.length).toBeGreaterThan(0);
    // 时长管理 has work waiting: yesterday's forgotten check-out and a dispute.
    expect(await ok(call(records, 'queues', {}, secretary))).toMatchObject({ pendingApproval: 2, missingCheckouts: 1, overdueMissingCheckouts: 0, openDisputes: 1 });

    const resident = await logIn(accountOf('resident'));
    const mine = await ok(call(demands, 'listMine', {}, resident));
    expect(mine.items.some((item: { rating: { rating: string } | null }) => item.rating?.rating === 'satisfied')).toBe(true);
  });

  it('should give every member a profile and a confirmed 报到, and the demo unit slips in each state', async () => {
    expect(await count('select count(*) as n from members m left join member_profiles p on p.user_id = m.user_id where p.user_id is null')).toBe(0);
    expect(await count(`select count(*) as n from members m where not exists (
      select 1 from registrations r where r.user_id = m.user_id and r.status = 'confirmed' and r.community_id = m.community_id)`)).toBe(0);
    expect(await count('select count(*) as n from member_community_history where registration_id is null')).toBe(0);
    expect(await count("select count(*) as n from member_profiles where ethnicity = '汉族'")).toBeGreaterThan((await count('select count(*) as n from members')) / 2);

    const secretary = await logIn(accountOf('secretary'));
    const pending = await ok(call(registration, 'listPending', {}, secretary));
    expect(pending.items).toEqual([expect.objectContaining({ name: '林晓', status: 'pending', slipCode: expect.stringMatching(/^[A-Z2-9]{8}$/) })]);
    expect(pending.items[0].form.phone).toBe('199****3001');

    const unitAdmin = await logIn(accountOf('unit_admin'));
    const slips = await ok(call(registration, 'listSlips', {}, unitAdmin));
    const results = slips.items.map((slip: { result: string }) => slip.result).sort();
    expect(results).toEqual(['awaiting', 'awaiting', 'pending', 'reported', 'reported']);
    expect(slips.items.find((slip: { notReportedReason: string | null }) => slip.notReportedReason)).toMatchObject({ memberName: '宋佳', result: 'awaiting', overdue: false });
    expect(slips.items.find((slip: { memberName: string }) => slip.memberName === '何伟')).toMatchObject({ code: 'HOME2468', result: 'awaiting', overdue: true });
    expect(slips.items.find((slip: { result: string }) => slip.result === 'reported').claimedPosts.length).toBeGreaterThan(0);
  });

  it('should choose 台山 2020 for this year as the district\'s first version, and exempt one member who is not the demo member', async () => {
    const admin = await logIn(accountOf('district_admin'));
    const year = 2026;
    expect(await ok(call(assessment, 'ruleSet', { year }, admin))).toMatchObject({ origin: 'chosen', version: 1, preset: 'taishan-2020', chosenBy: '演示区管理员' });
    const history = await ok(call(assessment, 'ruleSetHistory', { year }, admin));
    expect(history.versions).toEqual([expect.objectContaining({ version: 1, reason: expect.stringContaining('台山 2020'), changes: [expect.objectContaining({ kind: 'chosen' })] })]);
    const { exemptions } = await ok(call(assessment, 'listExemptions', { year }, admin));
    expect(exemptions).toEqual([expect.objectContaining({ live: true, approvedBy: '示例街道党工委' })]);
    expect(exemptions[0].memberName).not.toBe(accountOf('member').name);
  });

  it('should show the demo member the district\'s own incentive rules: 昆山-style points, the 民政部 stars, 南京\'s cap', async () => {
    const rules = await ok(call(incentives, 'incentiveRules', {}, await logIn(accountOf('member'))));
    expect(rules).toMatchObject({ version: 1, savedByName: '演示区管理员', points: { perHour: 10, categoryPercent: { 医疗卫生服务: 120 } }, stars: { preset: 'mca-2012' }, bank: { capMinutes: 1500 * 60 } });
    expect(rules.texts.bank).toContain('个人存储上限1500小时，超出部分转入社区时间银行');
  });

  it('should open the demo member\'s home with points, a star standing and banked hours, settled in the seed', async () => {
    const member = await logIn(accountOf('member'));
    const [{ n: queuedInFirst }] = await db.query<{ n: string }>(
      `select count(*) as n from ledger_settlement_queue q join members m on m.user_id = q.member_id
        where m.community_id = (select community_id from members where user_id = $1)`,
      [member.id],
    );
    expect(Number(queuedInFirst)).toBe(0);
    const mine = await ok(call(incentives, 'myIncentives', {}, member));
    expect(mine.points).toBeGreaterThan(0);
    expect(mine.bank.minutes).toBeGreaterThan(0);
    expect(mine.stars.next).toMatchObject({ label: expect.stringMatching(/星$/) });
    const { lines } = await ok(call(incentives, 'myPoints', {}, member));
    expect(lines.length).toBeGreaterThan(0);
  });

  it('should open the demo member\'s 存折 with a gift to a linked relative, and the community bank with donations and a grant', async () => {
    const member = await logIn(accountOf('member'));
    const bank = await ok(call(incentives, 'myTimeBank', {}, member));
    expect(bank.balanceMinutes).toBeGreaterThan(0);
    expect(bank.familyGifts).toBe(true);
    expect(bank.lines.map((line: { summary: string }) => line.summary)).toContainEqual(expect.stringMatching(/^转赠给 母亲 /));
    const { links } = await ok(call(incentives, 'familyLinks', {}, member));
    expect(links).toEqual([expect.objectContaining({ side: 'mine', relation: '母亲', status: 'linked' })]);
    const community = await ok(call(incentives, 'communityBank', {}, await logIn(accountOf('secretary'))));
    expect(community.balanceMinutes).toBeGreaterThan(0);
    expect(community.lines.map((line: { summary: string }) => line.summary)).toEqual(expect.arrayContaining([expect.stringMatching(/ 捐赠$/), expect.stringMatching(/^发放给 .+：独居老人/)]));
  });

  it('should open the first community\'s 爱心超市 with goods the demo member can redeem, and one redemption waiting for pick-up', async () => {
    const member = await logIn(accountOf('member'));
    const shop = await ok(call(incentives, 'shopGoods', {}, member));
    expect(shop.goods.map((good: { name: string }) => good.name)).toEqual(expect.arrayContaining(['洗衣液', '大米 5kg', '理发券', '毛巾']));
    expect(shop.goods.some((good: { pricePoints: number; stock: number }) => good.stock > 0 && good.pricePoints <= shop.points)).toBe(true);
    const { waiting } = await ok(call(incentives, 'pickUps', {}, await logIn(accountOf('secretary'))));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ goodName: '毛巾', status: 'waiting' });
  });

  it('should give the first community a 服务队 with a captain, the demo member on it, and one completed 集中性活动 this year', async () => {
    const secretary = await logIn(accountOf('secretary'));
    const { items } = await ok(call(org, 'listTeams', {}, secretary));
    expect(items).toEqual([expect.objectContaining({ name: '红色先锋服务队', captain: expect.objectContaining({ name: expect.any(String) }), focusedActivityCount: 1 })]);
    const team = await ok(call(org, 'teamDetail', { teamId: items[0].id }, secretary));
    expect(team.members.length).toBeGreaterThanOrEqual(3);
    expect(team.members.map((member: { name: string }) => member.name)).toContain(accountOf('member').name);
    expect(team.activities).toEqual([expect.objectContaining({ status: 'completed', counts: true })]);
  });
});
