import type { Executor } from '../../db/database';
import { LedgerShortfall, balanceOf, organisationAccount, post, type PostingLine } from '../../ledger';
import { bankAmountText, bankMinutesFor, incentiveRulesOf } from '../rules';
import { accountHolder, applyExpiry, bankAccount, heldAccount } from './bank-accounts';
import { bankErrors } from './bank.errors';
import { bankRepository } from './bank.repository';

const needRef = (demandId: string) => `need:${demandId}`;

/**
 * 使用时间银行: the need's wanted hours are held from the payer's account at once (refused when the balance is short or
 * the district does not allow spending). Called inside the transaction that writes the need.
 */
export async function holdForNeed(
  tx: Executor,
  need: { demandId: string; payerId: string; wantedFrom?: string; wantedUntil?: string; title: string },
  now: Date,
): Promise<void> {
  const holder = await accountHolder(tx, need.payerId);
  if (!holder.rule.spendOnNeeds) throw bankErrors.error('BANK_SPENDING_OFF');
  if (!need.wantedFrom || !need.wantedUntil) throw bankErrors.error('BANK_NEED_WINDOW', undefined, { wantedUntil: '请填写期望服务的结束时间' });
  const windowMinutes = Math.round((new Date(need.wantedUntil).getTime() - new Date(need.wantedFrom).getTime()) / 60_000);
  const minutes = bankMinutesFor(holder.rule, windowMinutes);
  if (minutes <= 0) throw bankErrors.error('BANK_NEED_WINDOW', undefined, { wantedUntil: '期望服务的结束时间须晚于开始时间' });
  const title = need.title.slice(0, 20);
  await applyExpiry(tx, holder, now);
  try {
    await post(tx, {
      kind: 'hold',
      idempotencyKey: `hold:${need.demandId}`,
      sourceRef: needRef(need.demandId),
      memo: `预留：需求《${title}》`,
      createdBy: need.payerId,
      at: now,
      lines: [
        { account: bankAccount(need.payerId), amount: -minutes },
        { account: heldAccount(need.payerId), amount: minutes },
      ],
    });
  } catch (error) {
    if (error instanceof LedgerShortfall) {
      throw bankErrors.error('BANK_SHORT', `需要预留${bankAmountText(holder.rule, minutes)}，现有${bankAmountText(holder.rule, error.available)}`, {
        useTimeBank: '时间银行余额不足',
      });
    }
    throw error;
  }
  await bankRepository.insertHold(tx, { demandId: need.demandId, payerId: need.payerId, districtId: holder.home.district_id, title, minutes, at: now });
}

/**
 * The service was confirmed: the hours served (the need's credited minutes, at the district's ratio, never more than
 * the hold) are spent; the rest returns to the payer. Once per need.
 */
export async function settleNeedHold(tx: Executor, demandId: string, now: Date): Promise<void> {
  const hold = await bankRepository.lockOpenHold(tx, demandId);
  if (!hold) return;
  const rule = (await incentiveRulesOf(tx, hold.district_id)).bank;
  const served = bankMinutesFor(rule, await bankRepository.creditedMinutesOfDemand(tx, demandId));
  const spent = Math.min(hold.minutes, served);
  const lines: PostingLine[] = [{ account: heldAccount(hold.payer_id), amount: -hold.minutes }];
  if (spent > 0) lines.push({ account: organisationAccount(hold.district_id, 'hours_spent'), amount: spent });
  if (hold.minutes - spent > 0) lines.push({ account: bankAccount(hold.payer_id), amount: hold.minutes - spent });
  await post(tx, { kind: 'spend', idempotencyKey: `spend:${demandId}`, sourceRef: needRef(demandId), memo: `使用：需求《${hold.title}》`, at: now, lines });
  await bankRepository.closeHold(tx, demandId, { status: 'settled', spentMinutes: spent, at: now });
}

/** The need was rejected or withdrawn: the whole hold returns. Once per need. */
export async function releaseNeedHold(tx: Executor, demandId: string, now: Date): Promise<void> {
  const hold = await bankRepository.lockOpenHold(tx, demandId);
  if (!hold) return;
  await post(tx, {
    kind: 'release',
    idempotencyKey: `release:${demandId}`,
    sourceRef: needRef(demandId),
    memo: `退回：需求《${hold.title}》`,
    at: now,
    lines: [
      { account: heldAccount(hold.payer_id), amount: -hold.minutes },
      { account: bankAccount(hold.payer_id), amount: hold.minutes },
    ],
  });
  await bankRepository.closeHold(tx, demandId, { status: 'released', spentMinutes: 0, at: now });
}

/** Brings a payer's open holds in line with their needs (a need ended or confirmed by a path that did not settle it). */
export async function reconcileHolds(tx: Executor, payerId: string, now: Date): Promise<void> {
  for (const hold of await bankRepository.openHoldsOf(tx, payerId)) {
    if (hold.demand_status === 'rejected' || hold.demand_status === 'withdrawn') await releaseNeedHold(tx, hold.demand_id, now);
    else if (hold.confirmed) await settleNeedHold(tx, hold.demand_id, now);
  }
}

/** What the need form shows beside 「使用时间银行」. */
export async function needBankOffer(tx: Executor, userId: string, now: Date) {
  if (!(await bankRepository.homeOf(tx, userId))) return { allowed: false, balanceMinutes: 0, unitName: '小时' as const, unitsPerHour: 1 };
  const full = await accountHolder(tx, userId);
  await reconcileHolds(tx, userId, now);
  await applyExpiry(tx, full, now);
  return {
    allowed: full.rule.spendOnNeeds,
    balanceMinutes: await balanceOf(tx, bankAccount(userId)),
    unitName: full.rule.unitName,
    unitsPerHour: full.rule.unitsPerHour,
  };
}
