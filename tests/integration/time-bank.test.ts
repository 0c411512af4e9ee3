import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as incentives } from '../../cloudfunctions/incentives/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as records } from '../../cloudfunctions/records/index';
import { makeCheckinCode, type DeviceSecret } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { DEFAULT_RULES, type BankRule } from '../../cloudfunctions/_core/incentives/rules';
import { balanceOf, organisationAccount, post, userAccount } from '../../cloudfunctions/_core/ledger';
import { call, failed, inMinutes, ok, refusedUnchanged } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildTwoDistricts, sessionTokenFor, type TestCommunity, type TestUser } from '../support/fixtures';
import { ledgerProblems } from '../support/ledger-check';
import { openSuiteDatabase } from '../support/test-database';

const HOUR = 60;
const START = new Date('2026-11-02T01:00:00Z');
const DAY = 86_400_000;

let db: Database;
let a: TestCommunity;
let b: TestCommunity;
let other: TestCommunity;
let districtAdmin: TestUser;
let otherDistrictAdmin: TestUser;
const versions = new Map<string, number>();
const clock = useWallClock(START);
let day = 0;

beforeAll(async () => {
  db = await openSuiteDatabase();
  ({ a, b, other, districtAdmin, otherDistrictAdmin } = await buildTwoDistricts(db, ['TA', 'TB', 'TO'], {
    a: { members: 4, residents: 3 },
    b: { members: 1, residents: 2 },
    other: { members: 1, residents: 1 },
  }));
});
beforeEach(async () => {
  clock.set(new Date(START.getTime() + day++ * DAY));
  for (const who of [a, b, other].flatMap((c) => [c.secretary, ...c.members, ...c.residents]).concat(districtAdmin, otherDistrictAdmin)) {
    who.token = await sessionTokenFor(db, who.id, new Date(), 24 * 14);
  }
});
afterEach(async () => expect(await ledgerProblems(db)).toEqual([]));
afterAll(async () => {
  clock.restore();
  await db.close();
});

/** Saves the district's bank rule (the rest stays the default). */
async function bankRule(admin: TestUser, districtId: string, bank: Partial<BankRule>) {
  const version = versions.get(districtId) ?? 0;
  const answer = await call(incentives, 'saveIncentiveRules', { ...DEFAULT_RULES, bank: { ...DEFAULT_RULES.bank, preset: null, ...bank }, expectedVersion: version, note: '测试' }, admin);
  if (!answer.ok && answer.error.code === 'INCENTIVE_RULES_UNCHANGED') return;
  await ok(answer);
  versions.set(districtId, version + 1);
}

/** Banked minutes as a credited service would deposit them (B's settlement is tested on its own). */
async function deposit(user: TestUser, districtId: string, minutes: number, at = new Date()) {
  await db.transaction((tx) =>
    post(tx, {
      kind: 'test_deposit',
      idempotencyKey: randomUUID(),
      memo: '测试存入',
      at,
      lines: [
        { account: organisationAccount(districtId, 'hours_issued'), amount: -minutes },
        { account: userAccount(user.id, 'time_bank'), amount: minutes },
      ],
    }),
  );
}

/** Minutes taken out on a day in the past (a donation, as the ledger would have posted it then). */
async function donatedOn(user: TestUser, community: TestCommunity, minutes: number, at: Date) {
  await db.transaction((tx) =>
    post(tx, {
      kind: 'donate',
      idempotencyKey: randomUUID(),
      at,
      lines: [
        { account: userAccount(user.id, 'time_bank'), amount: -minutes },
        { account: organisationAccount(community.communityId, 'community_bank'), amount: minutes },
      ],
    }),
  );
}

const bank = (user: TestUser) => balanceOf(db, userAccount(user.id, 'time_bank'));
const held = (user: TestUser) => balanceOf(db, userAccount(user.id, 'time_bank_held'));
const communityBank = (community: TestCommunity) => balanceOf(db, organisationAccount(community.communityId, 'community_bank'));
const passbookOf = async (user: TestUser) => (await ok(call(incentives, 'myTimeBank', {}, user))).lines as { summary: string; amount: number; balanceAfter: number }[];
const key = () => randomUUID().replace(/-/g, '');

async function emptyAccount(user: TestUser) {
  const balance = await bank(user);
  if (balance > 0) await ok(call(incentives, 'donateHours', { minutes: balance, requestKey: key() }, user));
}

/** Links `member` to `relative` (the relative accepts in their app). */
async function link(member: TestUser, relative: TestUser, relation = 'mother') {
  const added = await ok(call(incentives, 'addFamilyLink', { phone: relative.phone, relation }, member));
  const id = added.links.find((l: { otherName: string }) => l.otherName === relative.name).id as string;
  await ok(call(incentives, 'answerFamilyLink', { linkId: id, accept: true }, relative));
  return id;
}

/** The member checks in on the order, serves `minutes` and checks out, scanned by the community's secretary. */
async function serveByScan(orderId: string, member: TestUser, minutes: number) {
  const device: DeviceSecret = await ok(call(checkin, 'issueDeviceSecret', {}, member));
  const scan = (intent: 'auto' | 'out') =>
    ok(call(checkin, 'scan', { scanId: randomUUID(), orderId, code: makeCheckinCode(device, new Date()), intent }, a.secretary));
  await scan('auto');
  clock.advanceMinutes(minutes);
  await scan('out');
}

const needInput = (hours: number) => {
  const from = new Date(Date.now() + 2 * DAY);
  return {
    kind: 'medicine', address: '测试小区1栋101室', contactPhone: '13800001111', useTimeBank: true,
    wantedFrom: from.toISOString(), wantedUntil: new Date(from.getTime() + hours * 3_600_000).toISOString(),
  };
};

describe('spending banked hours on a need (使用时间银行)', () => {
  beforeAll(() => bankRule(districtAdmin, a.districtId, {}));

  it('should hold the wanted hours at once and refuse, writing nothing, when the balance is short', async () => {
    const resident = a.residents[0];
    await deposit(resident, a.districtId, 3 * HOUR);
    const demandCount = async () => [await bank(resident), await held(resident), (await db.query('select id from demands where resident_id = $1', [resident.id])).length];
    const error = await refusedUnchanged(demandCount, () => call(demands, 'post', needInput(4), resident), 'BANK_SHORT');
    expect(error.message).toContain('现有3小时');
    const noWindow = await failed(call(demands, 'post', { ...needInput(2), wantedUntil: undefined }, resident));
    expect(noWindow.code).toBe('BANK_NEED_WINDOW');
    await ok(call(demands, 'post', needInput(2), resident));
    expect([await bank(resident), await held(resident)]).toEqual([HOUR, 2 * HOUR]);
    expect((await passbookOf(resident))[0]).toMatchObject({ summary: '使用：需求《买药代购》', amount: -2 * HOUR, balanceAfter: HOUR });
  });

  it('should return the whole hold when the need is rejected or withdrawn, once', async () => {
    const resident = a.residents[1];
    await deposit(resident, a.districtId, 4 * HOUR);
    const rejected = await ok(call(demands, 'post', needInput(2), resident));
    const withdrawn = await ok(call(demands, 'post', needInput(1), resident));
    expect([await bank(resident), await held(resident)]).toEqual([HOUR, 3 * HOUR]);
    await ok(call(demands, 'reject', { demandId: rejected.id, reason: '社区暂无人手' }, a.secretary));
    await ok(call(demands, 'withdraw', { demandId: withdrawn.id }, resident));
    expect([await bank(resident), await held(resident)]).toEqual([4 * HOUR, 0]);
    await ok(call(incentives, 'myTimeBank', {}, resident));
    expect(await bank(resident)).toBe(4 * HOUR);
    expect((await passbookOf(resident)).slice(0, 2).map((line) => line.summary)).toEqual(['退回：需求《买药代购》', '退回：需求《买药代购》']);
  });

  it('should spend the hours actually served when the resident confirms, and return the rest', async () => {
    const resident = a.residents[2];
    const member = a.members[0];
    await deposit(resident, a.districtId, 3 * HOUR);
    const need = await ok(call(demands, 'post', needInput(2), resident));
    const startsAt = new Date(Date.now() + 10 * 60_000);
    const order = await ok(call(orders, 'create', {
      demandId: need.id, title: '代买药品', category: '社区服务', startsAt: startsAt.toISOString(), endsAt: inMinutes(130), capacity: 1, dispatch: 'open',
    }, a.secretary));
    await ok(call(orders, 'accept', { orderId: order.id }, member));
    await serveByScan(order.id, member, 90);
    expect(await held(resident)).toBe(2 * HOUR);
    await ok(call(demands, 'confirmService', { demandId: need.id, rating: 'satisfied', comment: '' }, resident));
    expect([await bank(resident), await held(resident), await balanceOf(db, organisationAccount(a.districtId, 'hours_spent'))]).toEqual([
      90, 0, 90,
    ]);
    expect((await passbookOf(resident))[0]).toMatchObject({ summary: '结算：需求《买药代购》，未用的0.5小时退回', amount: 30, balanceAfter: 90 });
    await ok(call(incentives, 'myTimeBank', {}, resident));
    expect(await bank(resident)).toBe(90);
  });

  it('should refuse 使用时间银行 where the district does not allow spending', async () => {
    await bankRule(otherDistrictAdmin, other.districtId, { spendOnNeeds: false });
    const resident = other.residents[0];
    await deposit(resident, other.districtId, 3 * HOUR);
    const error = await failed(call(demands, 'post', needInput(1), resident));
    expect(error.code).toBe('BANK_SPENDING_OFF');
    expect(await bank(resident)).toBe(3 * HOUR);
    await bankRule(otherDistrictAdmin, other.districtId, {});
  });
});

describe('family links and gifts (北京, 杭州: 直系亲属)', () => {
  it('should count a link once the relative accepts it, or once the relative’s secretary confirms it', async () => {
    const member = a.members[1];
    const added = await ok(call(incentives, 'addFamilyLink', { phone: b.residents[0].phone, relation: 'father' }, member));
    expect(added.links).toEqual([expect.objectContaining({ side: 'mine', relation: '父亲', otherName: b.residents[0].name, status: 'pending', communityName: '测试社区TB' })]);
    const linkId = added.links[0].id;
    expect((await failed(call(incentives, 'confirmFamilyLink', { linkId }, a.secretary))).code).toBe('FORBIDDEN');
    const pending = await ok(call(incentives, 'communityBank', {}, b.secretary));
    expect(pending.linksToConfirm).toEqual([expect.objectContaining({ id: linkId, memberName: member.name, relation: '父亲' })]);
    await ok(call(incentives, 'confirmFamilyLink', { linkId }, b.secretary));
    const mine = await ok(call(incentives, 'familyLinks', {}, member));
    expect(mine.links[0]).toMatchObject({ status: 'linked', confirmedVia: 'secretary' });
    const theirs = await ok(call(incentives, 'familyLinks', {}, b.residents[0]));
    expect(theirs.links[0]).toMatchObject({ side: 'towardMe', otherName: member.name, status: 'linked' });
    expect((await failed(call(incentives, 'answerFamilyLink', { linkId, accept: true }, b.residents[0]))).code).toBe('BANK_LINK_NOT_PENDING');
  });

  it('should refuse a relative who is not a resident of the district, oneself, and a second link', async () => {
    const member = a.members[1];
    expect((await failed(call(incentives, 'addFamilyLink', { phone: other.residents[0].phone, relation: 'mother' }, member))).code).toBe('BANK_RELATIVE_NOT_FOUND');
    const unknown = await failed(call(incentives, 'addFamilyLink', { phone: '13912345678', relation: 'mother' }, member));
    expect(unknown).toMatchObject({ code: 'BANK_RELATIVE_NOT_FOUND', fields: { phone: expect.any(String) } });
    expect(unknown.message).not.toContain('13912345678');
    expect((await failed(call(incentives, 'addFamilyLink', { phone: b.residents[0].phone, relation: 'father' }, member))).code).toBe('BANK_LINK_EXISTS');
    expect((await failed(call(incentives, 'addFamilyLink', { phone: b.residents[0].phone, relation: 'uncle' }, member))).code).toBe('VALIDATION_FAILED');
  });

  it('should give hours only where the district allows gifts, only to a linked relative, once per request key', async () => {
    const member = a.members[2];
    const relative = b.residents[1];
    await bankRule(districtAdmin, a.districtId, { familyGifts: false });
    await deposit(member, a.districtId, 5 * HOUR);
    const linkId = await link(member, relative);
    expect((await failed(call(incentives, 'giftHours', { linkId, minutes: HOUR, requestKey: key() }, member))).code).toBe('BANK_GIFTS_OFF');
    await bankRule(districtAdmin, a.districtId, { familyGifts: true });
    const strangerLink = (await ok(call(incentives, 'familyLinks', {}, a.members[1]))).links[0].id;
    expect((await failed(call(incentives, 'giftHours', { linkId: strangerLink, minutes: HOUR, requestKey: key() }, member))).code).toBe('BANK_NOT_LINKED');
    const requestKey = key();
    const first = await ok(call(incentives, 'giftHours', { linkId, minutes: 2 * HOUR, requestKey }, member));
    const again = await ok(call(incentives, 'giftHours', { linkId, minutes: 2 * HOUR, requestKey }, member));
    expect([first.replayed, again.replayed, again.transactionId]).toEqual([false, true, first.transactionId]);
    expect([await bank(member), await bank(relative)]).toEqual([3 * HOUR, 2 * HOUR]);
    expect((await passbookOf(member))[0]).toMatchObject({ summary: `转赠给 母亲 ${relative.name}`, amount: -2 * HOUR });
    expect((await passbookOf(relative))[0]).toMatchObject({ summary: `收到 ${member.name} 转赠`, amount: 2 * HOUR });
    expect((await failed(call(incentives, 'giftHours', { linkId, minutes: 4 * HOUR, requestKey: key() }, member))).code).toBe('BANK_SHORT');
    const removed = await ok(call(incentives, 'removeFamilyLink', { linkId }, relative));
    expect(removed.links).toEqual([]);
    expect((await failed(call(incentives, 'giftHours', { linkId, minutes: HOUR, requestKey: key() }, member))).code).toBe('BANK_NOT_LINKED');
  });

  it('should send what a gift would take above the recipient’s cap to the recipient’s community bank (南京)', async () => {
    const member = a.members[3];
    const relative = b.residents[0];
    await bankRule(districtAdmin, a.districtId, { familyGifts: true, capMinutes: 3 * HOUR });
    await emptyAccount(relative);
    await deposit(relative, a.districtId, 2 * HOUR);
    await deposit(member, a.districtId, 3 * HOUR);
    const linkId = await link(member, relative, 'daughter');
    const before = await communityBank(b);
    const gift = await ok(call(incentives, 'giftHours', { linkId, minutes: 3 * HOUR, requestKey: key() }, member));
    expect(gift.toCommunityMinutes).toBe(2 * HOUR);
    expect([await bank(member), await bank(relative), (await communityBank(b)) - before]).toEqual([0, 3 * HOUR, 2 * HOUR]);
    expect((await passbookOf(relative))[0].summary).toBe(`收到 ${member.name} 转赠；超出上限 2小时捐入社区`);
    const bankView = await ok(call(incentives, 'communityBank', {}, b.secretary));
    expect(bankView.lines[0]).toMatchObject({ summary: `${relative.name} 获赠超出上限 捐入社区`, amount: 2 * HOUR });
    await bankRule(districtAdmin, a.districtId, { familyGifts: true });
  });

  it('should let exactly 3 of 50 concurrent one-hour gifts and spends through against 3 hours, never below zero', async () => {
    const member = a.members[0];
    const relative = a.residents[0];
    await emptyAccount(member);
    await deposit(member, a.districtId, 3 * HOUR);
    const linkId = await link(member, relative, 'spouse');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? call(incentives, 'giftHours', { linkId, minutes: HOUR, requestKey: key() }, member)
          : call(incentives, 'donateHours', { minutes: HOUR, requestKey: key() }, member),
      ),
    );
    const succeeded = answers.filter((answer) => answer.ok);
    expect(succeeded).toHaveLength(3);
    expect(answers.filter((answer) => !answer.ok).map((answer) => !answer.ok && answer.error.code)).toEqual(Array(47).fill('BANK_SHORT'));
    expect(await bank(member)).toBe(0);
  });
});

describe('the community bank', () => {
  it('should take donations and grant to a resident in need with a reason, in its own passbook', async () => {
    const member = a.members[1];
    const resident = a.residents[1];
    await deposit(member, a.districtId, 2 * HOUR);
    const before = await communityBank(a);
    await ok(call(incentives, 'donateHours', { minutes: 2 * HOUR, requestKey: key() }, member));
    expect((await passbookOf(member))[0]).toMatchObject({ summary: '捐赠给社区', amount: -2 * HOUR });
    expect((await communityBank(a)) - before).toBe(2 * HOUR);
    const noReason = await failed(call(incentives, 'grantFromCommunityBank', { recipientId: resident.id, minutes: HOUR, reason: '', requestKey: key() }, a.secretary));
    expect(noReason).toMatchObject({ code: 'VALIDATION_FAILED', fields: { reason: expect.stringContaining('发放理由') } });
    const residentBefore = await bank(resident);
    await ok(call(incentives, 'grantFromCommunityBank', { recipientId: resident.id, minutes: HOUR, reason: '独居老人，需要助浴', requestKey: key() }, a.secretary));
    expect((await bank(resident)) - residentBefore).toBe(HOUR);
    expect((await passbookOf(resident))[0]).toMatchObject({ summary: '社区时间银行发放', amount: HOUR });
    const view = await ok(call(incentives, 'communityBank', {}, a.secretary));
    expect(view.lines.slice(0, 2).map((line: { summary: string }) => line.summary)).toEqual([`发放给 ${resident.name}：独居老人，需要助浴`, `${member.name} 捐赠`]);
    expect(view.balanceMinutes).toBe(await communityBank(a));
    expect(view.people.map((p: { id: string }) => p.id)).toContain(resident.id);
    const tooMuch = await failed(call(incentives, 'grantFromCommunityBank', { recipientId: resident.id, minutes: view.balanceMinutes + 60, reason: '测试超额', requestKey: key() }, a.secretary));
    expect(tooMuch.code).toBe('BANK_COMMUNITY_SHORT');
  });

  it('should refuse another community’s secretary everything, and a grant to someone outside the community', async () => {
    const state = async () => [await communityBank(a), await bank(a.residents[0])];
    for (const intruder of [b.secretary, other.secretary, otherDistrictAdmin]) {
      expect((await failed(call(incentives, 'communityBank', { communityId: a.communityId }, intruder))).code).toBe('FORBIDDEN');
      await refusedUnchanged(state, () => call(incentives, 'grantFromCommunityBank', { communityId: a.communityId, recipientId: a.residents[0].id, minutes: 1, reason: '测试越权', requestKey: key() }, intruder), 'FORBIDDEN');
    }
    expect((await failed(call(incentives, 'communityBank', {}, a.members[0]))).code).toBe('FORBIDDEN');
    await refusedUnchanged(state, () => call(incentives, 'grantFromCommunityBank', { recipientId: b.residents[0].id, minutes: 1, reason: '测试外社区', requestKey: key() }, a.secretary), 'BANK_RECIPIENT_NOT_IN_COMMUNITY');
    expect((await ok(call(incentives, 'communityBank', { communityId: a.communityId }, districtAdmin))).communityId).toBe(a.communityId);
  });
});

describe('expiry, only where the district configures it', () => {
  it('should never expire anything without an expiry', async () => {
    const resident = other.residents[0];
    await deposit(resident, other.districtId, HOUR, new Date(Date.now() - 800 * DAY));
    const before = await bank(resident);
    await ok(call(incentives, 'myTimeBank', {}, resident));
    expect(await ok(call(incentives, 'expireTimeBanks', {}, otherDistrictAdmin))).toEqual({ accounts: 0, expiredMinutes: 0 });
    expect(await bank(resident)).toBe(before);
  });

  it('should expire, first in first out, what was deposited more than N months ago and not used, once', async () => {
    await bankRule(otherDistrictAdmin, other.districtId, { expiryMonths: 12 });
    const member = other.members[0];
    await deposit(member, other.districtId, 2 * HOUR, new Date(Date.now() - 400 * DAY));
    await donatedOn(member, other, 90, new Date(Date.now() - 200 * DAY));
    await deposit(member, other.districtId, HOUR, new Date(Date.now() - 10 * DAY));
    const book = await passbookOf(member);
    expect(book.map((line) => [line.summary.slice(0, 3), line.amount, line.balanceAfter])).toEqual([
      ['到期（', -30, HOUR],
      ['测试存', HOUR, HOUR + 30],
      ['捐赠给', -90, 30],
      ['测试存', 2 * HOUR, 2 * HOUR],
    ]);
    expect(book[0].summary).toMatch(/^到期（\d{4}-\d{2}-\d{2}前存入的时长到期）$/);
    await passbookOf(member);
    expect(await bank(member)).toBe(HOUR);
    const resident = other.residents[0];
    const residentBefore = await bank(resident);
    expect(await ok(call(incentives, 'expireTimeBanks', {}, otherDistrictAdmin))).toEqual({ accounts: 1, expiredMinutes: HOUR });
    expect(await bank(resident)).toBe(residentBefore - HOUR);
    expect(await ok(call(incentives, 'expireTimeBanks', {}, otherDistrictAdmin))).toEqual({ accounts: 0, expiredMinutes: 0 });
    await bankRule(otherDistrictAdmin, other.districtId, {});
  });
});

describe('the passbook', () => {
  it('should show a corrected record as 核减（记录更正） of the old deposit and 存入 of the new one', async () => {
    await bankRule(districtAdmin, a.districtId, {});
    const member = a.members[1];
    const startsAt = new Date(Date.now() + 10 * 60_000);
    const order = await ok(call(orders, 'create', {
      title: '社区义诊', category: '医疗卫生服务', place: '社区广场', startsAt: startsAt.toISOString(), endsAt: inMinutes(190), capacity: 1, dispatch: 'open',
    }, a.secretary));
    await ok(call(orders, 'accept', { orderId: order.id }, member));
    await serveByScan(order.id, member, 120);
    const before = await ok(call(incentives, 'myTimeBank', {}, member));
    expect(before.lines[0]).toMatchObject({ summary: expect.stringMatching(/^存入：\d+月\d+日 医疗卫生服务 2小时$/), amount: 2 * HOUR });
    const [record] = await db.query<{ id: string; started_at: Date }>('select id, started_at from service_records where order_id = $1', [order.id]);
    clock.advanceMinutes(120);
    await ok(call(records, 'correct', {
      recordId: record.id, startedAt: record.started_at.toISOString(), endedAt: new Date(record.started_at.getTime() + 90 * 60_000).toISOString(), reason: '提前半小时离场',
    }, a.secretary));
    const after = await ok(call(incentives, 'myTimeBank', {}, member));
    expect(after.balanceMinutes).toBe(before.balanceMinutes - 30);
    expect(after.lines.slice(0, 2)).toEqual([
      expect.objectContaining({ summary: '核减（记录更正）', amount: -2 * HOUR, balanceAfter: after.balanceMinutes }),
      expect.objectContaining({ summary: expect.stringMatching(/^存入：\d+月\d+日 医疗卫生服务 1\.5小时$/), amount: 90 }),
    ]);
  });

  it('should page back newest first with the balance after each line', async () => {
    const resident = b.residents[1];
    for (let i = 0; i < 23; i++) await deposit(resident, b.districtId, 1);
    const first = await ok(call(incentives, 'myTimeBank', {}, resident));
    expect(first.lines).toHaveLength(20);
    const second = await ok(call(incentives, 'myTimeBank', { beforeEntryId: first.nextBefore }, resident));
    expect(second.lines.length).toBeGreaterThanOrEqual(3);
    expect(first.lines[19].balanceAfter - first.lines[19].amount).toBe(second.lines[0].balanceAfter);
    expect(first.balanceMinutes).toBe(first.lines[0].balanceAfter);
  });

  it('should refuse someone with no account', async () => {
    expect((await failed(call(incentives, 'myTimeBank', {}, districtAdmin))).code).toBe('BANK_NO_ACCOUNT_HOLDER');
  });
});
