import { lockPendingDemand } from '../demands';
import { demandsRepository } from '../demands/demands.repository';
import { notifyOrderCreated } from '../notify/events';
import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';
import { assertWithinHorizon } from '../shared/time-horizon';
import { MAX_ORDER_HOURS, START_GRACE_MINUTES } from './order-status';
import { orderErrors } from './orders.errors';
import { ordersRepository } from './orders.repository';
import type { CreateOrderInput } from './orders.schemas';
import { loadOrderView } from './list-orders';
import { checkPublishingNotice } from './calendar/notice-check';

/** 党组织下单: turns a need, or an activity of the organisation's own, into an order and dispatches it. */
export async function createOrder(ctx: ActionContext, input: CreateOrderInput) {
  const caller = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (startsAt.getTime() < now.getTime() - START_GRACE_MINUTES * 60_000) {
    throw orderErrors.error('ORDER_STARTS_IN_PAST', undefined, { startsAt: '开始时间已过' });
  }
  assertWithinHorizon(startsAt, now, { field: 'startsAt', label: '开始时间' });
  if (endsAt.getTime() - startsAt.getTime() > MAX_ORDER_HOURS * 3_600_000) {
    throw orderErrors.error('ORDER_TOO_LONG', undefined, { endsAt: `单次服务不能超过${MAX_ORDER_HOURS}小时` });
  }

  let communityId: string;
  let place = input.place;
  if (input.demandId) {
    const demand = await lockPendingDemand(ctx, input.demandId);
    await assertManagesCommunity(ctx.tx, caller, demand.community_id);
    communityId = demand.community_id;
    const need = (await demandsRepository.findById(ctx.tx, demand.id))!;
    // The title is shown in the order hall and kept in every member's record: it never names the resident.
    if (need.requester_name.length >= 2 && input.title.includes(need.requester_name)) {
      throw orderErrors.error('ORDER_TITLE_NAMES_RESIDENT', undefined, { title: '标题中不能写居民姓名' });
    }
    place ??= need.address;
    await demandsRepository.setStatus(ctx.tx, demand.id, 'accepted', now);
  } else {
    communityId = communityOf(caller, 'secretary');
  }

  const people = [...new Set([...input.inviteeIds, ...(input.leaderMemberId ? [input.leaderMemberId] : [])])];
  const known = new Set((await ordersRepository.membersOfCommunity(ctx.tx, communityId, people)).map((row) => row.user_id));
  if (input.inviteeIds.some((id) => !known.has(id))) {
    throw orderErrors.error('ORDER_INVITEE_NOT_MEMBER', undefined, { inviteeIds: '受邀人须是本社区报到的党员义工' });
  }
  if (input.leaderMemberId && !known.has(input.leaderMemberId)) {
    throw orderErrors.error('ORDER_LEADER_NOT_MEMBER', undefined, { leaderMemberId: '负责人须是本社区报到的党员义工' });
  }

  if (input.focusedTeamId && !(await ordersRepository.isLiveTeamOf(ctx.tx, input.focusedTeamId, communityId))) {
    throw orderErrors.error('ORDER_FOCUSED_TEAM_INVALID', undefined, { focusedTeamId: '须选择本社区现有的服务队' });
  }

  // 预约预告: an activity gives the district's notice, or is published as 临时通知 knowingly; a need's order has none.
  const notice = input.demandId ? undefined : await checkPublishingNotice(ctx.tx, communityId, input, now);

  const orderId = ctx.newId();
  await ordersRepository.insert(ctx.tx, {
    id: orderId,
    communityId,
    demandId: input.demandId ?? null,
    title: input.title,
    category: input.category,
    description: input.description,
    place: place!,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    capacity: input.capacity,
    dispatch: input.dispatch,
    cancelCutoffMinutes: input.cancelCutoffMinutes,
    requiredPosts: input.requiredPosts,
    requiredSkills: input.requiredSkills,
    leaderMemberId: input.leaderMemberId ?? null,
    focusedTeamId: input.focusedTeamId ?? null,
    createdBy: caller.userId,
    now,
    notice,
  });
  if (input.dispatch === 'directed') {
    await ordersRepository.invite(
      ctx.tx,
      input.inviteeIds.map((memberId) => ({ id: ctx.newId(), orderId, memberId, now })),
    );
  }
  await notifyOrderCreated(ctx.tx, now, orderId, input.dispatch === 'directed' ? input.inviteeIds : []);
  return loadOrderView(ctx, orderId);
}
