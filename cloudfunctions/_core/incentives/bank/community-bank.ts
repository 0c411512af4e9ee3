import type { ActionContext } from '../../runtime/action';
import { assertManagesCommunity, grantsOf, requireCaller, type Caller } from '../../runtime';
import { commonErrors } from '../../shared/domain-error';
import { maskPhone } from '../../shared/masking';
import { LedgerShortfall, balanceOf, lockAccounts, post } from '../../ledger';
import { bankAmountText, incentiveRulesOfCommunity, splitDeposit } from '../rules';
import { bankAccount, communityBankAccount } from './bank-accounts';
import { bankErrors } from './bank.errors';
import { bankRepository } from './bank.repository';
import type { GrantInput } from './bank.schemas';
import { passbookPage } from './passbook-view';
import { RELATIONS } from './relations';

/** The community whose bank the caller manages: `communityId` when given, else the secretary's own. */
async function managedCommunity(ctx: ActionContext, caller: Caller, communityId?: string) {
  const id = communityId ?? grantsOf(caller, 'secretary')[0]?.orgId;
  if (!id) throw commonErrors.error('FORBIDDEN', '需要社区党组织书记或管理员身份');
  await assertManagesCommunity(ctx.tx, caller, id);
  const [row] = await ctx.tx.query<{ name: string }>(`select name from organisations where id = $1 and kind = 'community'`, [id]);
  if (!row) throw commonErrors.error('FORBIDDEN', '只能管理本社区的数据');
  return { id, name: row.name };
}

/** 社区时间银行: its balance and passbook, who may receive a grant, and family links to confirm for its residents. */
export async function communityBank(ctx: ActionContext, input: { communityId?: string; beforeEntryId?: number }) {
  const caller = requireCaller(ctx.caller);
  const community = await managedCommunity(ctx, caller, input.communityId);
  const rule = (await incentiveRulesOfCommunity(ctx.tx, community.id)).bank;
  const account = communityBankAccount(community.id);
  const page = await passbookPage(ctx.tx, account, { limit: 20, beforeEntryId: input.beforeEntryId, rule, view: 'community' });
  const people = await bankRepository.peopleOf(ctx.tx, community.id);
  const links = await bankRepository.pendingLinksOfCommunity(ctx.tx, community.id);
  return {
    communityId: community.id,
    communityName: community.name,
    unitName: rule.unitName,
    unitsPerHour: rule.unitsPerHour,
    balanceMinutes: await balanceOf(ctx.tx, account),
    ...page,
    people: people.map((person) => ({ id: person.user_id, name: person.name, phone: maskPhone(person.phone), balanceMinutes: Number(person.balance) })),
    linksToConfirm: links.map((link) => ({
      id: link.id, memberName: link.member_name, relativeName: link.relative_name, relation: RELATIONS[link.relation], createdAt: link.created_at.toISOString(),
    })),
  };
}

/** The secretary grants hours from the community's bank to a resident in need (南京: 重点空巢独居老人 first), with a reason. */
export async function grantFromCommunityBank(ctx: ActionContext, input: GrantInput) {
  const caller = requireCaller(ctx.caller);
  const community = await managedCommunity(ctx, caller, input.communityId);
  const recipient = await bankRepository.homeOf(ctx.tx, input.recipientId);
  if (!recipient || recipient.community_id !== community.id) {
    throw bankErrors.error('BANK_RECIPIENT_NOT_IN_COMMUNITY', undefined, { recipientId: '请选择本社区的居民或党员义工' });
  }
  const rule = (await incentiveRulesOfCommunity(ctx.tx, community.id)).bank;
  const bank = communityBankAccount(community.id);
  const to = bankAccount(input.recipientId);
  await lockAccounts(ctx.tx, [bank, to]);
  if (splitDeposit(rule, await balanceOf(ctx.tx, to), input.minutes).toCommunity > 0) {
    throw bankErrors.error('BANK_OVER_CAP', undefined, { minutes: '超出对方账户的存储上限' });
  }
  try {
    const posted = await post(ctx.tx, {
      kind: 'grant',
      idempotencyKey: `grant:${community.id}:${input.requestKey}`,
      sourceRef: `community-bank:${community.id}`,
      memo: input.reason,
      createdBy: caller.userId,
      at: ctx.clock.now(),
      lines: [
        { account: bank, amount: -input.minutes },
        { account: to, amount: input.minutes },
      ],
    });
    return { ...posted, balanceMinutes: await balanceOf(ctx.tx, bank), toCommunityMinutes: 0 };
  } catch (error) {
    if (error instanceof LedgerShortfall) {
      throw bankErrors.error('BANK_COMMUNITY_SHORT', `现有${bankAmountText(rule, error.available)}`, { minutes: '超过了社区时间银行余额' });
    }
    throw error;
  }
}
