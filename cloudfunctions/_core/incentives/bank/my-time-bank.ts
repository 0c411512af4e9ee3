import { balanceOf } from '../../ledger';
import type { ActionContext } from '../../runtime/action';
import { grantsOf, requireCaller } from '../../runtime';
import { districtsOf } from '../../org/district-scope';
import { settleMember } from '../settlement';
import { accountHolder, applyExpiry, bankAccount, heldAccount } from './bank-accounts';
import { bankRepository } from './bank.repository';
import { needBankOffer, reconcileHolds } from './need-holds';
import { passbookPage } from './passbook-view';

/** Everything the account waits on before it is read: the member's settled records, ended needs, expiry. */
async function bringUpToDate(ctx: ActionContext, userId: string) {
  const holder = await accountHolder(ctx.tx, userId);
  const now = ctx.clock.now();
  if (holder.home.is_member) await settleMember(ctx.tx, userId, now);
  await reconcileHolds(ctx.tx, userId, now);
  await applyExpiry(ctx.tx, holder, now);
  return holder;
}

/** 我的存折: the balance, what is held for needs, and the lines newest first, each saying what it was. */
export async function myTimeBank(ctx: ActionContext, input: { beforeEntryId?: number }) {
  const me = requireCaller(ctx.caller);
  const { home, rule } = await bringUpToDate(ctx, me.userId);
  const page = await passbookPage(ctx.tx, bankAccount(me.userId), { limit: 20, beforeEntryId: input.beforeEntryId, rule, view: 'personal' });
  return {
    unitName: rule.unitName,
    unitsPerHour: rule.unitsPerHour,
    balanceMinutes: await balanceOf(ctx.tx, bankAccount(me.userId)),
    heldMinutes: await balanceOf(ctx.tx, heldAccount(me.userId)),
    capMinutes: rule.capMinutes,
    expiryMonths: rule.expiryMonths,
    familyGifts: rule.familyGifts,
    spendOnNeeds: rule.spendOnNeeds,
    isMember: grantsOf(me, 'member').length > 0,
    communityName: home.community_name,
    ...page,
  };
}

/** What the need form shows beside 「使用时间银行」: whether the district allows it and the balance. */
export async function timeBankForNeed(ctx: ActionContext) {
  const me = requireCaller(ctx.caller);
  const home = await bankRepository.homeOf(ctx.tx, me.userId);
  if (home?.is_member) await settleMember(ctx.tx, me.userId, ctx.clock.now());
  return needBankOffer(ctx.tx, me.userId, ctx.clock.now());
}

/** The district admin's expiry run over every account of the district (a no-op where no expiry is configured). */
export async function expireTimeBanks(ctx: ActionContext) {
  const now = ctx.clock.now();
  let accounts = 0;
  let expiredMinutes = 0;
  for (const districtId of districtsOf(ctx.caller)) {
    for (const { owner_id } of await bankRepository.holdersInDistrict(ctx.tx, districtId)) {
      const expired = await applyExpiry(ctx.tx, await accountHolder(ctx.tx, owner_id), now);
      if (expired > 0) accounts += 1;
      expiredMinutes += expired;
    }
  }
  return { accounts, expiredMinutes };
}
