import { randomUUID } from 'node:crypto';
import { main as incentives } from '../../cloudfunctions/incentives/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as records } from '../../cloudfunctions/records/index';
import { DEFAULT_RULES } from '../../cloudfunctions/_core/incentives/rules';
import { incentiveActions } from '../../cloudfunctions/_core/incentives';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { balanceOf, goodAccount, organisationAccount, post, transactionsOf, userAccount } from '../../cloudfunctions/_core/ledger';
import { createHandler } from '../../cloudfunctions/_core/runtime';
import { businessDate } from '../../cloudfunctions/_core/shared/business-time';
import { call, failed, inMinutes, ok, refusedUnchanged, type Main } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, buildTwoDistricts, createDistrictAdmin, sessionTokenFor, type TestCommunity, type TestUser } from '../support/fixtures';
import { ledgerProblems } from '../support/ledger-check';
import { openSuiteDatabase } from '../support/test-database';

let db: Database;
let a: TestCommunity;
let b: TestCommunity;
let other: TestCommunity;
let districtAdmin: TestUser;
let otherDistrictAdmin: TestUser;

beforeAll(async () => {
  db = await openSuiteDatabase();
  ({ a, b, other, districtAdmin, otherDistrictAdmin } = await buildTwoDistricts(db, ['超甲', '超乙', '超外'], { a: { members: 4, residents: 2 } }));
});
afterAll(() => db.close());
afterEach(async () => expect(await ledgerProblems(db)).toEqual([]));

const shop = (action: string, data: unknown, user: TestUser, main: Main = incentives) => call(main, action, data, user);

/** Points as settlement would award them: from the district's source to the member. */
async function award(community: TestCommunity, userId: string, amount: number) {
  await db.transaction((tx) =>
    post(tx, {
      kind: 'award',
      idempotencyKey: randomUUID(),
      at: new Date(),
      lines: [
        { account: organisationAccount(community.districtId, 'points_issued'), amount: -amount },
        { account: userAccount(userId, 'points'), amount },
      ],
    }),
  );
}

const pointsOf = (userId: string) => balanceOf(db, userAccount(userId, 'points'));
const stockOf = (goodId: string) => balanceOf(db, goodAccount(goodId, 'stock'));
const ledgerSize = async () => (await db.query<{ count: string }>(`select count(*) from ledger_entries`))[0].count;
const shopState = async () => ({
  ledger: await ledgerSize(),
  goods: (await db.query(`select * from shop_goods order by id`)),
  redemptions: (await db.query(`select * from shop_redemptions order by id`)),
});

async function listGood(community: TestCommunity, good: Partial<{ name: string; pricePoints: number; audience: string; perPersonLimit: number; initialStock: number }> = {}) {
  return ok(
    shop('saveGood', { name: good.name ?? '洗衣液', description: '', pricePoints: good.pricePoints ?? 10, audience: good.audience ?? 'both', ...(good.perPersonLimit ? { perPersonLimit: good.perPersonLimit } : {}), initialStock: good.initialStock ?? 5 }, community.secretary),
  );
}

const redeem = (user: TestUser, goodId: string, requestId: string = randomUUID(), main: Main = incentives) => shop('redeem', { goodId, requestId }, user, main);

describe('爱心超市: goods', () => {
  test('the secretary lists a good with its first stock and restocks it once per request; the member sees price, stock and their points', async () => {
    const good = await listGood(a, { name: '大米 5kg', pricePoints: 30, initialStock: 4 });
    expect(good).toMatchObject({ name: '大米 5kg', pricePoints: 30, stock: 4, reserved: 0, audienceLabel: '党员义工和居民', withdrawn: false });
    const requestId = randomUUID();
    await ok(shop('restockGood', { goodId: good.id, quantity: 6, requestId }, a.secretary));
    const again = await ok(shop('restockGood', { goodId: good.id, quantity: 6, requestId }, a.secretary));
    expect(again.stock).toBe(10);
    const restocks = await transactionsOf(db, `good:${good.id}`);
    expect(restocks.map((t) => [t.kind, t.lines.map((line) => [line.account.purpose, line.amount])])).toEqual([
      ['shop_restock', [['supplied', -4], ['stock', 4]]],
      ['shop_restock', [['supplied', -6], ['stock', 6]]],
    ]);
    await award(a, a.members[0].id, 45);
    const view = await ok(shop('shopGoods', {}, a.members[0]));
    expect(view.points).toBe(await pointsOf(a.members[0].id));
    expect(view.pickUpDays).toBe(7);
    expect(view.goods.find((g: { id: string }) => g.id === good.id)).toMatchObject({ pricePoints: 30, stock: 10, unavailable: null });
  });

  test('who may redeem: a members-only good is not shown to a resident, and a resident who tries is refused', async () => {
    const forMembers = await listGood(a, { name: '党员书签', audience: 'member' });
    const forResidents = await listGood(a, { name: '居民毛巾', audience: 'resident' });
    const residentView = await ok(shop('shopGoods', {}, a.residents[0]));
    const names = residentView.goods.map((g: { name: string }) => g.name);
    expect(names).toContain('居民毛巾');
    expect(names).not.toContain('党员书签');
    const memberNames = (await ok(shop('shopGoods', {}, a.members[1]))).goods.map((g: { name: string }) => g.name);
    expect(memberNames).toContain('党员书签');
    expect(memberNames).not.toContain('居民毛巾');
    await award(a, a.residents[0].id, 20);
    const error = await refusedUnchanged(shopState, () => redeem(a.residents[0], forMembers.id), 'SHOP_NOT_FOR_YOU');
    expect(error.message).toMatch(/仅限党员义工/);
    await ok(redeem(a.residents[0], forResidents.id));
  });

  test('bad input names the field and writes nothing', async () => {
    const error = await refusedUnchanged(shopState, () => shop('saveGood', { name: ' ', pricePoints: 0, audience: 'everyone' }, a.secretary), 'VALIDATION_FAILED');
    expect(error.fields).toMatchObject({ name: '物品名称不能为空', pricePoints: '兑换积分不能小于1' });
    expect(error.fields!.audience).toMatch(/兑换对象须为以下之一/);
    const photo = await failed(shop('saveGood', { name: '毛巾', pricePoints: 5, audience: 'both', photoUrl: 'javascript:alert(1)' }, a.secretary));
    expect(photo.fields).toEqual({ photoUrl: '图片地址须以 http:// 或 https:// 开头' });
    expect(photo.message).not.toMatch(/alert/);
    const stock = await failed(shop('restockGood', { goodId: randomUUID(), quantity: -3, requestId: randomUUID() }, a.secretary));
    expect(stock.fields).toEqual({ quantity: '补货数量不能小于1' });
  });
});

describe('爱心超市: redemption', () => {
  test('a redemption is one ledger transaction (points → takings, stock → reserved) with a six-digit code; a double tap redeems once', async () => {
    const member = a.members[2];
    const good = await listGood(a, { name: '理发券', pricePoints: 15, initialStock: 3 });
    await award(a, member.id, 40);
    const before = await pointsOf(member.id);
    const takingsBefore = await balanceOf(db, organisationAccount(a.communityId, 'shop_takings'));
    const requestId = randomUUID();
    const [first, second] = await Promise.all([ok(redeem(member, good.id, requestId)), ok(redeem(member, good.id, requestId))]);
    expect(second.redemption.id).toBe(first.redemption.id);
    expect(first.redemption).toMatchObject({ goodName: '理发券', quantity: 1, pricePoints: 15, totalPoints: 15, status: 'waiting', statusLabel: '待领取' });
    expect(first.redemption.code).toMatch(/^\d{6}$/);
    expect(first.redemption.qrText).toBe(`LOVESHOP:${first.redemption.code}`);
    expect(first.pointsLeft).toBe(before - 15);
    expect(await pointsOf(member.id)).toBe(before - 15);
    expect(await stockOf(good.id)).toBe(2);
    expect(await balanceOf(db, organisationAccount(a.communityId, 'shop_takings'))).toBe(takingsBefore + 15);
    const transactions = await transactionsOf(db, `redemption:${first.redemption.id}`);
    expect(transactions).toHaveLength(1);
    expect(transactions[0].lines.map((line) => [line.account.purpose, line.amount])).toEqual([
      ['stock', -1],
      ['reserved', 1],
      ['points', -15],
      ['shop_takings', 15],
    ]);
    const mine = await ok(shop('myRedemptions', {}, member));
    expect(mine.redemptions.filter((r: { id: string }) => r.id === first.redemption.id)).toHaveLength(1);
    // 待领取 (issue 16): the redeemer is told the code, the place and the last day, once for the double tap.
    const told = await db.query<{ user_id: string; body: string }>(`select user_id, body from notifications where event_key = $1`, [`pickup-waiting:${first.redemption.id}`]);
    expect(told).toHaveLength(1);
    expect(told[0].user_id).toBe(member.id);
    expect(told[0].body).toContain(first.redemption.code);
    expect(told[0].body).toContain(first.redemption.pickUpBy);
    expect(told[0].body).toContain('爱心超市');
  });

  test('50 concurrent redemptions of a good with stock 3: exactly 3 succeed, stock 0, points exact', async () => {
    const crowd = await buildCommunity(db, '抢购', { members: 25, residents: 0, districtId: a.districtId });
    for (const member of crowd.members.slice(0, 24)) await award(crowd, member.id, 100);
    const poor = crowd.members[24];
    await award(crowd, poor.id, 10);
    const good = await listGood(crowd, { name: '最后的毛巾', pricePoints: 10, initialStock: 3 });
    const pointsBefore = new Map(await Promise.all(crowd.members.map(async (m) => [m.id, await pointsOf(m.id)] as const)));
    const calls = crowd.members.flatMap((member) => [member, member]).map((member) => redeem(member, good.id).then((answer) => ({ member, answer })));
    const answers = await Promise.all(calls);
    const succeeded = answers.filter(({ answer }) => answer.ok);
    expect(succeeded).toHaveLength(3);
    for (const { answer } of answers.filter(({ answer }) => !answer.ok)) {
      expect(['SHOP_OUT_OF_STOCK', 'SHOP_NOT_ENOUGH_POINTS']).toContain(!answer.ok && answer.error.code);
    }
    expect(await stockOf(good.id)).toBe(0);
    expect(await balanceOf(db, goodAccount(good.id, 'reserved'))).toBe(3);
    expect(await balanceOf(db, organisationAccount(crowd.communityId, 'shop_takings'))).toBe(30);
    for (const member of crowd.members) {
      const won = succeeded.filter((s) => s.member.id === member.id).length;
      expect(await pointsOf(member.id)).toBe(pointsBefore.get(member.id)! - 10 * won);
    }
    const [{ count }] = await db.query<{ count: string }>(`select count(*) from shop_redemptions where good_id = $1`, [good.id]);
    expect(Number(count)).toBe(3);
    const codes = await db.query<{ pick_up_code: string }>(`select pick_up_code from shop_redemptions where good_id = $1`, [good.id]);
    expect(new Set(codes.map((row) => row.pick_up_code)).size).toBe(3);
  });

  test('points run out under concurrency: 10 redemptions against 25 points at 10 each give exactly 2', async () => {
    const member = a.members[3];
    const spent = await pointsOf(member.id);
    if (spent > 0) throw new Error('expected a member without points');
    await award(a, member.id, 25);
    const good = await listGood(a, { name: '保温杯', pricePoints: 10, initialStock: 100 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => redeem(member, good.id)));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(2);
    for (const answer of answers) if (!answer.ok) expect(answer.error).toMatchObject({ code: 'SHOP_NOT_ENOUGH_POINTS', message: expect.stringMatching(/积分不足：现有 5 分，需要 10 分/) });
    expect(await pointsOf(member.id)).toBe(5);
    expect(await stockOf(good.id)).toBe(98);
  });

  test('a per-person limit holds under concurrency: five taps of different requests by one member give one', async () => {
    const member = a.members[0];
    await award(a, member.id, 100);
    const good = await listGood(a, { name: '限兑大米', pricePoints: 5, perPersonLimit: 1, initialStock: 20 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => redeem(member, good.id)));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    for (const answer of answers) if (!answer.ok) expect(answer.error.code).toBe('SHOP_LIMIT_REACHED');
    expect(await stockOf(good.id)).toBe(19);
    const view = await ok(shop('shopGoods', {}, member));
    expect(view.goods.find((g: { id: string }) => g.id === good.id)).toMatchObject({ held: 1, unavailable: '每人限兑1件' });
  });

  test('a price change never touches past redemptions', async () => {
    const member = a.members[1];
    await award(a, member.id, 50);
    const good = await listGood(a, { name: '改价毛巾', pricePoints: 8 });
    const { redemption } = await ok(redeem(member, good.id));
    const changed = await ok(shop('saveGood', { goodId: good.id, name: '改价毛巾', pricePoints: 12, audience: 'both', description: '加厚' }, a.secretary));
    expect(changed).toMatchObject({ pricePoints: 12, description: '加厚', stock: 4 });
    const mine = (await ok(shop('myRedemptions', {}, member))).redemptions.find((r: { id: string }) => r.id === redemption.id);
    expect(mine).toMatchObject({ pricePoints: 8, totalPoints: 8 });
    const [transaction] = await transactionsOf(db, `redemption:${redemption.id}`);
    expect(transaction.lines.find((line) => line.account.purpose === 'points')!.amount).toBe(-8);
  });
});

describe('爱心超市: pick-up, cancel, return', () => {
  test('the secretary finds the redemption by its code, hands it over once; the member sees 已领取', async () => {
    const member = a.members[2];
    await award(a, member.id, 20);
    const good = await listGood(a, { name: '香皂', pricePoints: 5, initialStock: 2 });
    const { redemption } = await ok(redeem(member, good.id));
    const found = await ok(shop('pickUps', { code: redemption.code }, a.secretary));
    expect(found.waiting).toHaveLength(1);
    expect(found.waiting[0]).toMatchObject({ id: redemption.id, goodName: '香皂', memberName: member.name });
    expect(found.waiting[0].memberPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const scanned = await ok(shop('handOver', { code: redemption.qrText }, a.secretary));
    expect(scanned).toMatchObject({ id: redemption.id, status: 'handed_over', statusLabel: '已领取' });
    expect(await balanceOf(db, goodAccount(good.id, 'reserved'))).toBe(0);
    expect(await balanceOf(db, goodAccount(good.id, 'handed_over'))).toBe(1);
    await refusedUnchanged(shopState, () => shop('handOver', { code: redemption.code }, a.secretary), 'SHOP_CODE_UNKNOWN');
    await refusedUnchanged(shopState, () => shop('cancelRedemption', { redemptionId: redemption.id }, member), 'SHOP_REDEMPTION_CLOSED');
    const mine = (await ok(shop('myRedemptions', {}, member))).redemptions.find((r: { id: string }) => r.id === redemption.id);
    expect(mine).toMatchObject({ status: 'handed_over', statusLabel: '已领取' });
    expect((await ok(shop('pickUps', {}, a.secretary))).handedOver.map((r: { id: string }) => r.id)).toContain(redemption.id);
  });

  test('a member cancels their own reservation before pick-up: the redemption is reversed, points and stock back', async () => {
    const member = a.members[1];
    await award(a, member.id, 20);
    const good = await listGood(a, { name: '牙膏', pricePoints: 7, initialStock: 1 });
    const before = await pointsOf(member.id);
    const { redemption } = await ok(redeem(member, good.id));
    await refusedUnchanged(shopState, () => shop('cancelRedemption', { redemptionId: redemption.id }, a.members[0]), 'SHOP_REDEMPTION_NOT_FOUND');
    const cancelled = await ok(shop('cancelRedemption', { redemptionId: redemption.id }, member));
    expect(cancelled).toMatchObject({ status: 'cancelled', statusLabel: '已取消' });
    expect(await pointsOf(member.id)).toBe(before);
    expect(await stockOf(good.id)).toBe(1);
    const [original, reversal] = await transactionsOf(db, `redemption:${redemption.id}`);
    expect(reversal).toMatchObject({ kind: 'shop_cancel', reversesId: original.id });
    await refusedUnchanged(shopState, () => shop('handOver', { code: redemption.code }, a.secretary), 'SHOP_CODE_UNKNOWN');
  });

  test('a redemption not picked up within the district’s days is returned when pick-ups are read, and by the secretary’s action', async () => {
    const late = await buildCommunity(db, '逾期', { members: 1, residents: 0, districtId: a.districtId });
    const member = late.members[0];
    await award(late, member.id, 30);
    const good = await listGood(late, { name: '逾期洗衣液', pricePoints: 10, initialStock: 2 });
    const before = await pointsOf(member.id);
    const { redemption } = await ok(redeem(member, good.id));
    const second = (await ok(redeem(member, good.id))).redemption;
    expect(redemption.pickUpBy).toBe(businessDate(new Date(Date.now() + 7 * 86_400_000)));
    expect(await stockOf(good.id)).toBe(0);

    const later = new Date(Date.now() + 8 * 86_400_000);
    const lateMain = createHandler(incentiveActions, { clock: { now: () => later } });
    const lateSecretary = { ...late.secretary, token: await sessionTokenFor(db, late.secretary.id, later) };
    const lateMember = { ...member, token: await sessionTokenFor(db, member.id, later) };
    const stillDue = await failed(shop('handOver', { code: redemption.code }, lateSecretary, lateMain));
    expect(stillDue.code).toBe('SHOP_PICK_UP_OVERDUE');

    expect(await ok(shop('returnOverdue', {}, lateSecretary, lateMain))).toEqual({ returned: 2 });
    expect(await ok(shop('returnOverdue', {}, lateSecretary, lateMain))).toEqual({ returned: 0 });
    expect(await pointsOf(member.id)).toBe(before);
    expect(await stockOf(good.id)).toBe(2);
    const [original, reversal] = await transactionsOf(db, `redemption:${redemption.id}`);
    expect(reversal).toMatchObject({ kind: 'shop_return', reversesId: original.id });
    const mine = (await ok(shop('myRedemptions', {}, lateMember, lateMain))).redemptions.filter((r: { id: string }) => [redemption.id, second.id].includes(r.id));
    expect(mine.map((r: { statusLabel: string }) => r.statusLabel)).toEqual(['已退回', '已退回']);
    expect(mine[0].closedAt).toBe(later.toISOString());
    const returned = (await ok(shop('pickUps', {}, lateSecretary, lateMain))).returned.map((r: { id: string }) => r.id);
    expect(returned).toEqual(expect.arrayContaining([redemption.id, second.id]));
  });

  test('reading the shop returns what is overdue', async () => {
    const member = a.members[0];
    await award(a, member.id, 10);
    const good = await listGood(a, { name: '逾期香皂', pricePoints: 3, initialStock: 1 });
    const { redemption } = await ok(redeem(member, good.id));
    const later = new Date(Date.now() + 9 * 86_400_000);
    const lateMain = createHandler(incentiveActions, { clock: { now: () => later } });
    const lateMember = { ...member, token: await sessionTokenFor(db, member.id, later) };
    const view = await ok(shop('shopGoods', {}, lateMember, lateMain));
    expect(view.goods.find((g: { id: string }) => g.id === good.id).stock).toBe(1);
    const [row] = await db.query<{ status: string }>(`select status from shop_redemptions where id = $1`, [redemption.id]);
    expect(row.status).toBe('returned');
  });

  test('a withdrawn good leaves the shelf, its reservations stay and can be handed over; one cancelled goes with the withdrawn', async () => {
    const [first, second] = [a.members[1], a.members[2]];
    await award(a, first.id, 10);
    await award(a, second.id, 10);
    const good = await listGood(a, { name: '下架毛巾', pricePoints: 2, initialStock: 5 });
    const kept = (await ok(redeem(first, good.id))).redemption;
    const dropped = (await ok(redeem(second, good.id))).redemption;
    const withdrawn = await ok(shop('withdrawGood', { goodId: good.id }, a.secretary));
    expect(withdrawn).toMatchObject({ withdrawn: true, stock: 0, reserved: 2 });
    expect(await balanceOf(db, goodAccount(good.id, 'withdrawn'))).toBe(3);
    expect((await ok(shop('shopGoods', {}, first))).goods.map((g: { id: string }) => g.id)).not.toContain(good.id);
    await refusedUnchanged(shopState, () => redeem(first, good.id), 'SHOP_GOOD_WITHDRAWN');
    await refusedUnchanged(shopState, () => shop('withdrawGood', { goodId: good.id }, a.secretary), 'SHOP_GOOD_WITHDRAWN');
    await refusedUnchanged(shopState, () => shop('restockGood', { goodId: good.id, quantity: 1, requestId: randomUUID() }, a.secretary), 'SHOP_GOOD_WITHDRAWN');
    await ok(shop('handOver', { code: kept.code }, a.secretary));
    await ok(shop('cancelRedemption', { redemptionId: dropped.id }, second));
    expect(await stockOf(good.id)).toBe(0);
    expect(await balanceOf(db, goodAccount(good.id, 'withdrawn'))).toBe(4);
    expect(await balanceOf(db, goodAccount(good.id, 'handed_over'))).toBe(1);
    const listed = await ok(shop('manageGoods', { includeWithdrawn: true }, a.secretary));
    expect(listed.goods.find((g: { id: string }) => g.id === good.id)).toMatchObject({ withdrawn: true, handedOver: 1, reserved: 0 });
    expect((await ok(shop('manageGoods', {}, a.secretary))).goods.map((g: { id: string }) => g.id)).not.toContain(good.id);
  });
});

describe('爱心超市: access', () => {
  test('another community’s secretary, member or district cannot touch this community’s shop, and each refusal writes nothing', async () => {
    const good = await listGood(a, { name: '本社区大米', pricePoints: 4, initialStock: 3 });
    await award(a, a.members[0].id, 10);
    const { redemption } = await ok(redeem(a.members[0], good.id));
    await award(b, b.members[0].id, 50);
    const otherSecretary = b.secretary;
    const refusals: [string, unknown, TestUser, string][] = [
      ['manageGoods', { communityId: a.communityId }, otherSecretary, 'FORBIDDEN'],
      ['manageGoods', { communityId: a.communityId }, otherDistrictAdmin, 'FORBIDDEN'],
      ['manageGoods', {}, a.members[0], 'FORBIDDEN'],
      ['saveGood', { communityId: a.communityId, name: '插手', pricePoints: 1, audience: 'both' }, otherSecretary, 'FORBIDDEN'],
      ['saveGood', { goodId: good.id, name: '改名', pricePoints: 1, audience: 'both' }, otherSecretary, 'SHOP_GOOD_NOT_FOUND'],
      ['saveGood', { goodId: good.id, name: '改名', pricePoints: 1, audience: 'both' }, a.members[0], 'SHOP_GOOD_NOT_FOUND'],
      ['restockGood', { goodId: good.id, quantity: 5, requestId: randomUUID() }, otherSecretary, 'SHOP_GOOD_NOT_FOUND'],
      ['withdrawGood', { goodId: good.id }, otherSecretary, 'SHOP_GOOD_NOT_FOUND'],
      ['withdrawGood', { goodId: good.id }, otherDistrictAdmin, 'SHOP_GOOD_NOT_FOUND'],
      ['pickUps', { communityId: a.communityId }, otherSecretary, 'FORBIDDEN'],
      ['pickUps', {}, a.members[0], 'FORBIDDEN'],
      ['handOver', { code: redemption.code }, otherSecretary, 'SHOP_CODE_UNKNOWN'],
      ['handOver', { communityId: a.communityId, code: redemption.code }, otherSecretary, 'FORBIDDEN'],
      ['handOver', { code: redemption.code }, a.members[0], 'FORBIDDEN'],
      ['returnOverdue', { communityId: a.communityId }, otherSecretary, 'FORBIDDEN'],
      ['redeem', { goodId: good.id, requestId: randomUUID() }, b.members[0], 'SHOP_GOOD_NOT_FOUND'],
      ['redeem', { goodId: good.id, requestId: randomUUID() }, other.members[0], 'SHOP_GOOD_NOT_FOUND'],
      ['redeem', { goodId: good.id, requestId: randomUUID() }, a.secretary, 'SHOP_GOOD_NOT_FOUND'],
      ['cancelRedemption', { redemptionId: redemption.id }, b.members[0], 'SHOP_REDEMPTION_NOT_FOUND'],
      ['shopGoods', {}, a.secretary, 'SHOP_NOT_A_SHOPPER'],
    ];
    for (const [action, data, user, code] of refusals) {
      const error = await refusedUnchanged(shopState, () => shop(action, data, user), code);
      expect(`${action}: ${error.code}`).toBe(`${action}: ${code}`);
    }
    expect((await ok(shop('shopGoods', {}, b.members[0]))).goods.map((g: { id: string }) => g.id)).not.toContain(good.id);
    const districtView = await ok(shop('manageGoods', { communityId: a.communityId }, districtAdmin));
    expect(districtView.goods.map((g: { id: string }) => g.id)).toContain(good.id);
    expect(await ok(shop('handOver', { code: redemption.code }, a.secretary))).toMatchObject({ status: 'handed_over' });
  });
});

describe('爱心超市: points follow the records', () => {
  test('the shop settles the member’s credited services before it shows or spends their points', async () => {
    const place = await buildCommunity(db, '结算', { members: 1, residents: 0 });
    const admin = await createDistrictAdmin(db, place.districtId);
    const rules = { ...DEFAULT_RULES, points: { ...DEFAULT_RULES.points, preset: null, handEnteredEarns: true } };
    await ok(call(incentives, 'saveIncentiveRules', { ...rules, expectedVersion: 0, note: '登记时长也计积分' }, admin));
    const member = place.members[0];
    const good = await listGood(place, { name: '结算毛巾', pricePoints: 10, initialStock: 2 });
    const clock = useWallClock(new Date());
    try {
      const order = await ok(call(orders, 'create', { title: '楼道清理', category: '社区服务', place: '3栋', startsAt: inMinutes(10), endsAt: inMinutes(130), capacity: 1, dispatch: 'open' }, place.secretary));
      clock.advanceMinutes(180);
      await ok(call(records, 'enter', { orderId: order.id, memberId: member.id, startedAt: inMinutes(-170), endedAt: inMinutes(-50), reason: '现场签到表为证' }, place.secretary));
    } finally {
      clock.restore();
    }
    const view = await ok(shop('shopGoods', {}, member));
    expect(view.points).toBeGreaterThan(0);
    expect(view.points).toBe(await pointsOf(member.id));
    const { pointsLeft } = await ok(redeem(member, good.id));
    expect(pointsLeft).toBe(view.points - 10);
  });
});
