import type { Executor } from '../db/database';
import { toHours } from '../records/record-view';
import { MEMBER_TYPE_LABELS } from '../registration/registration-form';
import { administersUnit, managesCommunity, requireCaller, type ActionContext } from '../runtime';
import { businessYear } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { assessmentErrors } from './assessment.errors';
import { evaluateMemberStanding, type RuleOutcome, type Standing } from './evaluate-standing';
import { loadMemberFacts, type MemberFactsRow } from './member-facts.repository';
import { ruleSetForCommunity, type EffectiveRuleSet } from './rule-set.repository';
import { creditedMinutesByMonth } from './standing.repository';
import { CONSEQUENCE_LABELS, type Consequence, type MemberType, type RuleSet } from './rule-set.schema';
import type { StandingViewOutput } from './standing.schemas';

/** What a member may lose, as the eligibility line reads it: 「可评为优秀」 / 「目前不可评为优秀：……」. */
const AT_STAKE: Record<Consequence, string> = {
  not_excellent: '评为优秀',
  no_commendation: '参加评选表彰',
  no_merit_rating: '参加评先评优',
  organisation_no_merit: '参加组织评选评优',
};

/** Each consequence the member's applicable rules carry, and whether it is still clear, at risk, or lost for the year. */
export function eligibilityOf(ruleSet: RuleSet, standing: Standing): StandingViewOutput['eligibility'] {
  const byId = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
  const applicable = standing.rules.filter((outcome) => outcome.status !== 'not_applicable');
  const carried = [...new Set(applicable.flatMap((outcome) => byId.get(outcome.ruleId)?.consequences ?? []))];
  return carried.map((consequence) => {
    const blocking = applicable.filter((outcome) => outcome.status === 'not_met' && outcome.consequences.includes(consequence));
    const lost = standing.consequences.includes(consequence);
    const shown = lost ? blocking.filter((outcome) => !outcome.open) : blocking;
    const why = shown.map((outcome) => outcome.advice).join('；');
    const label = AT_STAKE[consequence];
    const status = lost ? 'lost' : blocking.length > 0 ? 'at_risk' : 'eligible';
    const text = status === 'eligible' ? `可${label}` : status === 'lost' ? `本年度不可${label}：${why}` : `目前不可${label}：${why}`;
    return { consequence, label: CONSEQUENCE_LABELS[consequence], status, text, blockedBy: shown.map((outcome) => outcome.title) };
  });
}

/** The yearly hours rule that holds the member (after pro rata), if the rule set has one that applies. */
export const yearlyHoursRule = (ruleSet: RuleSet, standing: Standing): RuleOutcome | undefined =>
  standing.rules.find(
    (outcome) => outcome.measure === 'service_hours' && outcome.status !== 'not_applicable' && ruleSet.rules.find((rule) => rule.id === outcome.ruleId)?.period === 'year',
  );

const overallOf = (standing: Standing): StandingViewOutput['overall'] =>
  standing.rules.some((rule) => rule.status === 'not_met' && !rule.open) ? 'not_met' : standing.rules.some((rule) => rule.status === 'not_met') ? 'at_risk' : 'met';

export function standingView(
  row: MemberFactsRow,
  effective: EffectiveRuleSet,
  standing: Standing,
  minutesByMonth: number[],
  year: number,
  now: Date,
): StandingViewOutput {
  const target = yearlyHoursRule(effective.ruleSet, standing);
  return {
    year,
    closed: year < businessYear(now),
    member: {
      memberId: row.memberId,
      name: row.name,
      volunteerNo: row.volunteerNo ?? null,
      memberType: row.memberType,
      memberTypeLabel: MEMBER_TYPE_LABELS[row.memberType as MemberType] ?? row.memberType,
      communityName: row.communityName,
      gridName: row.gridName ?? null,
      activistSince: row.facts.activistSince ?? null,
      joinedPartyOn: row.facts.joinedOn ?? null,
    },
    ruleSet: { name: effective.ruleSet.name, source: effective.ruleSet.source, origin: effective.origin, version: effective.version, year: effective.chosenForYear ?? year },
    rules: standing.rules.map((outcome) => ({
      ruleId: outcome.ruleId,
      title: outcome.title,
      clause: outcome.clause,
      measure: outcome.measure,
      status: outcome.status,
      open: outcome.open,
      figure: outcome.figure,
      target: outcome.target,
      unit: outcome.unit,
      left: outcome.left,
      by: outcome.by,
      advice: outcome.advice,
      quarters: outcome.quarters ?? null,
      consequences: outcome.consequences.map((consequence) => CONSEQUENCE_LABELS[consequence]),
      exemption: outcome.exemption ?? null,
    })),
    overall: overallOf(standing),
    eligibility: eligibilityOf(effective.ruleSet, standing),
    hoursByMonth: minutesByMonth.map(toHours),
    creditedHours: toHours(minutesByMonth.reduce((sum, minutes) => sum + minutes, 0)),
    targetHours: target ? target.target : null,
  };
}

/** One member's standing in a year, with the rule set that holds for the member's community that year. */
export async function memberStandingOf(tx: Executor, memberId: string, year: number, now: Date) {
  const [row] = await loadMemberFacts(tx, { memberIds: [memberId] }, year);
  if (!row) throw assessmentErrors.error('ASSESSMENT_MEMBER_NOT_FOUND');
  const effective = await ruleSetForCommunity(tx, row.communityId, year);
  const standing = evaluateMemberStanding(effective.ruleSet, year, now, row.facts);
  const minutesByMonth = await creditedMinutesByMonth(tx, memberId, year);
  return { row, effective, standing, minutesByMonth };
}

const yearOf = (ctx: ActionContext, year: number | undefined) => year ?? businessYear(ctx.clock.now());

/** 我的考核: the caller's own standing. */
export async function myStanding(ctx: ActionContext, input: { year?: number }): Promise<StandingViewOutput> {
  const caller = requireCaller(ctx.caller);
  const [member] = await ctx.tx.query<{ user_id: string }>('select user_id from members where user_id = $1', [caller.userId]);
  if (!member) throw commonErrors.error('FORBIDDEN', '需要党员义工身份');
  const year = yearOf(ctx, input.year);
  const { row, effective, standing, minutesByMonth } = await memberStandingOf(ctx.tx, caller.userId, year, ctx.clock.now());
  return standingView(row, effective, standing, minutesByMonth, year, ctx.clock.now());
}

/** Whether the caller may see this member's standing: her community's secretary, its unit's admin, or her district's admin. */
export async function assertSeesMember(ctx: ActionContext, memberId: string): Promise<void> {
  const caller = requireCaller(ctx.caller);
  const [member] = await ctx.tx.query<{ community_id: string; unit_id: string | null }>('select community_id, unit_id from members where user_id = $1', [memberId]);
  if (!member) throw assessmentErrors.error('ASSESSMENT_MEMBER_NOT_FOUND');
  if (member.unit_id && administersUnit(caller, member.unit_id)) return;
  if (await managesCommunity(ctx.tx, caller, member.community_id)) return;
  throw commonErrors.error('FORBIDDEN', '只能查看本社区、本单位或本区党员的考核情况');
}

/** A member's standing for her secretary, unit admin or district admin: the same view as 我的考核. */
export async function memberStanding(ctx: ActionContext, input: { memberId: string; year?: number }): Promise<StandingViewOutput> {
  await assertSeesMember(ctx, input.memberId);
  const year = yearOf(ctx, input.year);
  const { row, effective, standing, minutesByMonth } = await memberStandingOf(ctx.tx, input.memberId, year, ctx.clock.now());
  return standingView(row, effective, standing, minutesByMonth, year, ctx.clock.now());
}

/**
 * The hours target a member's 我的时长 shows: the yearly hours rule of their rule set after pro rata, or none; with
 * the rule it comes from, or, when there is no yearly hours rule, the first other rule that holds them (a count, or
 * an activist's cultivation period), so the page can show that instead of a progress bar.
 */
export async function hoursTargetOf(tx: Executor, memberId: string, year: number, now: Date) {
  const [row] = await loadMemberFacts(tx, { memberIds: [memberId] }, year);
  if (!row) return { targetHours: null, targetRule: null };
  const { ruleSet } = await ruleSetForCommunity(tx, row.communityId, year);
  const standing = evaluateMemberStanding(ruleSet, year, now, row.facts);
  const hours = yearlyHoursRule(ruleSet, standing);
  const shown = hours ?? standing.rules.find((outcome) => outcome.status !== 'not_applicable');
  return { targetHours: hours ? hours.target : null, targetRule: shown ? { title: shown.title, advice: shown.advice } : null };
}
