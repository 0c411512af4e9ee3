import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, managesCommunity, requireCaller } from '../runtime';
import { commonErrors } from '../shared/domain-error';
import { maskAddress } from '../shared/masking';
import { orderErrors } from './orders.errors';
import { openHallRepository } from './open-hall.repository';
import { ordersRepository } from './orders.repository';
import { toOrderView } from './order-view';
import { logServingReads } from './log-serving-reads';
import { searchWords } from '../shared/search-words';
import { changeSummary } from './change-summary';

type Page = { limit: number; offset: number };

/**
 * One order, for a manager of its community (with who accepted and who checked in), a member it is
 * open or sent to, or the resident whose need it serves.
 */
export async function loadOrderView(ctx: ActionContext, orderId: string) {
  const caller = requireCaller(ctx.caller);
  const row = await ordersRepository.findForViewer(ctx.tx, orderId, caller.userId);
  if (!row) throw orderErrors.error('ORDER_NOT_FOUND');
  const manages = await managesCommunity(ctx.tx, caller, row.community_id);
  const memberHere = caller.grants.some((grant) => grant.role === 'member' && grant.orgId === row.community_id);
  const leads = row.leader_member_id === caller.userId;
  const canSee = manages || leads || row.my_status !== null || row.requester_id === caller.userId || (memberHere && row.dispatch === 'open');
  if (!canSee) throw commonErrors.error('FORBIDDEN', '该订单不属于您的社区');
  const assignments = manages ? await ordersRepository.listAssignments(ctx.tx, orderId) : undefined;
  const clashes = memberHere || row.my_status !== null ? await ordersRepository.clashesOf(ctx.tx, caller.userId, row.id, row.starts_at, row.ends_at) : [];
  await logServingReads(ctx, caller.userId, [row], '上门服务（订单详情）');
  const view = toOrderView(row, caller.userId, ctx.clock.now(), assignments, clashes);
  const placeMasked = view.place !== row.place;
  const changes = (await ordersRepository.changesOf(ctx.tx, orderId)).map((change) => ({
    at: change.changed_at.toISOString(),
    byName: change.by_name,
    reason: change.reason,
    summary: changeSummary(
      { startsAt: change.before_starts_at, endsAt: change.before_ends_at, place: change.before_place },
      { startsAt: change.after_starts_at, endsAt: change.after_ends_at, place: change.after_place },
      placeMasked ? maskAddress : undefined,
    ),
  }));
  return { ...view, changes };
}

/** The order hall: open orders of my community and orders sent to me, soonest first, narrowed by the search words. */
export async function listOpenOrders(ctx: ActionContext, input: { category?: string; date?: string; query?: string; page: Page }) {
  const caller = requireCaller(ctx.caller);
  const communityId = communityOf(caller, 'member');
  const now = ctx.clock.now();
  const words = searchWords(input.query);
  const filter = { category: input.category, date: input.date, words, now };
  const rows = await openHallRepository.page(ctx.tx, caller.userId, communityId, filter, input.page);
  // A page that is neither empty nor full is the last one: it tells the total without counting again.
  const total = rows.length === 0 ? 0 : rows.length < input.page.limit ? input.page.offset + rows.length
    : await openHallRepository.count(ctx.tx, caller.userId, communityId, filter);
  return { items: rows.map((row) => toOrderView(row, caller.userId, now)), total };
}

/** My tasks: what I accepted, by phase (upcoming, in service, done); what is happening now comes first. */
export async function listMyTasks(ctx: ActionContext, input: { phase?: string; page: Page }) {
  const caller = requireCaller(ctx.caller);
  communityOf(caller, 'member');
  const now = ctx.clock.now();
  const rows = await ordersRepository.listTasksOfMember(ctx.tx, caller.userId, input.phase, now, input.page);
  await logServingReads(ctx, caller.userId, rows, '上门服务（我的任务）');
  return {
    items: rows.map((row) => toOrderView(row, caller.userId, now)),
    total: Number(rows[0]?.phase_total ?? 0),
  };
}

/** The community's orders for its secretary, newest first. */
export async function listCommunityOrders(ctx: ActionContext, input: { communityId?: string; status?: string; page: Page }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? communityOf(caller, 'secretary');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const now = ctx.clock.now();
  const rows = await ordersRepository.listByCommunity(ctx.tx, caller.userId, communityId, input.status, input.page);
  await logServingReads(ctx, caller.userId, rows, '上门服务（社区订单列表）');
  return { items: rows.map((row) => toOrderView(row, caller.userId, now)), total: Number(rows[0]?.total ?? 0) };
}
