import { isSubItemOf } from '../catalogue/service-catalogue';
import { holdForNeed } from '../incentives/bank/need-holds';
import { notifyNeedPosted } from '../notify/events';
import type { ActionContext } from '../runtime/action';
import { grantsOf, requireCaller, type Caller } from '../runtime';
import { assertWithinHorizon } from '../shared/time-horizon';
import { demandErrors } from './demands.errors';
import { demandsRepository, type DemandRow } from './demands.repository';
import type { PostDemandInput } from './demands.schemas';
import { officialCategoryOf } from './need-kinds';
import { loadDemandView } from './list-demands';

const ownCommunityOf = (caller: Caller) => [...grantsOf(caller, 'resident'), ...grantsOf(caller, 'member')][0]?.orgId ?? null;

/** 群众点单: a resident (or a member, for their own family) posts a need to their community. */
export async function postDemand(ctx: ActionContext, input: PostDemandInput) {
  const caller = requireCaller(ctx.caller);
  const communityId = ownCommunityOf(caller);
  if (!communityId) throw demandErrors.error('DEMAND_NO_COMMUNITY');
  const view = await saveNewDemand(ctx, input, { communityId, residentId: caller.userId, requesterName: caller.name, channel: 'self' });
  await notifyNeedPosted(ctx.tx, ctx.clock.now(), view.id);
  if (input.useTimeBank) {
    const title = view.description || view.kindName || view.category;
    await holdForNeed(ctx.tx, { demandId: view.id, payerId: caller.userId, wantedFrom: input.wantedFrom, wantedUntil: input.wantedUntil, title }, ctx.clock.now());
  }
  return view;
}

/** The need form's phone and address, from the caller's last need or their account; their community's service phone. */
export async function needFormDefaults(ctx: ActionContext) {
  const caller = requireCaller(ctx.caller);
  const row = await demandsRepository.formDefaults(ctx.tx, caller.userId, ownCommunityOf(caller));
  return {
    contactPhone: row?.contact_phone ?? '',
    address: row?.address ?? '',
    community: row?.community_name ? { name: row.community_name, servicePhone: row.service_phone } : null,
  };
}

/** Writes a new need into the community's 需求信息库, whoever brought it, and returns it as its author sees it. */
export async function saveNewDemand(
  ctx: ActionContext,
  need: PostDemandInput,
  origin: { communityId: string; residentId: string | null; requesterName: string; channel: DemandRow['channel'] },
) {
  // The schema asks for a kind or a category, so one of them files it.
  const official = officialCategoryOf(need)!;
  if (official.subItem && !isSubItemOf(official.category, official.subItem)) {
    throw demandErrors.error('DEMAND_SUB_ITEM_MISMATCH', undefined, { subItem: '服务子项不属于所选服务类别' });
  }
  const now = ctx.clock.now();
  // A need may be written down a while after the resident asked; a wanted time long past or years ahead is a slip.
  assertWithinHorizon(need.wantedFrom, now, { field: 'wantedFrom', label: '期望开始时间', pastDays: 31 });
  assertWithinHorizon(need.wantedUntil, now, { field: 'wantedUntil', label: '期望结束时间', pastDays: 31 });
  const id = ctx.newId();
  await demandsRepository.insert(ctx.tx, {
    id,
    ...origin,
    contactPhone: need.contactPhone,
    address: need.address,
    kind: need.kind ?? null,
    category: official.category,
    subItem: official.subItem,
    description: need.description,
    wantedFrom: need.wantedFrom ?? null,
    wantedUntil: need.wantedUntil ?? null,
    createdBy: requireCaller(ctx.caller).userId,
    now,
  });
  return loadDemandView(ctx, id);
}
