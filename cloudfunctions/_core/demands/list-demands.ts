import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, managesCommunity, requireCaller } from '../runtime';
import { commonErrors } from '../shared/domain-error';
import { searchWords } from '../shared/search-words';
import { demandErrors } from './demands.errors';
import { demandsRepository } from './demands.repository';
import { toDemandView } from './demand-view';

type Page = { limit: number; offset: number };

/** One need, for its requester or a manager of its community. */
export async function loadDemandView(ctx: ActionContext, demandId: string) {
  const caller = requireCaller(ctx.caller);
  const row = await demandsRepository.findById(ctx.tx, demandId);
  if (!row) throw demandErrors.error('DEMAND_NOT_FOUND');
  const isRequester = row.resident_id === caller.userId;
  if (!isRequester && !(await managesCommunity(ctx.tx, caller, row.community_id))) {
    throw commonErrors.error('FORBIDDEN', '只能查看自己提交或本社区的需求');
  }
  return toDemandView(row, isRequester);
}

export async function listMyDemands(ctx: ActionContext, input: { page: Page }) {
  const caller = requireCaller(ctx.caller);
  const rows = await demandsRepository.listByResident(ctx.tx, caller.userId, input.page);
  return { items: rows.map((row) => toDemandView(row, true)), total: Number(rows[0]?.total ?? 0) };
}

/** The community's 需求信息库, newest first, for its secretary, narrowed by the search words. */
export async function listCommunityDemands(ctx: ActionContext, input: { status?: string; query?: string; page: Page; communityId?: string }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? caller.grants.find((grant) => grant.role === 'secretary')?.orgId;
  if (!communityId) throw commonErrors.error('FORBIDDEN', '需要社区党组织书记或管理员身份');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const filter = { status: input.status, words: searchWords(input.query) };
  const rows = await demandsRepository.listByCommunity(ctx.tx, communityId, filter, input.page);
  return { items: rows.map((row) => toDemandView(row, false)), total: Number(rows[0]?.total ?? 0) };
}
