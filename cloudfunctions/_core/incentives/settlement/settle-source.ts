import type { Executor } from '../../db/database';
import {
  ACCOUNT_PURPOSES,
  accountKeyText,
  lockAccounts,
  organisationAccount,
  post,
  reverse,
  transactionsOf,
  unitOf,
  userAccount,
  type AccountKey,
  type PostingLine,
} from '../../ledger';
import { bankAmountText, incentiveRulesOf, splitDeposit, type IncentiveRules } from '../rules';
import { settlementRepository } from './settlement.repository';
import { digestOf, recordTargets, suggestionTargets, type SettledKind, type SourceTarget } from './source-targets';

const KINDS: SettledKind[] = ['points_award', 'bank_deposit'];

type Posted = Awaited<ReturnType<typeof transactionsOf>>[number];

/** The value a live transaction was posted for, carried in its idempotency key (`<kind>:<source>:<n>:<digest>`). */
const digestInKey = (key: string) => key.slice(key.lastIndexOf(':') + 1);

async function targetsOf(tx: Executor, sourceRef: string): Promise<{ targets: SourceTarget[]; rules: IncentiveRules | null }> {
  const [type, id] = sourceRef.split(':');
  if (type === 'record') {
    const record = await settlementRepository.recordFacts(tx, id);
    if (!record) return { targets: [], rules: null };
    const rules = await incentiveRulesOf(tx, record.districtId);
    return { targets: recordTargets(record, rules), rules };
  }
  if (type === 'suggestion') {
    const suggestion = await settlementRepository.suggestionFacts(tx, id);
    if (!suggestion) return { targets: [], rules: null };
    const rules = await incentiveRulesOf(tx, suggestion.districtId);
    return { targets: suggestionTargets(suggestion, rules), rules };
  }
  return { targets: [], rules: null };
}

/** The deposit's lines: the member's account up to the district's cap, the rest to the certifying community's bank (南京). */
async function depositLines(tx: Executor, target: Extract<SourceTarget, { kind: 'bank_deposit' }>, rules: IncentiveRules, live: Posted | undefined) {
  const account = userAccount(target.memberId, 'time_bank');
  const balances = await lockAccounts(tx, [account]);
  const beingReversed = live?.lines.find((line) => accountKeyText(line.account) === accountKeyText(account))?.amount ?? 0;
  const held = Math.max(0, (balances.get(accountKeyText(account))?.balance ?? 0) - beingReversed);
  const split = splitDeposit(rules.bank, held, target.minutes);
  const lines: PostingLine[] = [{ account: organisationAccount(target.districtId, 'hours_issued'), amount: -target.minutes }];
  if (split.toAccount > 0) lines.push({ account, amount: split.toAccount });
  if (split.toCommunity > 0) lines.push({ account: organisationAccount(target.communityId, 'community_bank'), amount: split.toCommunity });
  const memo = split.toCommunity > 0 ? `${target.memo}（超出存储上限的${bankAmountText(rules.bank, split.toCommunity)}转入社区时间银行）` : target.memo;
  return { lines, memo };
}

const amountText = (purpose: AccountKey['purpose'], amount: number, rules: IncentiveRules | null) =>
  unitOf(purpose) === 'point' ? `${amount}分` : rules ? bankAmountText(rules.bank, amount) : `${Math.round((amount / 60) * 100) / 100}小时`;

/**
 * Undoes a live transaction exactly. Where its owner already spent part of it (points redeemed, hours used), what they
 * no longer hold is written off first, with a memo the passbook shows — never a refusal, never a negative balance.
 */
async function undo(tx: Executor, live: Posted, sourceRef: string, at: Date, rules: IncentiveRules | null, why: string) {
  const debits = live.lines.filter((line) => line.amount > 0 && !ACCOUNT_PURPOSES[line.account.purpose].allowNegative);
  const balances = await lockAccounts(tx, live.lines.map((line) => line.account));
  const writeOff: PostingLine[] = [];
  const memos: string[] = [];
  for (const line of debits) {
    const held = balances.get(accountKeyText(line.account))?.balance ?? 0;
    const short = line.amount - Math.max(0, held);
    if (short <= 0) continue;
    const source = live.lines.find((candidate) => ACCOUNT_PURPOSES[candidate.account.purpose].allowNegative && unitOf(candidate.account.purpose) === unitOf(line.account.purpose))!;
    writeOff.push({ account: line.account, amount: short }, { account: source.account, amount: -short });
    memos.push(`核减${amountText(line.account.purpose, line.amount, rules)}，其中${amountText(line.account.purpose, short, rules)}已使用，不再追回`);
  }
  if (writeOff.length > 0) {
    await post(tx, { kind: 'write_off', idempotencyKey: `write_off:${live.id}`, sourceRef, memo: memos.join('；'), at, lines: writeOff });
  }
  await reverse(tx, live.id, { idempotencyKey: `reversal:${live.id}`, memo: why, at });
}

/**
 * Brings one source's transactions in line with what it earns now: nothing when they agree; otherwise the new value is
 * posted and the old one reversed (in that order, so that a reduction takes what the member holds including it).
 */
export async function settleSource(tx: Executor, sourceRef: string, at: Date): Promise<void> {
  const posted = await transactionsOf(tx, sourceRef);
  const { targets, rules } = await targetsOf(tx, sourceRef);
  for (const kind of KINDS) {
    const mine = posted.filter((transaction) => transaction.kind === kind);
    const live = mine.find((transaction) => !transaction.reversedBy);
    const target = targets.find((candidate) => candidate.kind === kind);
    const digest = target ? digestOf(target.value) : null;
    if (live && digest && digestInKey(live.idempotencyKey) === digest) continue;
    if (!live && !target) continue;
    if (target) {
      const { lines, memo } = target.kind === 'bank_deposit' ? await depositLines(tx, target, rules!, live) : target;
      await post(tx, { kind, idempotencyKey: `${kind}:${sourceRef}:${mine.length + 1}:${digest}`, sourceRef, memo, at, lines });
    }
    if (live) await undo(tx, live, sourceRef, at, rules, target ? '变更后重新入账，原入账冲正' : '不再计入（待审核、待居民确认或已撤销），原入账冲正');
  }
}
