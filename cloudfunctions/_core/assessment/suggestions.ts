import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';
import { commonErrors } from '../shared/domain-error';
import { businessYear } from '../shared/business-time';
import { assessmentErrors } from './assessment.errors';
import type { HandleSuggestionInput, SuggestionView } from './suggestions.schemas';
import { suggestionsRepository, type SuggestionRow } from './suggestions.repository';

/*
 * 建议 (004 §二.2(3)): a member's suggestion to their community counts toward the suggestions rule in the Beijing
 * year it was submitted in, whatever the secretary did with it (replied, forwarded, adopted or not yet handled);
 * only one the member withdrew does not count. See docs/glossary.md, 建议.
 */

type Page = { limit: number; offset: number };

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export const toSuggestionView = (row: SuggestionRow): SuggestionView => ({
  id: row.id,
  category: row.category,
  body: row.body,
  status: row.status,
  reply: row.reply,
  forwardedTo: row.forwarded_to,
  submittedAt: row.submitted_at.toISOString(),
  handledAt: iso(row.handled_at),
  member: { id: row.member_id, name: row.member_name, gridName: row.grid_name },
  communityName: row.community_name,
});

/** The start of a Beijing year as an instant (China Standard Time is UTC+8 all year). */
const beijingYearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);

async function viewOf(ctx: ActionContext, id: string) {
  const row = await suggestionsRepository.findById(ctx.tx, id);
  if (!row) throw assessmentErrors.error('SUGGESTION_NOT_FOUND');
  return toSuggestionView(row);
}

export async function submitSuggestion(ctx: ActionContext, input: { category: string; body: string }) {
  const caller = requireCaller(ctx.caller);
  const communityId = communityOf(caller, 'member');
  const id = ctx.newId();
  await suggestionsRepository.insert(ctx.tx, { id, memberId: caller.userId, communityId, category: input.category, body: input.body, at: ctx.clock.now() });
  return viewOf(ctx, id);
}

export async function mySuggestions(ctx: ActionContext, input: { page: Page }) {
  const caller = requireCaller(ctx.caller);
  communityOf(caller, 'member');
  const rows = await suggestionsRepository.byMember(ctx.tx, caller.userId, input.page);
  const year = businessYear(ctx.clock.now());
  const countedThisYear = await suggestionsRepository.countedBetween(ctx.tx, caller.userId, beijingYearStart(year), beijingYearStart(year + 1));
  return { items: rows.map(toSuggestionView), total: Number(rows[0]?.total ?? 0), countedThisYear };
}

/** The member takes back a suggestion nobody has answered yet; it then no longer counts. */
export async function withdrawSuggestion(ctx: ActionContext, input: { suggestionId: string }) {
  const caller = requireCaller(ctx.caller);
  const suggestion = await suggestionsRepository.lockById(ctx.tx, input.suggestionId);
  if (!suggestion) throw assessmentErrors.error('SUGGESTION_NOT_FOUND');
  if (suggestion.member_id !== caller.userId) throw commonErrors.error('FORBIDDEN', '只能撤回自己提出的建议');
  if (suggestion.status !== 'submitted') throw assessmentErrors.error('SUGGESTION_ALREADY_HANDLED');
  await suggestionsRepository.withdraw(ctx.tx, suggestion.id);
  return viewOf(ctx, suggestion.id);
}

export async function listSuggestions(ctx: ActionContext, input: { communityId?: string; status?: string; page: Page }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? caller.grants.find((grant) => grant.role === 'secretary')?.orgId;
  if (!communityId) throw commonErrors.error('FORBIDDEN', '需要社区党组织书记或管理员身份');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const rows = await suggestionsRepository.byCommunity(ctx.tx, communityId, input.status ?? null, input.page);
  return { items: rows.map(toSuggestionView), total: Number(rows[0]?.total ?? 0), waiting: await suggestionsRepository.waitingIn(ctx.tx, communityId) };
}

const STATUS_OF = { reply: 'replied', forward: 'forwarded', adopt: 'adopted' } as const;

/**
 * The secretary answers a suggestion, forwards it to whoever can act on it, or adopts it. A forwarded one may be
 * answered or adopted later, when word comes back; one answered, adopted or withdrawn is settled.
 */
export async function handleSuggestion(ctx: ActionContext, input: HandleSuggestionInput) {
  const caller = requireCaller(ctx.caller);
  const suggestion = await suggestionsRepository.lockById(ctx.tx, input.suggestionId);
  if (!suggestion) throw assessmentErrors.error('SUGGESTION_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, suggestion.community_id);
  if (suggestion.status === 'withdrawn') throw assessmentErrors.error('SUGGESTION_WITHDRAWN');
  if (suggestion.status !== 'submitted' && !(suggestion.status === 'forwarded' && input.decision !== 'forward')) {
    throw assessmentErrors.error('SUGGESTION_ALREADY_HANDLED');
  }
  await suggestionsRepository.handle(ctx.tx, suggestion.id, {
    status: STATUS_OF[input.decision],
    reply: input.reply ?? null,
    forwardedTo: input.decision === 'forward' ? input.forwardedTo! : null,
    by: caller.userId,
    at: ctx.clock.now(),
  });
  return viewOf(ctx, suggestion.id);
}
