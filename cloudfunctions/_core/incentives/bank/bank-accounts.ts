import type { Executor } from '../../db/database';
import { lockAccounts, organisationAccount, post, userAccount } from '../../ledger';
import { businessDate } from '../../shared/business-time';
import { incentiveRulesOf, type BankRule } from '../rules';
import { bankErrors } from './bank.errors';
import { bankRepository, type HomeRow } from './bank.repository';
import { expiredMinutes, monthsBefore } from './expiry';

export const bankAccount = (userId: string) => userAccount(userId, 'time_bank');
export const heldAccount = (userId: string) => userAccount(userId, 'time_bank_held');
export const communityBankAccount = (communityId: string) => organisationAccount(communityId, 'community_bank');

export interface AccountHolder {
  home: HomeRow;
  rule: BankRule;
}

/** A member's or resident's community, district and the district's bank rule; anyone else has no account. */
export async function accountHolder(tx: Executor, userId: string): Promise<AccountHolder> {
  const home = await bankRepository.homeOf(tx, userId);
  if (!home) throw bankErrors.error('BANK_NO_ACCOUNT_HOLDER');
  const rules = await incentiveRulesOf(tx, home.district_id);
  return { home, rule: rules.bank };
}

/**
 * Expires, first in first out, what was deposited more than the district's `expiryMonths` ago and not used since
 * (only where the district configures an expiry). Run when the account is read or spent from, and by the admin.
 */
export async function applyExpiry(tx: Executor, holder: AccountHolder, now: Date): Promise<number> {
  if (holder.rule.expiryMonths === null) return 0;
  const account = bankAccount(holder.home.user_id);
  const locked = await lockAccounts(tx, [account]);
  const accountId = locked.values().next().value!.id;
  const entries = await tx.query<{ id: string; amount: string; created_at: Date }>(
    `select id, amount, created_at from ledger_entries where account_id = $1 order by id`,
    [accountId],
  );
  const cutoff = monthsBefore(now, holder.rule.expiryMonths);
  const minutes = expiredMinutes(entries.map((entry) => ({ amount: Number(entry.amount), at: entry.created_at })), cutoff);
  if (minutes === 0) return 0;
  await post(tx, {
    kind: 'expire',
    // One expiry per state of the account: a second reader finds it posted.
    idempotencyKey: `expire:${accountId}:${entries[entries.length - 1].id}`,
    sourceRef: `expiry:${holder.home.user_id}`,
    memo: `${businessDate(cutoff)}前存入的时长到期`,
    at: now,
    lines: [
      { account, amount: -minutes },
      { account: organisationAccount(holder.home.district_id, 'hours_expired'), amount: minutes },
    ],
  });
  return minutes;
}
