import { randomUUID } from 'node:crypto';
import { main as assessment } from '../../cloudfunctions/assessment/index';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as incentives } from '../../cloudfunctions/incentives/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as records } from '../../cloudfunctions/records/index';
import { appendToChain, makeCheckinCode, type DeviceSecret } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { DEFAULT_RULES, type IncentiveRulesDocument } from '../../cloudfunctions/_core/incentives/rules';
import { settleQueued } from '../../cloudfunctions/_core/incentives/settlement';
import { balanceOf, organisationAccount, passbook, post, userAccount } from '../../cloudfunctions/_core/ledger';
import { call, failed, inMinutes, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildTwoDistricts, sessionTokenFor, type TestCommunity, type TestUser } from '../support/fixtures';
import { ledgerProblems } from '../support/ledger-check';
import { openSuiteDatabase } from '../support/test-database';

/** 09:00 in Shanghai; each test runs on a day of its own. */
const START = new Date('2026-11-02T01:00:00Z');
const DAY = 86_400_000;

/** District 1 (communities a and b): 10 分/小时, 医疗卫生服务 ×1.2, bonuses, hand entries earn. */
const RULE_ONE: IncentiveRulesDocument = {
  ...DEFAULT_RULES,
  points: { ...DEFAULT_RULES.points, preset: null, categoryPercent: { 医疗卫生服务: 120 }, handEnteredEarns: true, satisfiedBonus: 5, excellentBonus: 3, concentratedBonus: 2, adoptedSuggestion: 4 },
};
/** District 2 (community other): the default points (hand entries earn nothing) and a cap of one hour on an account. */
const RULE_TWO: IncentiveRulesDocument = { ...DEFAULT_RULES, bank: { ...DEFAULT_RULES.bank, preset: null, capMinutes: 60 } };

describe('积分 and 时间银行 deposits follow the service record', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let other: TestCommunity;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  const devices = new Map<string, DeviceSecret>();
  const clock = useWallClock(START);
  let day = 0;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    ({ a, b, other, districtAdmin, otherDistrictAdmin } = await buildTwoDistricts(db, ['PA', 'PB', 'PO'], { a: { members: 10, residents: 1 }, other: { members: 2, residents: 0 } }));
    await ok(call(incentives, 'saveIncentiveRules', { ...RULE_ONE, expectedVersion: 0, note: '测试规则' }, districtAdmin));
    await ok(call(incentives, 'saveIncentiveRules', { ...RULE_TWO, expectedVersion: 0, note: '测试上限' }, otherDistrictAdmin));
  });
  beforeEach(async () => {
    clock.set(new Date(START.getTime() + day++ * DAY));
    for (const who of [a.secretary, b.secretary, other.secretary, ...a.members, ...other.members, ...a.residents, districtAdmin, otherDistrictAdmin]) {
      who.token = await sessionTokenFor(db, who.id, new Date(), 24 * 14);
    }
  });
  afterEach(async () => expect(await ledgerProblems(db)).toEqual([]));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const deviceOf = async (member: TestUser) => {
    if (!devices.has(member.id)) devices.set(member.id, await ok(call(checkin, 'issueDeviceSecret', {}, member)));
    return devices.get(member.id)!;
  };
  const scan = async (community: TestCommunity, orderId: string, member: TestUser, intent: 'auto' | 'out' = 'auto') =>
    ok(call(checkin, 'scan', { scanId: randomUUID(), orderId, code: makeCheckinCode(await deviceOf(member), new Date()), intent }, community.secretary));

  /** An order starting in 10 minutes that `member` accepted, scanned in now and out `minutes` later. */
  async function scannedService(community: TestCommunity, member: TestUser, minutes: number, order: Record<string, unknown> = {}) {
    const startsAt = new Date(Date.now() + 10 * 60_000);
    const created = await ok(call(orders, 'create', {
      title: '社区义诊', category: '社区服务', place: '社区广场', startsAt: startsAt.toISOString(), endsAt: inMinutes(70), capacity: 1, dispatch: 'open', ...order,
    }, community.secretary));
    await ok(call(orders, 'accept', { orderId: created.id }, member));
    await scan(community, created.id, member);
    clock.advanceMinutes(minutes);
    const out = await scan(community, created.id, member, 'out');
    expect(out.minutesCredited).toBe(minutes);
    const [record] = await db.query<{ id: string }>('select id from service_records where order_id = $1 and member_id = $2', [created.id, member.id]);
    return { orderId: created.id as string, recordId: record.id, startsAt };
  }

  /** records.correct, once the order is over: the service from the order's start, `minutes` long. */
  const correct = (recordId: string, startsAt: Date, minutes: number, reason: string) => {
    clock.set(new Date(Math.max(Date.now(), startsAt.getTime() + 120 * 60_000)));
    return ok(call(records, 'correct', { recordId, startedAt: startsAt.toISOString(), endedAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(), reason }, a.secretary));
  };

  const mine = (member: TestUser) => ok(call(incentives, 'myIncentives', {}, member));
  const myPoints = (member: TestUser) => ok(call(incentives, 'myPoints', {}, member));
  const transactionsOfRecord = (recordId: string) =>
    db.query<{ kind: string }>(
      'select t.kind from ledger_transactions t where t.source_ref = $1 order by (select min(e.id) from ledger_entries e where e.transaction_id = t.id)',
      [`record:${recordId}`],
    );

  it("should credit a scan's check-out with the rule's points and banked minutes, and the organisation's 优 on top", async () => {
    const member = a.members[0];
    const { orderId, recordId } = await scannedService(a, member, 40, { category: '医疗卫生服务' });
    // 40 min × 10 分/小时 × 1.2 = 8 分; 40 banked minutes (1 h = 1 unit).
    expect(await mine(member)).toMatchObject({ points: 8, bank: { minutes: 40, text: '0.67小时' }, stars: { stars: 0, hours: 0.6 } });
    const passbookLines = await myPoints(member);
    expect(passbookLines.lines).toEqual([
      expect.objectContaining({ kind: 'award', amount: 8, balanceAfter: 8, reversed: false, title: expect.stringMatching(/医疗卫生服务 0\.67小时.*类别系数1\.2 8分，共8分/) }),
    ]);
    await ok(call(orders, 'evaluate', { orderId, rating: 'excellent', comment: '服务周到' }, a.secretary));
    expect((await mine(member)).points).toBe(11);
    expect((await transactionsOfRecord(recordId)).map((row) => row.kind)).toEqual(['points_award', 'bank_deposit', 'points_award', 'reversal']);
  });

  it('should post a re-uploaded offline scan once', async () => {
    const member = a.members[1];
    const order = await ok(call(orders, 'create', { title: '门前清扫', category: '环保绿化服务', place: '村委会', startsAt: inMinutes(10), endsAt: inMinutes(70), capacity: 1, dispatch: 'open' }, a.secretary));
    await ok(call(orders, 'accept', { orderId: order.id }, member));
    const phone = await ok(call(checkin, 'issueVerifierDevice', {}, a.secretary));
    let head = { counter: phone.lastCounter, hash: phone.lastHash };
    const queued = async (at: Date, intent: 'in' | 'out') => {
      const entry = appendToChain(phone, head, { scanId: randomUUID(), orderId: order.id, code: makeCheckinCode(await deviceOf(member), at), intent, scannedAt: at.toISOString() });
      head = { counter: entry.counter, hash: entry.hash };
      return entry;
    };
    const batch = [await queued(new Date(Date.now() + 5 * 60_000), 'in'), await queued(new Date(Date.now() + 65 * 60_000), 'out')];
    clock.advanceMinutes(90);
    const upload = () => ok(call(checkin, 'uploadQueue', { deviceId: phone.deviceId, scans: batch }, a.secretary));
    await upload();
    expect(await balanceOf(db, userAccount(member.id, 'points'))).toBe(10);
    expect(await mine(member)).toMatchObject({ points: 10, bank: { minutes: 60 } });
    await upload();
    expect(await mine(member)).toMatchObject({ points: 10, bank: { minutes: 60 } });
    const [{ id: recordId }] = await db.query<{ id: string }>('select id from service_records where order_id = $1', [order.id]);
    expect((await transactionsOfRecord(recordId)).map((row) => row.kind)).toEqual(['points_award', 'bank_deposit']);
  });

  it('should reverse and re-post when the secretary corrects a record, the passbook showing both', async () => {
    const member = a.members[2];
    const { recordId, startsAt } = await scannedService(a, member, 40);
    expect(await mine(member)).toMatchObject({ points: 6, bank: { minutes: 40 } });
    await correct(recordId, startsAt, 60, '签退扫早了，按签到表更正');
    // Settled right after the correction's commit, before anyone reads the balance.
    expect(await balanceOf(db, userAccount(member.id, 'points'))).toBe(10);
    expect(await mine(member)).toMatchObject({ points: 10, bank: { minutes: 60 } });
    const { lines } = await myPoints(member);
    expect(lines.map((line: { kind: string; amount: number; balanceAfter: number; reversed: boolean }) => [line.kind, line.amount, line.balanceAfter, line.reversed])).toEqual([
      ['reversal', -6, 10, false],
      ['award', 10, 16, false],
      ['award', 6, 6, true],
    ]);
    expect(lines[0].title).toMatch(/^冲正：.*社区服务 0\.67小时/);
    const bank = await passbook(db, userAccount(member.id, 'time_bank'), { limit: 10 });
    expect(bank.map((line) => [line.kind, line.amount])).toEqual([['reversal', -40], ['bank_deposit', 60], ['bank_deposit', 40]]);
  });

  it('should move the points with an upheld dispute that corrected the minutes', async () => {
    const member = a.members[3];
    const { orderId, recordId, startsAt } = await scannedService(a, member, 40);
    expect((await mine(member)).points).toBe(6);
    const dispute = await ok(call(records, 'dispute', { orderId, reason: '签到时段算错了，请核实' }, member));
    await correct(recordId, startsAt, 30, '核实后按实际时长');
    await ok(call(records, 'resolveDispute', { disputeId: dispute.id, decision: 'upheld', resolution: '已按签到表更正' }, a.secretary));
    // 30 min × 10 分/小时 = 5 分; 30 banked minutes.
    expect(await mine(member)).toMatchObject({ points: 5, bank: { minutes: 30 } });
  });

  it('should give a record held for approval nothing until it is approved', async () => {
    const member = a.members[4];
    const at = (hhmm: string) => new Date(`${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}T${hhmm}:00+08:00`).toISOString();
    const long = await ok(call(orders, 'create', { title: '防汛值守', category: '社区服务', place: '河堤', startsAt: at('09:30'), endsAt: at('17:30'), capacity: 2, dispatch: 'open' }, a.secretary));
    const short = await ok(call(orders, 'create', { title: '夜间巡逻', category: '社区服务', place: '小区', startsAt: at('18:00'), endsAt: at('20:00'), capacity: 2, dispatch: 'open' }, a.secretary));
    clock.advanceMinutes(12 * 60);
    await ok(call(records, 'enter', { orderId: long.id, memberId: member.id, startedAt: at('09:30'), endedAt: at('17:30'), reason: '值守登记表' }, a.secretary));
    const second = await ok(call(records, 'enter', { orderId: short.id, memberId: member.id, startedAt: at('18:00'), endedAt: at('20:00'), reason: '巡逻登记表' }, a.secretary));
    expect(second.status).toBe('pending_approval');
    expect(await mine(member)).toMatchObject({ points: 80, bank: { minutes: 480 } });
    await ok(call(records, 'approve', { recordId: second.id, reason: '确有夜间巡逻' }, a.secretary));
    expect(await mine(member)).toMatchObject({ points: 100, bank: { minutes: 600 } });
  });

  it("should wait for the resident's confirmation of a home service, then add the 满意 bonus", async () => {
    const member = a.members[5];
    const [resident] = a.residents;
    const need = await ok(call(demands, 'post', { category: '爱心扶助', subItem: '上门慰问', description: '独居老人需要有人陪同聊天', address: '测试小区1栋101室', contactPhone: '13800001111' }, resident));
    const order = await ok(call(orders, 'create', { demandId: need.id, title: '陪伴独居老人', category: '爱心扶助', startsAt: inMinutes(10), endsAt: inMinutes(70), capacity: 1, dispatch: 'open' }, a.secretary));
    await ok(call(orders, 'accept', { orderId: order.id }, member));
    await scan(a, order.id, member);
    clock.advanceMinutes(60);
    await scan(a, order.id, member, 'out');
    expect(await mine(member)).toMatchObject({ points: 0, bank: { minutes: 0 } });
    await ok(call(demands, 'confirmService', { demandId: need.id, rating: 'satisfied', comment: '很贴心' }, resident));
    // 60 min × 10 分/小时 = 10 分, + 5 for 满意.
    expect(await mine(member)).toMatchObject({ points: 15, bank: { minutes: 60 } });
  });

  it('should give a hand entry points only where the district says so, and bank its hours either way', async () => {
    const [memberOne] = [a.members[6]];
    const [memberTwo] = other.members;
    const enterFor = async (community: TestCommunity, member: TestUser) => {
      const order = await ok(call(orders, 'create', { title: '楼道清理', category: '社区服务', place: '3栋', startsAt: inMinutes(10), endsAt: inMinutes(40), capacity: 2, dispatch: 'open' }, community.secretary));
      clock.advanceMinutes(60);
      await ok(call(records, 'enter', { orderId: order.id, memberId: member.id, startedAt: inMinutes(-50), endedAt: inMinutes(-20), reason: '现场签到表为证' }, community.secretary));
      clock.advanceMinutes(-60);
    };
    await enterFor(a, memberOne);
    await enterFor(other, memberTwo);
    expect(await mine(memberOne)).toMatchObject({ points: 5, bank: { minutes: 30 } });
    expect(await mine(memberTwo)).toMatchObject({ points: 0, bank: { minutes: 30 } });
  });

  it("should send what a deposit would take above the district's cap to the community's bank", async () => {
    const [, member] = other.members;
    await scannedService(other, member, 40);
    clock.advanceMinutes(60);
    await scannedService(other, member, 40);
    // Cap 60 min: the first 40 to the account, then 20 more to it and 20 to the community.
    expect(await mine(member)).toMatchObject({ points: 12, bank: { minutes: 60 } });
    expect(await balanceOf(db, organisationAccount(other.communityId, 'community_bank'))).toBe(20);
    const [line] = await passbook(db, userAccount(member.id, 'time_bank'), { limit: 1 });
    expect(line.memo).toMatch(/超出存储上限的0\.33小时转入社区时间银行/);
  });

  it('should earn the rule’s points for an adopted suggestion', async () => {
    const member = a.members[7];
    const suggestion = await ok(call(assessment, 'submitSuggestion', { category: '环境卫生', body: '建议在小区门口增设垃圾分类指引牌' }, member));
    await ok(call(assessment, 'handleSuggestion', { suggestionId: suggestion.id, decision: 'adopt', reply: '采纳，下周安装' }, a.secretary));
    expect((await mine(member)).points).toBe(4);
    expect((await myPoints(member)).lines[0].title).toMatch(/意见建议被采纳/);
  });

  it('should write off what a member already spent when a correction takes points and hours back, never below zero', async () => {
    const member = a.members[8];
    const { recordId, startsAt } = await scannedService(a, member, 60);
    expect(await mine(member)).toMatchObject({ points: 10, bank: { minutes: 60 } });
    await db.transaction((tx) =>
      post(tx, {
        kind: 'spend', idempotencyKey: randomUUID(), at: new Date(),
        lines: [
          { account: userAccount(member.id, 'points'), amount: -8 },
          { account: organisationAccount(a.communityId, 'shop_takings'), amount: 8 },
          { account: userAccount(member.id, 'time_bank'), amount: -45 },
          { account: organisationAccount(a.districtId, 'hours_spent'), amount: 45 },
        ],
      }),
    );
    await correct(recordId, startsAt, 30, '实际只服务了半小时');
    // Truth: 5 分 and 30 min. Held 2 分 and 15 min, so 3 分 and 15 min cannot be taken back.
    expect(await mine(member)).toMatchObject({ points: 0, bank: { minutes: 0 } });
    const { lines } = await myPoints(member);
    expect(lines.map((line: { kind: string; amount: number; balanceAfter: number }) => [line.kind, line.amount, line.balanceAfter])).toEqual([
      ['reversal', -10, 0],
      ['write_off', 3, 10],
      ['award', 5, 7],
      ['other', -8, 2],
      ['award', 10, 10],
    ]);
    expect(lines[1].title).toBe('核减10分，其中3分已使用，不再追回');
    const [, bankWriteOff] = await passbook(db, userAccount(member.id, 'time_bank'), { limit: 5 });
    expect(bankWriteOff.memo).toBe('核减1小时，其中0.25小时已使用，不再追回');
  });

  it("should show a member's points to their secretary and district admin only", async () => {
    const member = a.members[9];
    await scannedService(a, member, 30);
    const seen = await ok(call(incentives, 'memberIncentives', { memberId: member.id }, a.secretary));
    expect(seen).toMatchObject({ memberName: member.name, points: 5, bank: { minutes: 30 } });
    expect((await ok(call(incentives, 'memberIncentives', { memberId: member.id }, districtAdmin))).points).toBe(5);
    for (const stranger of [a.members[0], b.secretary, other.secretary, otherDistrictAdmin]) {
      expect((await failed(call(incentives, 'memberIncentives', { memberId: member.id }, stranger))).code).toBe('FORBIDDEN');
    }
    expect((await failed(call(incentives, 'memberIncentives', { memberId: randomUUID() }, a.secretary))).code).toBe('POINTS_MEMBER_NOT_FOUND');
    expect((await failed(call(incentives, 'myIncentives', {}, a.secretary))).code).toBe('FORBIDDEN');
  });

  it('should post each source once when many settlers drain the queue at the same moment', async () => {
    const members = [a.members[1], a.members[2], a.members[3]];
    const services = [];
    for (const member of members) {
      services.push(await scannedService(a, member, 30));
      clock.advanceMinutes(60);
    }
    const settled = await Promise.all(Array.from({ length: 12 }, () => settleQueued(db)));
    expect(settled.reduce((sum, count) => sum + count, 0)).toBe(services.length);
    for (const { recordId } of services) expect((await transactionsOfRecord(recordId)).map((row) => row.kind)).toEqual(['points_award', 'bank_deposit']);
  });

  it('should let the district admin settle the queue at once, and settle nothing twice', async () => {
    await scannedService(a, a.members[0], 20);
    const answer = await ok(call(incentives, 'settleLedger', {}, districtAdmin));
    expect(answer.settled).toBeGreaterThanOrEqual(1);
    expect(answer.waiting).toBe(0);
    expect(await settleQueued(db)).toBe(0);
    expect((await failed(call(incentives, 'settleLedger', {}, a.secretary))).code).toBe('FORBIDDEN');
  });
});
