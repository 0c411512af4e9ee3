import type { Executor } from '../../db/database';
import { LedgerShortfall, balanceOf, lockAccounts, post, type Posting, type PostingLine } from '../../ledger';
import type { ActionContext } from '../../runtime/action';
import { communityOf, requireCaller } from '../../runtime/access';
import { bankAmountText, splitDeposit, type BankRule } from '../rules';
import { accountHolder, applyExpiry, bankAccount, communityBankAccount } from './bank-accounts';
import { bankErrors } from './bank.errors';
import { bankRepository } from './bank.repository';
import type { GiftHoursInput } from './bank.schemas';
import { RELATIONS } from './relations';

/** Posts a transfer out of the payer's account, answering BANK_SHORT (with what they hold) when it cannot carry it. */
export async function postFromAccount(tx: Executor, payerId: string, rule: BankRule, posting: Posting) {
  try {
    return await post(tx, posting);
  } catch (error) {
    if (error instanceof LedgerShortfall && error.account.ownerId === payerId) {
      throw bankErrors.error('BANK_SHORT', `现有${bankAmountText(rule, error.available)}`, { minutes: '超过了时间银行余额' });
    }
    throw error;
  }
}

/** Lines that credit `minutes` to a person, any part above their cap going to their community's bank (南京). */
export async function creditUnderCap(tx: Executor, recipientId: string, communityId: string, rule: BankRule, minutes: number): Promise<PostingLine[]> {
  const { toAccount, toCommunity } = splitDeposit(rule, await balanceOf(tx, bankAccount(recipientId)), minutes);
  return [
    ...(toAccount > 0 ? [{ account: bankAccount(recipientId), amount: toAccount }] : []),
    ...(toCommunity > 0 ? [{ account: communityBankAccount(communityId), amount: toCommunity }] : []),
  ];
}

const transferView = async (tx: Executor, userId: string, posted: { transactionId: string; replayed: boolean }, lines: PostingLine[], communityId: string) => ({
  ...posted,
  balanceMinutes: await balanceOf(tx, bankAccount(userId)),
  toCommunityMinutes: lines.find((line) => line.account.purpose === 'community_bank' && line.account.ownerId === communityId)?.amount ?? 0,
});

/** 北京, 杭州: a member gives banked hours to a linked 直系亲属, where the district allows it. */
export async function giftHours(ctx: ActionContext, input: GiftHoursInput) {
  const me = requireCaller(ctx.caller);
  communityOf(me, 'member');
  const now = ctx.clock.now();
  const giver = await accountHolder(ctx.tx, me.userId);
  if (!giver.rule.familyGifts) throw bankErrors.error('BANK_GIFTS_OFF');
  const link = await bankRepository.lockLink(ctx.tx, input.linkId);
  if (!link || link.member_id !== me.userId || link.status !== 'linked') throw bankErrors.error('BANK_NOT_LINKED');
  const recipient = await accountHolder(ctx.tx, link.relative_id);
  if (recipient.home.district_id !== giver.home.district_id) throw bankErrors.error('BANK_NOT_LINKED', '对方已不在本区（街道）登记');
  // Both accounts, in id order: the recipient's cap is read under its lock.
  await lockAccounts(ctx.tx, [bankAccount(me.userId), bankAccount(link.relative_id)]);
  await applyExpiry(ctx.tx, giver, now);
  const credit = await creditUnderCap(ctx.tx, link.relative_id, recipient.home.community_id, recipient.rule, input.minutes);
  const lines = [{ account: bankAccount(me.userId), amount: -input.minutes }, ...credit];
  const posted = await postFromAccount(ctx.tx, me.userId, giver.rule, {
    kind: 'gift',
    idempotencyKey: `gift:${me.userId}:${input.requestKey}`,
    sourceRef: `family:${link.id}`,
    memo: `转赠给 ${RELATIONS[link.relation]} ${link.relative_name}`,
    createdBy: me.userId,
    at: now,
    lines,
  });
  return transferView(ctx.tx, me.userId, posted, lines, recipient.home.community_id);
}

/** 捐赠给社区: a member or resident gives banked hours to their community's bank. */
export async function donateHours(ctx: ActionContext, input: { minutes: number; requestKey: string }) {
  const me = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const holder = await accountHolder(ctx.tx, me.userId);
  await applyExpiry(ctx.tx, holder, now);
  const lines = [
    { account: bankAccount(me.userId), amount: -input.minutes },
    { account: communityBankAccount(holder.home.community_id), amount: input.minutes },
  ];
  const posted = await postFromAccount(ctx.tx, me.userId, holder.rule, {
    kind: 'donate',
    idempotencyKey: `donate:${me.userId}:${input.requestKey}`,
    sourceRef: `community-bank:${holder.home.community_id}`,
    memo: '捐赠给社区',
    createdBy: me.userId,
    at: now,
    lines,
  });
  return transferView(ctx.tx, me.userId, posted, lines, holder.home.community_id);
}
