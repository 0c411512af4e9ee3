import { randomUUID } from 'node:crypto';
import { main as incentives } from '../../cloudfunctions/incentives/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import {
  LedgerShortfall,
  balanceOf,
  organisationAccount,
  passbook,
  post,
  reverse,
  userAccount,
  type Posting,
} from '../../cloudfunctions/_core/ledger';
import { call, failed, ok } from '../support/call';
import { buildCommunity, createDistrictAdmin, type TestCommunity } from '../support/fixtures';
import { ledgerProblems } from '../support/ledger-check';
import { openSuiteDatabase } from '../support/test-database';

const AT = new Date('2026-11-23T02:00:00Z');

let db: Database;
let community: TestCommunity;

beforeAll(async () => {
  db = await openSuiteDatabase();
  community = await buildCommunity(db, '账', { members: 2 });
});
afterAll(() => db.close());
afterEach(async () => expect(await ledgerProblems(db)).toEqual([]));

const points = (userId: string) => userAccount(userId, 'points');
const issued = () => organisationAccount(community.districtId, 'points_issued');
const takings = () => organisationAccount(community.communityId, 'shop_takings');

const award = (userId: string, amount: number, key: string = randomUUID()): Posting => ({
  kind: 'award',
  idempotencyKey: key,
  at: AT,
  lines: [
    { account: issued(), amount: -amount },
    { account: points(userId), amount },
  ],
});

const spend = (userId: string, amount: number, key: string = randomUUID()): Posting => ({
  kind: 'spend',
  idempotencyKey: key,
  at: AT,
  lines: [
    { account: points(userId), amount: -amount },
    { account: takings(), amount },
  ],
});

const sqlError = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return error as { message: string; code?: string };
  }
  throw new Error('expected the database to refuse');
};

describe('the ledger', () => {
  test('a posting moves the cached balances with its entries, and a source can be reversed once', async () => {
    const member = community.members[0].id;
    const { transactionId } = await db.transaction((tx) => post(tx, award(member, 30)));
    expect(await balanceOf(db, points(member))).toBe(30);
    await db.transaction((tx) => reverse(tx, transactionId, { idempotencyKey: `undo:${transactionId}`, at: AT, memo: '记录更正' }));
    expect(await balanceOf(db, points(member))).toBe(0);
    const error = await db.transaction((tx) => reverse(tx, transactionId, { idempotencyKey: randomUUID(), at: AT })).catch((e) => e);
    expect(error.code).toBe('LEDGER_ALREADY_REVERSED');
    const lines = await passbook(db, points(member), { limit: 10 });
    expect(lines.map((line) => [line.kind, line.amount, line.balanceAfter])).toEqual([
      ['reversal', -30, 0],
      ['award', 30, 30],
    ]);
    expect(lines[1].reversedBy).toBe(lines[0].transactionId);
    expect(lines[0].reversesId).toBe(transactionId);
  });

  test('a repeated idempotency key posts once, also when the two calls race', async () => {
    const member = community.members[1].id;
    const before = await balanceOf(db, points(member));
    const key = `checkin:${randomUUID()}`;
    const answers = await Promise.all([1, 2, 3].map(() => db.transaction((tx) => post(tx, award(member, 5, key)))));
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.transactionId)).size).toBe(1);
    expect(await balanceOf(db, points(member))).toBe(before + 5);
    const [{ count }] = await db.query<{ count: string }>(`select count(*) from ledger_transactions where idempotency_key = $1`, [key]);
    expect(Number(count)).toBe(1);
  });

  test('an overdraft is refused by the code and, past it, by the database', async () => {
    const member = community.members[0].id;
    await db.transaction((tx) => post(tx, award(member, 3)));
    const balance = await balanceOf(db, points(member));
    const shortfall = await db.transaction((tx) => post(tx, spend(member, balance + 1))).catch((e) => e);
    expect(shortfall).toBeInstanceOf(LedgerShortfall);
    expect(shortfall.message).toMatch(/余额不足/);
    const account = (await db.query<{ id: string }>(`select id from ledger_accounts where owner_id = $1 and purpose = 'points'`, [member]))[0].id;
    const refused = await sqlError(
      db.transaction(async (tx) => {
        const id = randomUUID();
        await tx.query(`insert into ledger_transactions (id, kind, idempotency_key) values ($1, 'spend', $2)`, [id, id]);
        await tx.query(`insert into ledger_entries (transaction_id, account_id, amount) values ($1, $2, $3)`, [id, account, -(balance + 1)]);
      }),
    );
    expect(refused.message).toMatch(/ledger_accounts_no_overdraft/);
    expect(await balanceOf(db, points(member))).toBe(balance);
  });

  test('50 concurrent spends against a balance for 3 succeed exactly 3 times and never go below zero', async () => {
    const spender = (await buildCommunity(db, '并发', { members: 1, districtId: community.districtId })).members[0].id;
    await db.transaction((tx) => post(tx, award(spender, 3)));
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => db.transaction((tx) => post(tx, spend(spender, 1)))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(LedgerShortfall);
    expect(await balanceOf(db, points(spender))).toBe(0);
  });

  test('an entry or a transaction can never be updated or deleted', async () => {
    const member = community.members[0].id;
    const { transactionId } = await db.transaction((tx) => post(tx, award(member, 2)));
    for (const statement of [
      `update ledger_entries set amount = amount * 10 where transaction_id = '${transactionId}'`,
      `delete from ledger_entries where transaction_id = '${transactionId}'`,
      `update ledger_transactions set memo = '改' where id = '${transactionId}'`,
      `delete from ledger_transactions where id = '${transactionId}'`,
      `truncate ledger_entries`,
    ]) {
      const refused = await sqlError(db.query(statement));
      expect(refused.message).toMatch(/append-only/);
    }
    const [{ count }] = await db.query<{ count: string }>(`select count(*) from ledger_entries where transaction_id = $1`, [transactionId]);
    expect(Number(count)).toBe(2);
  });

  test('a transaction that does not sum to zero, or has no entries, is refused at commit', async () => {
    const member = community.members[0].id;
    const account = (await db.query<{ id: string }>(`select id from ledger_accounts where owner_id = $1 and purpose = 'points'`, [member]))[0].id;
    const lopsided = await sqlError(
      db.transaction(async (tx) => {
        const id = randomUUID();
        await tx.query(`insert into ledger_transactions (id, kind, idempotency_key) values ($1, 'award', $2)`, [id, id]);
        await tx.query(`insert into ledger_entries (transaction_id, account_id, amount) values ($1, $2, 100)`, [id, account]);
      }),
    );
    expect(lopsided.message).toMatch(/does not sum to zero/);
    const empty = await sqlError(
      db.transaction((tx) => {
        const id = randomUUID();
        return tx.query(`insert into ledger_transactions (id, kind, idempotency_key) values ($1, 'award', $2)`, [id, id]);
      }),
    );
    expect(empty.message).toMatch(/no entries/);
    const unbalanced = await db.transaction((tx) => post(tx, { ...award(member, 1), lines: [{ account: points(member), amount: 1 }] })).catch((e) => e);
    expect(unbalanced.code).toBe('LEDGER_UNBALANCED');
  });

  test('checkLedger: a district admin sees every cached balance equal to its entries; a tampered cache is found', async () => {
    const admin = await createDistrictAdmin(db, community.districtId);
    const clean = await ok<{ accounts: number; mismatches: unknown[] }>(call(incentives, 'checkLedger', {}, admin));
    expect(clean.accounts).toBeGreaterThan(0);
    expect(clean.mismatches).toEqual([]);
    expect((await failed(call(incentives, 'checkLedger', {}, community.secretary))).code).toBe('FORBIDDEN');
    const member = community.members[1].id;
    await db.query(`update ledger_accounts set balance = balance + 7 where owner_id = $1 and purpose = 'points'`, [member]);
    const tampered = await ok<{ mismatches: { purpose: string; cached: number; summed: number }[] }>(call(incentives, 'checkLedger', {}, admin));
    expect(tampered.mismatches).toEqual([expect.objectContaining({ purpose: 'points', cached: expect.any(Number) })]);
    expect(tampered.mismatches[0].cached - tampered.mismatches[0].summed).toBe(7);
    await db.query(`update ledger_accounts set balance = balance - 7 where owner_id = $1 and purpose = 'points'`, [member]);
  });
});
