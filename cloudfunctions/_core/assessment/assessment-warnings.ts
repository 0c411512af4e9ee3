import { assertManagesCommunity, communityOf, grantsOf, requireCaller, type ActionContext } from '../runtime';
import { businessYear } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { evaluateOrganisationRates } from './evaluate-rates';
import { memberStandingEvaluator } from './evaluate-standing';
import { loadMemberFacts } from './member-facts.repository';
import { loadOrganisationRates } from './organisation-rates.repository';
import { ruleSetForCommunity } from './rule-set.repository';
import type { WarningsView } from './standing.schemas';
import type * as z from 'zod';
import { communityWarnings, memberWarnings } from './warnings';

type View = z.output<typeof WarningsView>;

/** The caller's own warnings: what of their rules is at risk now. */
async function myWarnings(ctx: ActionContext, year: number): Promise<View> {
  const caller = requireCaller(ctx.caller);
  const [row] = await loadMemberFacts(ctx.tx, { memberIds: [caller.userId] }, year);
  if (!row) throw commonErrors.error('FORBIDDEN', '需要党员义工身份');
  const now = ctx.clock.now();
  const { ruleSet } = await ruleSetForCommunity(ctx.tx, row.communityId, year);
  const standing = memberStandingEvaluator(ruleSet, year, now)(row.facts);
  return { year, scope: 'me', items: memberWarnings(ruleSet, year, now, standing, row.facts) };
}

/** A community's warnings, for its secretary or her district's admin: members at risk by kind, and rates under threshold. */
async function communityWarningsOf(ctx: ActionContext, year: number, communityId: string | undefined): Promise<View> {
  const caller = requireCaller(ctx.caller);
  const id = communityId ?? (grantsOf(caller, 'secretary').length > 0 ? communityOf(caller, 'secretary') : undefined);
  if (!id) throw commonErrors.error('FORBIDDEN', '需要社区党组织书记或管理员身份');
  await assertManagesCommunity(ctx.tx, caller, id);
  const now = ctx.clock.now();
  const { ruleSet } = await ruleSetForCommunity(ctx.tx, id, year);
  const evaluate = memberStandingEvaluator(ruleSet, year, now);
  const rows = await loadMemberFacts(ctx.tx, { communityId: id }, year);
  const perMember = rows.map((row) => memberWarnings(ruleSet, year, now, evaluate(row.facts), row.facts));
  const [rates] = await loadOrganisationRates(ctx.tx, { organisationIds: [id] }, year);
  const under = rates ? evaluateOrganisationRates(ruleSet, rates.rates).rates : [];
  return { year, scope: 'community', items: communityWarnings(perMember, under) };
}

/** Warnings as data (issue 13 item 4): for the caller as a member, or for a community. Only the current year has any. */
export async function warnings(ctx: ActionContext, input: { scope: 'me' | 'community'; communityId?: string }): Promise<View> {
  const year = businessYear(ctx.clock.now());
  return input.scope === 'community' ? communityWarningsOf(ctx, year, input.communityId) : myWarnings(ctx, year);
}
