import { businessDate } from '../shared/business-time';
import { DaySpan, QUARTER_NAMES, fullDay, monthDay, phaseOf, quarterSpans, within, yearSpan } from './assessment-periods';
import { CONSEQUENCE_LABELS, MEASURE_LABELS, MEASURE_UNITS, SUBJECT_LABELS } from './rule-set.schema';
import type { Consequence, Measure, MemberType, Rule, RuleSet } from './rule-set.schema';

/** When something happened: an instant (reckoned in Beijing time), or its business day when read as a tally. */
export type Dated = { at: Date; day?: never } | { day: string; at?: never };

/** How many things a tally holds (1 when absent): the facts reader sends one per member and quarter, not one per row. */
type Tally = { count?: number };

/**
 * A service a member took part in, or a tally of several on one business day (`count` of them, `minutes` in all):
 * when and for how long.
 */
export type ServiceFact = Dated & Tally & {
  minutes: number;
  /** The team whose 集中性活动 this service was, if it was one. */
  focusedActivityOfTeam?: string | null;
  /** Whether this service was a 好事 done for a 帮扶对象 (a person the member is paired with or someone nearby). */
  goodDeedForBeneficiary?: boolean;
};

export type Exemption = { reason: string; approvedBy: string };

/** What the rules need to know about a member. Days are business days, YYYY-MM-DD. */
export type MemberFacts = {
  memberType: MemberType;
  services: ServiceFact[];
  suggestions: (Dated & Tally)[];
  /** Confirmed 好事 for a 帮扶对象 (the member's commitments); they count toward good_deeds with flagged services. */
  goodDeeds?: (Dated & Tally)[];
  /** Whether the member has reported (报到) to the community. */
  reported: boolean;
  /** The day the member became an 入党积极分子, which starts the cultivation period. */
  activistSince?: string | null;
  /** The day the member joined the party, which ends the cultivation period. */
  joinedOn?: string | null;
  /** The day the member joined the community; a mid-year joiner is held to the rule set's `midYearJoiners` policy. */
  communityJoinedOn?: string | null;
  /** An exemption from the rules that allow it (members unfit to serve, with the upper committee's approval). */
  exemption?: Exemption | null;
};

export type TeamFacts = { focusedActivities: (Dated & Tally)[]; deeds: (Dated & Tally)[] };

export type Status = 'met' | 'not_met' | 'exempt' | 'not_applicable';

export type QuarterOutcome = { quarter: 1 | 2 | 3 | 4; applicable: boolean; figure: number; target: number; met: boolean; phase: 'past' | 'current' | 'future' };

export type RuleOutcome = {
  ruleId: string;
  title: string;
  clause: string;
  measure: Measure;
  status: Status;
  /** Whether the rule's period is still running, so the outcome may still change. */
  open: boolean;
  figure: number;
  target: number;
  unit: string;
  /** How much is still to do (0 when met). */
  left: number;
  /** The last business day to do it, when there is one. */
  by: string | null;
  /** What the member or secretary reads: what is left and by when, or why the rule does not apply. */
  advice: string;
  quarters?: QuarterOutcome[];
  /** The rule's consequences when it is not met, else none. */
  consequences: Consequence[];
  exemption?: Exemption;
};

export type Standing = {
  rules: RuleOutcome[];
  /** Consequences of rules missed for good (their period is over). */
  consequences: Consequence[];
  /** Consequences of rules not met yet whose period is still running. */
  atRisk: Consequence[];
};

type Counted = { day: string; minutes: number; count: number };

const dayOf = (item: Dated) => item.day ?? businessDate(item.at as Date);
const countedOf = (item: Dated & Tally, minutes = 0): Counted => ({ day: dayOf(item), minutes, count: item.count ?? 1 });

const roundDownTenth = (value: number) => Math.floor(value * 10 + 1e-9) / 10;
const roundUpTenth = (value: number) => Math.ceil(value * 10 - 1e-9) / 10;

/** A figure in the measure's unit from what was counted in a span (hours from minutes). */
const figureOf = (measure: Measure, counted: Counted[]) =>
  measure === 'service_hours'
    ? roundDownTenth(counted.reduce((sum, item) => sum + item.minutes, 0) / 60)
    : counted.reduce((sum, item) => sum + item.count, 0);

const inSpan = (counted: Counted[], span: DaySpan) => counted.filter((item) => within(item.day, span));

const leftOf = (target: number, figure: number) => roundUpTenth(Math.max(0, target - figure));

const TO_DO: Record<Measure, (left: number) => string> = {
  service_hours: (left) => `还需服务${left}小时`,
  service_count: (left) => `还需参加服务${left}次`,
  good_deeds: (left) => `还需为帮扶对象办好事${left}件`,
  suggestions: (left) => `还需提出建议${left}条`,
  reported: () => '尚未到社区报到',
  focused_activities: (left) => `还需开展集中性活动${left}次`,
  team_deeds: (left) => `还需为基层办实事${left}件`,
  registration_rate: () => '',
  participation_rate: () => '',
  satisfaction_rate: () => '',
};

const shown = (figure: number, unit: string) => `${figure}${unit}`;

/**
 * The quarters a member is held to. Under `pro_rata_quarters` a member who joins the community during the year is
 * held only to the quarters they belong to from the quarter's first day (joining on 2 January spares the first
 * quarter, joining on 1 April does too), and a yearly target is scaled by those quarters out of four, rounded up
 * (counts to a whole one, hours to half an hour): 25 h becomes 19 h for three quarters. Joining after
 * 1 October leaves no quarter, so the year's rules do not apply. Every service of the year counts, also one before
 * joining. Under `full` every member is held to the whole year.
 */
function heldQuarters(ruleSet: RuleSet, year: number, communityJoinedOn: string | null | undefined): boolean[] {
  return quarterSpans(year).map((span) => ruleSet.midYearJoiners === 'full' || !communityJoinedOn || communityJoinedOn <= span.from);
}

const scaled = (measure: Measure, threshold: number, share: number) =>
  measure === 'service_hours' ? Math.ceil(threshold * share * 2 - 1e-9) / 2 : Math.ceil(threshold * share - 1e-9);

type Context = { ruleSet: RuleSet; year: number; today: string };

function base(rule: Rule) {
  return { ruleId: rule.id, title: rule.title, clause: rule.clause, measure: rule.measure, unit: MEASURE_UNITS[rule.measure] };
}

function notApplicable(rule: Rule, advice: string, target = rule.threshold): RuleOutcome {
  return { ...base(rule), status: 'not_applicable', open: false, figure: 0, target, left: 0, by: null, advice, consequences: [] };
}

/** A rule over the whole year: met once the (possibly scaled) target is reached; missed for good once the year is over. */
function yearly(rule: Rule, counted: Counted[], held: boolean[], { year, today }: Context): RuleOutcome {
  const heldCount = held.filter(Boolean).length;
  if (heldCount === 0) return notApplicable(rule, `${year}年10月1日后加入社区，本年度不考核此项`);
  const span = yearSpan(year);
  const target = scaled(rule.measure, rule.threshold, heldCount / 4);
  const figure = figureOf(rule.measure, inSpan(counted, span));
  const left = leftOf(target, figure);
  const open = phaseOf(span, today) !== 'past';
  const unit = MEASURE_UNITS[rule.measure];
  const met = figure >= target;
  const proRata = heldCount < 4 ? `（年中加入，按${heldCount}个季度考核）` : '';
  const advice = met
    ? `已达标：${MEASURE_LABELS[rule.measure]}${shown(figure, unit)}，目标${shown(target, unit)}${proRata}`
    : open
      ? `${TO_DO[rule.measure](left)}，${monthDay(span.to)}前需完成${proRata}`
      : `${year}年未达标：${MEASURE_LABELS[rule.measure]}${shown(figure, unit)}，目标${shown(target, unit)}${proRata}`;
  return { ...base(rule), status: met ? 'met' : 'not_met', open, figure, target, left: met ? 0 : left, by: met || !open ? null : span.to, advice, consequences: met ? [] : rule.consequences };
}

/** A rule every quarter must meet: missed for good once a held quarter ends below it; the figure counts the quarters met. */
function quarterly(rule: Rule, counted: Counted[], held: boolean[], { year, today }: Context): RuleOutcome {
  const heldCount = held.filter(Boolean).length;
  if (heldCount === 0) return notApplicable(rule, `${year}年10月1日后加入社区，本年度不考核此项`);
  const unit = MEASURE_UNITS[rule.measure];
  const quarters: QuarterOutcome[] = quarterSpans(year).map((span, index) => {
    const figure = figureOf(rule.measure, inSpan(counted, span));
    return { quarter: (index + 1) as 1 | 2 | 3 | 4, applicable: held[index], figure, target: rule.threshold, met: figure >= rule.threshold, phase: phaseOf(span, today) };
  });
  const spans = quarterSpans(year);
  const missed = quarters.find((q) => q.applicable && q.phase === 'past' && !q.met);
  const current = quarters.find((q) => q.applicable && q.phase === 'current' && !q.met);
  const pending = quarters.find((q) => q.applicable && q.phase !== 'past' && !q.met);
  const metCount = quarters.filter((q) => q.applicable && q.met).length;
  const common = { ...base(rule), figure: metCount, target: heldCount, unit: '个季度', quarters };
  const nameOf = (q: QuarterOutcome) => QUARTER_NAMES[q.quarter - 1];
  if (missed) {
    const what = missed.figure === 0 ? '没有服务' : `只有${shown(missed.figure, unit)}`;
    return { ...common, status: 'not_met', open: false, left: 0, by: null, advice: `${nameOf(missed)}${what}（每季度至少${shown(rule.threshold, unit)}），本年度未达标`, consequences: rule.consequences };
  }
  const started = quarters.some((q) => q.applicable && q.phase !== 'future');
  const due = current ?? (started ? undefined : pending);
  if (due) {
    const by = spans[due.quarter - 1].to;
    const left = leftOf(due.target, due.figure);
    const advice =
      due.figure === 0 ? `${nameOf(due)}还没有服务，${monthDay(by)}前需完成${shown(left, unit)}` : `${nameOf(due)}还差${shown(left, unit)}，${monthDay(by)}前需完成`;
    return { ...common, status: 'not_met', open: true, left, by, advice, consequences: rule.consequences };
  }
  const upcoming = quarters.find((q) => q.applicable && q.phase === 'future');
  const thisQuarter = quarters.find((q) => q.phase === 'current');
  const done = thisQuarter?.applicable ? '本季度已完成；' : '';
  const advice = upcoming
    ? `${done}${nameOf(upcoming)}（${monthDay(spans[upcoming.quarter - 1].from)}起）仍需${shown(rule.threshold, unit)}`
    : `已达标：每个季度均已完成`;
  return { ...common, status: 'met', open: upcoming !== undefined, left: 0, by: null, advice, consequences: [] };
}

/** An activist's rule over the cultivation period: from becoming an activist until joining the party (or today), across years. */
function overCultivation(rule: Rule, counted: Counted[], facts: MemberFacts, { today }: Context): RuleOutcome {
  if (!facts.activistSince) return notApplicable(rule, '缺少成为入党积极分子的日期，无法按培养期考核');
  const span = { from: facts.activistSince, to: facts.joinedOn ?? today };
  const figure = figureOf(rule.measure, inSpan(counted, span));
  const target = rule.threshold;
  const left = leftOf(target, figure);
  const open = !facts.joinedOn;
  const unit = MEASURE_UNITS[rule.measure];
  const met = figure >= target;
  const since = `自${fullDay(span.from)}起累计${shown(figure, unit)}`;
  const advice = met
    ? `已达标：培养期内${MEASURE_LABELS[rule.measure]}${shown(figure, unit)}，目标${shown(target, unit)}`
    : open
      ? `培养期内${TO_DO[rule.measure](left)}（${since}）`
      : `培养期（${fullDay(span.from)}至${fullDay(span.to)}）未达标：${MEASURE_LABELS[rule.measure]}${shown(figure, unit)}，目标${shown(target, unit)}`;
  return { ...base(rule), status: met ? 'met' : 'not_met', open, figure, target, left: met ? 0 : left, by: null, advice, consequences: met ? [] : rule.consequences };
}

function memberCounted(measure: Measure, facts: MemberFacts): Counted[] {
  const services = (list: ServiceFact[]) => list.map((service) => countedOf(service, service.minutes));
  switch (measure) {
    case 'service_hours':
    case 'service_count':
      return services(facts.services);
    case 'good_deeds':
      return [...services(facts.services.filter((service) => service.goodDeedForBeneficiary)), ...(facts.goodDeeds ?? []).map((deed) => countedOf(deed))];
    case 'suggestions':
      return facts.suggestions.map((suggestion) => countedOf(suggestion));
    default:
      return [];
  }
}

/** Whether an activist's rule reaches this member: an activist now, or one whose cultivation ended by joining the party this year. */
const isActivistIn = (facts: MemberFacts, year: number) =>
  facts.memberType === 'activist' || (!!facts.activistSince && !!facts.joinedOn && facts.joinedOn.startsWith(`${year}-`));

const MEMBER_TYPE_LABELS: Record<MemberType, string> = { in_service: '在职党员', community: '社区党员', probationary: '预备党员', activist: '入党积极分子' };

function evaluateCounted(rule: Rule, facts: MemberFacts, context: Context): RuleOutcome {
  const { year, today } = context;
  if (rule.measure === 'reported') {
    const span = yearSpan(year);
    const open = phaseOf(span, today) !== 'past';
    if (facts.reported) return { ...base(rule), status: 'met', open: false, figure: 1, target: 1, left: 0, by: null, advice: '已到社区报到', consequences: [] };
    return { ...base(rule), status: 'not_met', open, figure: 0, target: 1, left: 1, by: open ? span.to : null, advice: open ? `尚未到社区报到，${monthDay(span.to)}前需报到` : `${year}年未到社区报到`, consequences: rule.consequences };
  }
  const counted = memberCounted(rule.measure, facts);
  if (rule.period === 'cultivation') return overCultivation(rule, counted, facts, context);
  const held = heldQuarters(context.ruleSet, year, facts.communityJoinedOn);
  return rule.period === 'quarter' ? quarterly(rule, counted, held, context) : yearly(rule, counted, held, context);
}

function evaluateMemberRule(rule: Rule, facts: MemberFacts, context: Context): RuleOutcome {
  const { year } = context;
  if (rule.subject === 'member') {
    if (facts.memberType === 'activist') return notApplicable(rule, `此项考核${SUBJECT_LABELS.member}，不适用于${MEMBER_TYPE_LABELS.activist}`);
    if (rule.memberTypes && !rule.memberTypes.includes(facts.memberType)) {
      return notApplicable(rule, `此项只考核${rule.memberTypes.map((type) => MEMBER_TYPE_LABELS[type]).join('、')}`);
    }
  } else if (!isActivistIn(facts, year)) {
    return notApplicable(rule, `此项只考核${SUBJECT_LABELS.activist}`);
  }
  const outcome = evaluateCounted(rule, facts, context);
  if (rule.exemptable && facts.exemption && outcome.status !== 'not_applicable') {
    const { reason, approvedBy } = facts.exemption;
    return { ...outcome, status: 'exempt', open: false, left: 0, by: null, advice: `经${approvedBy}批准免除：${reason}`, consequences: [], exemption: { reason, approvedBy } };
  }
  return outcome;
}

const unique = (list: Consequence[]) => [...new Set(list)];

function standingOf(rules: RuleOutcome[]): Standing {
  const consequences = unique(rules.filter((rule) => rule.status === 'not_met' && !rule.open).flatMap((rule) => rule.consequences));
  const atRisk = unique(rules.filter((rule) => rule.status === 'not_met' && rule.open).flatMap((rule) => rule.consequences)).filter((c) => !consequences.includes(c));
  return { rules, consequences, atRisk };
}

/** The rules of a set that assess a member (members', and activists' over their cultivation period). */
export const memberRulesOf = (ruleSet: RuleSet) => ruleSet.rules.filter((rule) => rule.subject === 'member' || rule.subject === 'activist');

/** Evaluates many members' standings in an assessment year as of `now` (the day and the rules looked up once). */
export function memberStandingEvaluator(ruleSet: RuleSet, year: number, now: Date): (facts: MemberFacts) => Standing {
  const context = { ruleSet, year, today: businessDate(now) };
  const memberRules = memberRulesOf(ruleSet);
  return (facts) => standingOf(memberRules.map((rule) => evaluateMemberRule(rule, facts, context)));
}

/** A member's standing in an assessment year as of `now`: each member or activist rule of the set, and the consequences that apply. */
export const evaluateMemberStanding = (ruleSet: RuleSet, year: number, now: Date, facts: MemberFacts): Standing =>
  memberStandingEvaluator(ruleSet, year, now)(facts);

/** A team's standing in an assessment year as of `now`: its 集中性活动 and 实事 rules. */
export function evaluateTeamStanding(ruleSet: RuleSet, year: number, now: Date, facts: TeamFacts): Standing {
  const context = { ruleSet, year, today: businessDate(now) };
  const all = [true, true, true, true];
  const rules = ruleSet.rules
    .filter((rule) => rule.subject === 'team')
    .map((rule) => {
      const list = rule.measure === 'focused_activities' ? facts.focusedActivities : facts.deeds;
      const counted = list.map((item) => countedOf(item));
      return rule.period === 'quarter' ? quarterly(rule, counted, all, context) : yearly(rule, counted, all, context);
    });
  return standingOf(rules);
}

/** The labels of consequences, in the order given. */
export const consequenceLabels = (list: Consequence[]) => list.map((consequence) => CONSEQUENCE_LABELS[consequence]);
