import * as z from 'zod';
import { field } from '../shared/fields';
import { assessmentYear, RuleSetOrigin } from './assessment-common.schemas';
import { WARNING_KINDS } from './warnings';

const Year = assessmentYear().optional();

export const MyStandingInput = z.object({ year: Year });

export const MemberStandingInput = z.object({ memberId: field.id('党员'), year: Year });

const QuarterView = z.object({
  quarter: z.number().int().min(1).max(4),
  applicable: z.boolean(),
  figure: z.number(),
  target: z.number(),
  met: z.boolean(),
  phase: z.enum(['past', 'current', 'future']),
});

export const RuleOutcomeView = z.object({
  ruleId: z.string(),
  title: z.string(),
  clause: z.string(),
  measure: z.string(),
  status: z.enum(['met', 'not_met', 'exempt', 'not_applicable']),
  /** The rule's period is still running, so the outcome may still change. */
  open: z.boolean(),
  figure: z.number(),
  target: z.number(),
  unit: z.string(),
  left: z.number(),
  /** The last business day (YYYY-MM-DD) to do what is left, when there is one. */
  by: z.string().nullable(),
  advice: z.string(),
  quarters: z.array(QuarterView).nullable(),
  /** Labels of what follows if the rule stays unmet (empty when met, exempt or not applicable). */
  consequences: z.array(z.string()),
  exemption: z.object({ reason: z.string(), approvedBy: z.string() }).nullable(),
});

/** One kind of eligibility (优秀, 评选表彰, 评先评优) the rule set ties to its rules. */
export const EligibilityView = z.object({
  consequence: z.string(),
  /** What is at stake, e.g. 「评为优秀」. */
  label: z.string(),
  /** eligible: no rule carrying it is unmet; at_risk: unmet rules are still open; lost: a rule carrying it was missed for good. */
  status: z.enum(['eligible', 'at_risk', 'lost']),
  /** 「可评为优秀」 / 「目前不可评为优秀：……」 / 「本年度不可评为优秀：……」 */
  text: z.string(),
  /** The titles of the rules that stand in the way. */
  blockedBy: z.array(z.string()),
});

export const StandingView = z.object({
  year: z.number().int(),
  /** Whether the year is over (a closed year keeps that year's rule set). */
  closed: z.boolean(),
  member: z.object({
    memberId: z.string(),
    name: z.string(),
    volunteerNo: z.string().nullable(),
    memberType: z.string(),
    memberTypeLabel: z.string(),
    communityName: z.string(),
    gridName: z.string().nullable(),
    activistSince: z.string().nullable(),
    joinedPartyOn: z.string().nullable(),
  }),
  ruleSet: z.object({
    name: z.string(),
    source: z.string(),
    origin: RuleSetOrigin,
    version: z.number().int().nullable(),
    year: z.number().int(),
  }),
  rules: z.array(RuleOutcomeView),
  /** met: every applicable rule met or exempt; at_risk: some unmet but open; not_met: some missed for good. */
  overall: z.enum(['met', 'at_risk', 'not_met']),
  eligibility: z.array(EligibilityView),
  /** Credited service hours of the year by Beijing month, January first (12 numbers). */
  hoursByMonth: z.array(z.number()),
  creditedHours: z.number(),
  /** The yearly hours target after pro rata, when the rule set has a yearly hours rule for this member; else null. */
  targetHours: z.number().nullable(),
});

export type StandingViewOutput = z.output<typeof StandingView>;

export const WarningsInput = z.object({
  /** me: the caller's own (a member); community: a community's (its secretary, or her district's admin). */
  scope: field.oneOf('预警范围', ['me', 'community']).default('me'),
  communityId: field.id('社区').optional(),
});

export const WarningView = z.object({
  kind: z.enum(WARNING_KINDS),
  severity: z.enum(['urgent', 'warning']),
  text: z.string(),
  due: z.string().nullable(),
  /** Where to act: a button label and a mini-program page. */
  action: z.object({ label: z.string(), url: z.string() }),
  ruleId: z.string().nullable(),
  /** For a community: how many members it concerns. */
  count: z.number().int().nullable(),
});

export const WarningsView = z.object({
  year: z.number().int(),
  scope: z.enum(['me', 'community']),
  items: z.array(WarningView),
});

/** Both days as they should stand: a day left out is cleared. */
export const SetMemberDatesInput = z.object({
  memberId: field.id('党员'),
  activistSince: field.day('成为入党积极分子日期', { example: '2025-03-01' }).optional(),
  joinedPartyOn: field.day('入党日期', { example: '2026-07-01' }).optional(),
});

export const MemberDatesView = z.object({
  memberId: z.string(),
  activistSince: z.string().nullable(),
  joinedPartyOn: z.string().nullable(),
  datesSetBy: z.string().nullable(),
  datesSetAt: z.string().nullable(),
});
