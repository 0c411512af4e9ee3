import * as z from 'zod';
import type { ActionContext } from '../../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../../runtime/access';
import { commonErrors } from '../../shared/domain-error';
import { maskPhone } from '../../shared/masking';
import { accountHolder } from './bank-accounts';
import { bankErrors } from './bank.errors';
import { bankRepository, type FamilyLinkRow } from './bank.repository';
import type { AddFamilyLinkInput, FamilyLinkView } from './bank.schemas';
import { RELATIONS } from './relations';

const viewOf = (link: FamilyLinkRow, userId: string): z.input<typeof FamilyLinkView> => {
  const mine = link.member_id === userId;
  return {
    id: link.id,
    side: mine ? 'mine' : 'towardMe',
    relation: RELATIONS[link.relation],
    otherName: mine ? link.relative_name : link.member_name,
    otherPhone: mine ? maskPhone(link.relative_phone) : '',
    communityName: link.relative_community_name,
    status: link.status === 'linked' ? 'linked' : 'pending',
    confirmedVia: link.confirmed_via,
  };
};

/** The caller's family links: relatives they named and members who named them. */
export async function familyLinks({ tx, caller }: ActionContext) {
  const me = requireCaller(caller);
  return { links: (await bankRepository.linksOf(tx, me.userId)).map((link) => viewOf(link, me.userId)) };
}

/** A member names a 直系亲属 who is a resident of a community in the same district; it counts once answered. */
export async function addFamilyLink(ctx: ActionContext, input: z.output<typeof AddFamilyLinkInput>) {
  const me = requireCaller(ctx.caller);
  communityOf(me, 'member');
  const { home } = await accountHolder(ctx.tx, me.userId);
  const relative = await bankRepository.residentByPhone(ctx.tx, input.phone, home.district_id);
  if (!relative) throw bankErrors.error('BANK_RELATIVE_NOT_FOUND', undefined, { phone: '找不到本区（街道）登记的这位居民' });
  if (relative.user_id === me.userId) throw bankErrors.error('BANK_LINK_SELF', undefined, { phone: '不能填写自己的手机号码' });
  const id = ctx.newId();
  const inserted = await bankRepository.insertLink(ctx.tx, { id, memberId: me.userId, relativeId: relative.user_id, relation: input.relation, at: ctx.clock.now() });
  if (inserted.length === 0) throw bankErrors.error('BANK_LINK_EXISTS', undefined, { phone: '已登记过这位亲属' });
  return familyLinks(ctx);
}

async function lockedLink(ctx: ActionContext, linkId: string) {
  const link = await bankRepository.lockLink(ctx.tx, linkId);
  if (!link || link.status === 'removed' || link.status === 'declined') throw bankErrors.error('BANK_LINK_NOT_FOUND');
  return link;
}

/** The relative accepts or declines, in their own app. */
export async function answerFamilyLink(ctx: ActionContext, input: { linkId: string; accept: boolean }) {
  const me = requireCaller(ctx.caller);
  const link = await lockedLink(ctx, input.linkId);
  if (link.relative_id !== me.userId) throw bankErrors.error('BANK_LINK_NOT_FOUND');
  if (link.status !== 'pending') throw bankErrors.error('BANK_LINK_NOT_PENDING');
  await bankRepository.answerLink(ctx.tx, link.id, { status: input.accept ? 'linked' : 'declined', via: 'relative', by: me.userId, at: ctx.clock.now() });
  return familyLinks(ctx);
}

/** The relative's community secretary confirms the link for them (an elderly relative often has no phone). */
export async function confirmFamilyLink(ctx: ActionContext, input: { linkId: string }) {
  const me = requireCaller(ctx.caller);
  const link = await lockedLink(ctx, input.linkId);
  await assertManagesCommunity(ctx.tx, me, link.relative_community_id);
  if (link.status !== 'pending') throw bankErrors.error('BANK_LINK_NOT_PENDING');
  await bankRepository.answerLink(ctx.tx, link.id, { status: 'linked', via: 'secretary', by: me.userId, at: ctx.clock.now() });
  return { confirmed: true };
}

/** Either side ends the link; hours already given stay given. */
export async function removeFamilyLink(ctx: ActionContext, input: { linkId: string }) {
  const me = requireCaller(ctx.caller);
  const link = await lockedLink(ctx, input.linkId);
  if (link.member_id !== me.userId && link.relative_id !== me.userId) throw commonErrors.error('FORBIDDEN', '只能解除自己的亲属关系');
  await bankRepository.answerLink(ctx.tx, link.id, { status: 'removed', via: null, by: me.userId, at: ctx.clock.now() });
  return familyLinks(ctx);
}
