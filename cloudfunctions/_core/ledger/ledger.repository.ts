import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/database';
import { DomainError } from '../shared/domain-error';
import { ACCOUNT_PURPOSES, accountKeyText, unitOf, type AccountKey, type AccountPurpose, type LedgerUnit, type OwnerKind } from './accounts';
import { ledgerErrors } from './ledger.errors';

export interface PostingLine {
  account: AccountKey;
  /** Whole minutes, points or items; positive credits the account, negative debits it. */
  amount: number;
}

export interface Posting {
  /** What happened, in snake case: 'deposit', 'redeem', 'gift', 'reversal' … */
  kind: string;
  /** The same key posts once: a retried request or a re-uploaded scan finds the transaction it already made. */
  idempotencyKey: string;
  sourceRef?: string;
  memo?: string;
  createdBy?: string | null;
  at: Date;
  lines: PostingLine[];
}

export interface Posted {
  transactionId: string;
  /** The key had been used already: nothing new was written. */
  replayed: boolean;
}

/** A debit the account cannot carry: its owner holds less than asked. The database's check would refuse it too. */
export class LedgerShortfall extends DomainError {
  constructor(
    readonly account: AccountKey,
    readonly available: number,
    readonly needed: number,
  ) {
    super('LEDGER_INSUFFICIENT', `${ledgerErrors.error('LEDGER_INSUFFICIENT').message}：现有 ${available}，需要 ${needed}`);
  }
}

interface AccountRow {
  id: string;
  owner_kind: OwnerKind;
  owner_id: string;
  purpose: AccountPurpose;
  balance: string;
}

/** Opens the accounts if they are new, then locks them in id order (two posts on the same accounts queue, never deadlock). */
export async function lockAccounts(tx: Executor, accounts: AccountKey[]): Promise<Map<string, { id: string; balance: number }>> {
  const distinct = [...new Map(accounts.map((account) => [accountKeyText(account), account])).values()];
  await tx.query(
    `insert into ledger_accounts (id, owner_kind, owner_id, purpose, unit, allow_negative)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::boolean[])
     on conflict (owner_kind, owner_id, purpose, unit) do nothing`,
    [
      distinct.map(() => randomUUID()),
      distinct.map((account) => account.ownerKind),
      distinct.map((account) => account.ownerId),
      distinct.map((account) => account.purpose),
      distinct.map((account) => unitOf(account.purpose)),
      distinct.map((account) => ACCOUNT_PURPOSES[account.purpose].allowNegative),
    ],
  );
  const rows = await tx.query<AccountRow>(
    `select a.id, a.owner_kind, a.owner_id, a.purpose, a.balance
       from ledger_accounts a
       join unnest($1::text[], $2::uuid[], $3::text[]) as k (owner_kind, owner_id, purpose)
         on a.owner_kind = k.owner_kind and a.owner_id = k.owner_id and a.purpose = k.purpose
      order by a.id
        for update of a`,
    [distinct.map((account) => account.ownerKind), distinct.map((account) => account.ownerId), distinct.map((account) => account.purpose)],
  );
  return new Map(rows.map((row) => [accountKeyText({ ownerKind: row.owner_kind, ownerId: row.owner_id, purpose: row.purpose }), { id: row.id, balance: Number(row.balance) }]));
}

function checkBalanced(lines: PostingLine[]) {
  const sums = new Map<LedgerUnit, number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount === 0) throw ledgerErrors.error('LEDGER_UNBALANCED', `金额须为非零整数（${line.amount}）`);
    const unit = unitOf(line.account.purpose);
    sums.set(unit, (sums.get(unit) ?? 0) + line.amount);
  }
  if (lines.length === 0 || [...sums.values()].some((sum) => sum !== 0)) throw ledgerErrors.error('LEDGER_UNBALANCED');
}

/**
 * Posts one zero-sum transaction, once per idempotency key. A debit that would take an account that may not go
 * negative below zero throws `LedgerShortfall` (the caller says what ran out: stock, points, banked hours).
 */
export async function post(tx: Executor, posting: Posting, reverses?: string): Promise<Posted> {
  checkBalanced(posting.lines);
  const earlier = await postedUnder(tx, posting);
  if (earlier) return earlier;
  // Checked before anything is written, so that a caller may catch the shortfall and go on in the same transaction.
  const accounts = await lockAccounts(tx, posting.lines.map((line) => line.account));
  const net = new Map<string, number>();
  for (const line of posting.lines) net.set(accountKeyText(line.account), (net.get(accountKeyText(line.account)) ?? 0) + line.amount);
  for (const line of posting.lines) {
    const key = accountKeyText(line.account);
    const account = accounts.get(key)!;
    const change = net.get(key)!;
    if (!ACCOUNT_PURPOSES[line.account.purpose].allowNegative && account.balance + change < 0) {
      throw new LedgerShortfall(line.account, account.balance, -change);
    }
  }
  const transactionId = randomUUID();
  const inserted = await tx.query<{ id: string }>(
    `insert into ledger_transactions (id, kind, idempotency_key, source_ref, reverses_id, memo, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (idempotency_key) do nothing
     returning id`,
    [transactionId, posting.kind, posting.idempotencyKey, posting.sourceRef ?? null, reverses ?? null, posting.memo ?? '', posting.createdBy ?? null, posting.at],
  );
  // Another call with the same key committed while this one waited for the accounts.
  if (inserted.length === 0) return (await postedUnder(tx, posting))!;
  await tx.query(
    `insert into ledger_entries (transaction_id, account_id, amount, created_at)
     select $1, account_id, amount, $4 from unnest($2::uuid[], $3::bigint[]) as line (account_id, amount)`,
    [transactionId, posting.lines.map((line) => accounts.get(accountKeyText(line.account))!.id), posting.lines.map((line) => line.amount), posting.at],
  );
  return { transactionId, replayed: false };
}

export interface Reversal {
  idempotencyKey: string;
  memo?: string;
  createdBy?: string | null;
  at: Date;
  kind?: string;
}

async function postedUnder(tx: Executor, posting: Posting): Promise<Posted | undefined> {
  const [existing] = await tx.query<{ id: string; kind: string }>(`select id, kind from ledger_transactions where idempotency_key = $1`, [posting.idempotencyKey]);
  if (!existing) return undefined;
  if (existing.kind !== posting.kind) throw ledgerErrors.error('LEDGER_KEY_REUSED');
  return { transactionId: existing.id, replayed: true };
}

/** Undoes a transaction exactly: a new transaction with every entry negated, naming the one it reverses. */
export async function reverse(tx: Executor, transactionId: string, reversal: Reversal): Promise<Posted> {
  const replay = await tx.query<{ id: string }>(`select id from ledger_transactions where idempotency_key = $1`, [reversal.idempotencyKey]);
  if (replay.length > 0) return { transactionId: replay[0].id, replayed: true };
  const already = await tx.query(`select 1 from ledger_transactions where reverses_id = $1`, [transactionId]);
  if (already.length > 0) throw ledgerErrors.error('LEDGER_ALREADY_REVERSED');
  const entries = await tx.query<AccountRow & { amount: string; source_ref: string | null }>(
    `select a.id, a.owner_kind, a.owner_id, a.purpose, a.balance, e.amount, t.source_ref
       from ledger_entries e
       join ledger_accounts a on a.id = e.account_id
       join ledger_transactions t on t.id = e.transaction_id
      where e.transaction_id = $1
      order by e.id`,
    [transactionId],
  );
  return post(
    tx,
    {
      kind: reversal.kind ?? 'reversal',
      idempotencyKey: reversal.idempotencyKey,
      sourceRef: entries[0]?.source_ref ?? undefined,
      memo: reversal.memo,
      createdBy: reversal.createdBy,
      at: reversal.at,
      lines: entries.map((entry) => ({
        account: { ownerKind: entry.owner_kind, ownerId: entry.owner_id, purpose: entry.purpose },
        amount: -Number(entry.amount),
      })),
    },
    transactionId,
  );
}

/** The account's balance (0 for an account never opened). */
export async function balanceOf(tx: Executor, account: AccountKey): Promise<number> {
  const rows = await tx.query<{ balance: string }>(
    `select balance from ledger_accounts where owner_kind = $1 and owner_id = $2 and purpose = $3`,
    [account.ownerKind, account.ownerId, account.purpose],
  );
  return rows.length ? Number(rows[0].balance) : 0;
}

/** Balances of one purpose for many owners at once (a community's members' points, say); owners without an account are absent. */
export async function balancesOf(tx: Executor, ownerKind: OwnerKind, ownerIds: string[], purpose: AccountPurpose): Promise<Map<string, number>> {
  const rows = await tx.query<{ owner_id: string; balance: string }>(
    `select owner_id, balance from ledger_accounts where owner_kind = $1 and owner_id = any($2::uuid[]) and purpose = $3`,
    [ownerKind, ownerIds, purpose],
  );
  return new Map(rows.map((row) => [row.owner_id, Number(row.balance)]));
}

export interface PassbookLine {
  entryId: number;
  transactionId: string;
  at: Date;
  kind: string;
  sourceRef: string | null;
  memo: string;
  reversesId: string | null;
  reversedBy: string | null;
  amount: number;
  /** The balance right after this line, as a 存折 prints it. */
  balanceAfter: number;
}

/** An account's lines, newest first, each with the balance after it; `beforeEntryId` pages back. */
export async function passbook(tx: Executor, account: AccountKey, options: { limit: number; beforeEntryId?: number }): Promise<PassbookLine[]> {
  const rows = await tx.query<{
    id: string;
    transaction_id: string;
    created_at: Date;
    kind: string;
    source_ref: string | null;
    memo: string;
    reverses_id: string | null;
    reversed_by: string | null;
    amount: string;
    balance_after: string;
  }>(
    `with lines as (
       select e.id, e.transaction_id, e.created_at, e.amount, sum(e.amount) over (order by e.id) as balance_after
         from ledger_entries e
         join ledger_accounts a on a.id = e.account_id
        where a.owner_kind = $1 and a.owner_id = $2 and a.purpose = $3
     )
     select l.id, l.transaction_id, l.created_at, t.kind, t.source_ref, t.memo, t.reverses_id,
            (select r.id from ledger_transactions r where r.reverses_id = t.id) as reversed_by, l.amount, l.balance_after
       from lines l
       join ledger_transactions t on t.id = l.transaction_id
      where $4::bigint is null or l.id < $4::bigint
      order by l.id desc
      limit $5`,
    [account.ownerKind, account.ownerId, account.purpose, options.beforeEntryId ?? null, options.limit],
  );
  return rows.map((row) => ({
    entryId: Number(row.id),
    transactionId: row.transaction_id,
    at: row.created_at,
    kind: row.kind,
    sourceRef: row.source_ref,
    memo: row.memo,
    reversesId: row.reverses_id,
    reversedBy: row.reversed_by,
    amount: Number(row.amount),
    balanceAfter: Number(row.balance_after),
  }));
}

/** The transactions about one source ('record:<id>' …) in the order they were posted, with their entries. */
export async function transactionsOf(tx: Executor, sourceRef: string) {
  const rows = await tx.query<{ id: string; kind: string; idempotency_key: string; reverses_id: string | null; reversed_by: string | null; created_at: Date; lines: { ownerKind: OwnerKind; ownerId: string; purpose: AccountPurpose; amount: number }[] }>(
    `select t.id, t.kind, t.idempotency_key, t.reverses_id, t.created_at,
            (select r.id from ledger_transactions r where r.reverses_id = t.id) as reversed_by,
            json_agg(json_build_object('ownerKind', a.owner_kind, 'ownerId', a.owner_id, 'purpose', a.purpose, 'amount', e.amount) order by e.id) as lines
       from ledger_transactions t
       join ledger_entries e on e.transaction_id = t.id
       join ledger_accounts a on a.id = e.account_id
      where t.source_ref = $1
      group by t.id
      order by t.created_at, t.id`,
    [sourceRef],
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    idempotencyKey: row.idempotency_key,
    reversesId: row.reverses_id,
    reversedBy: row.reversed_by,
    at: row.created_at,
    lines: row.lines.map((line) => ({ account: { ownerKind: line.ownerKind, ownerId: line.ownerId, purpose: line.purpose }, amount: Number(line.amount) })),
  }));
}

export interface BalanceMismatch {
  accountId: string;
  ownerKind: OwnerKind;
  ownerId: string;
  purpose: string;
  cached: number;
  summed: number;
}

/** Proves the cache: every account's balance against the sum of its entries (all accounts, or those of some owners). */
export async function checkBalances(tx: Executor, ownerIds?: string[]): Promise<{ accounts: number; mismatches: BalanceMismatch[] }> {
  const rows = await tx.query<{ id: string; owner_kind: OwnerKind; owner_id: string; purpose: string; balance: string; summed: string }>(
    `select a.id, a.owner_kind, a.owner_id, a.purpose, a.balance, coalesce(s.summed, 0) as summed
       from ledger_accounts a
       left join (select account_id, sum(amount) as summed from ledger_entries group by account_id) s on s.account_id = a.id
      where $1::uuid[] is null or a.owner_id = any($1::uuid[])`,
    [ownerIds ?? null],
  );
  const mismatches = rows
    .filter((row) => Number(row.balance) !== Number(row.summed))
    .map((row) => ({ accountId: row.id, ownerKind: row.owner_kind, ownerId: row.owner_id, purpose: row.purpose, cached: Number(row.balance), summed: Number(row.summed) }));
  return { accounts: rows.length, mismatches };
}
