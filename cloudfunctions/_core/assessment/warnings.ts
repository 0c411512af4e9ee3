import { businessDate } from '../shared/business-time';
import { QUARTER_NAMES, monthDay, quarterSpans } from './assessment-periods';
import type { RuleOutcome, Standing } from './evaluate-standing';
import type { RateOutcome } from './evaluate-rates';
import type { Measure, RuleSet } from './rule-set.schema';

/**
 * How close to its end a quarter with no service yet is flagged: the last 15 days leave time to sign up for an order
 * of the hall (most are posted a week or more ahead); no seed sets a notice period, so it is not a rule-set field.
 */
export const QUARTER_WARNING_DAYS = 15;
/** How close to the end of the year an unmet yearly rule is flagged: the last month. */
export const YEAR_WARNING_DAYS = 31;
/** Within this many days a warning is urgent. */
export const URGENT_DAYS = 7;
/**
 * The pace an activist is held to over the cultivation period: the target within a year, because an 入党积极分子 is
 * cultivated for at least a year before becoming a 发展对象 (《中国共产党发展党员工作细则》第十三条).
 */
export const CULTIVATION_PACE_DAYS = 365;

export const WARNING_KINDS = ['quarter_ending_unmet', 'hours_behind_pace', 'activist_behind_cultivation', 'deadline_near', 'rate_below_threshold'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const WARNING_KIND_LABELS: Record<WarningKind, string> = {
  quarter_ending_unmet: '本季度即将结束仍未完成',
  hours_behind_pace: '服务时数落后于年度进度',
  activist_behind_cultivation: '入党积极分子培养期服务时数落后',
  deadline_near: '考核项目即将到期',
  rate_below_threshold: '组织比率低于考核要求',
};

/** Pages a warning sends to (mini-program routes, as the client's navigation knows them). */
export const WARNING_PAGES = {
  myStanding: '/pages/assessment/my-standing/index',
  orderHall: '/pages/member/order-hall/index',
  compliance: '/pages/assessment/compliance/index',
} as const;

export type Warning = {
  kind: WarningKind;
  severity: 'urgent' | 'warning';
  text: string;
  /** The last business day to act, when there is one. */
  due: string | null;
  action: { label: string; url: string };
  ruleId: string | null;
  /** For a community: how many members it concerns. */
  count: number | null;
};

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
/** Days left to act, today and the last day included (on the last day: 1). */
const daysLeftUntil = (today: string, last: string) => daysBetween(today, last) + 1;
const roundTenth = (value: number) => Math.round(value * 10) / 10;

const SERVING: readonly Measure[] = ['service_hours', 'service_count'];
const actionFor = (measure: string) =>
  SERVING.includes(measure as Measure) ? { label: '去接单', url: WARNING_PAGES.orderHall } : { label: '查看我的考核', url: WARNING_PAGES.myStanding };

const severityOf = (daysLeft: number) => (daysLeft <= URGENT_DAYS ? 'urgent' : 'warning');

/**
 * Whether a quarterly rule's outcome is open and unmet for the quarter running now: the member is held to this quarter
 * and has not yet done what it asks. The rule of quarter_ending_unmet, and of the 本季度尚无服务 notification.
 */
export function unmetThisQuarter(outcome: RuleOutcome): boolean {
  const current = outcome.quarters?.find((quarter) => quarter.phase === 'current');
  return outcome.status === 'not_met' && outcome.open && Boolean(current?.applicable && !current.met && outcome.by);
}

/** The member's quarterly rules unmet for the quarter running now (unmetThisQuarter), whatever the days left. */
export function quarterRulesUnmet(ruleSet: RuleSet, standing: Standing): RuleOutcome[] {
  const quarterly = new Set(ruleSet.rules.filter((rule) => rule.period === 'quarter').map((rule) => rule.id));
  return standing.rules.filter((outcome) => quarterly.has(outcome.ruleId) && unmetThisQuarter(outcome));
}

function quarterWarning(outcome: RuleOutcome, today: string): Warning | null {
  if (!unmetThisQuarter(outcome) || !outcome.by) return null;
  const daysLeft = daysLeftUntil(today, outcome.by);
  if (daysLeft > QUARTER_WARNING_DAYS) return null;
  return {
    kind: 'quarter_ending_unmet',
    severity: severityOf(daysLeft),
    text: `${outcome.advice}（还剩${daysLeft}天）`,
    due: outcome.by,
    action: actionFor(outcome.measure),
    ruleId: outcome.ruleId,
    count: null,
  };
}

function yearlyWarning(outcome: RuleOutcome, year: number, today: string, heldFrom: string | null): Warning | null {
  if (!outcome.by) return null;
  const daysLeft = daysLeftUntil(today, outcome.by);
  if (daysLeft <= YEAR_WARNING_DAYS) {
    return {
      kind: 'deadline_near',
      severity: severityOf(daysLeft),
      text: `${outcome.title}：${outcome.advice}（还剩${daysLeft}天）`,
      due: outcome.by,
      action: actionFor(outcome.measure),
      ruleId: outcome.ruleId,
      count: null,
    };
  }
  if (outcome.measure !== 'service_hours') return null;
  // The share of the held part of the year gone by today; a joiner's target is already scaled to that part.
  const from = heldFrom ?? `${year}-01-01`;
  const share = Math.min(1, Math.max(0, (daysBetween(from, today) + 1) / (daysBetween(from, `${year}-12-31`) + 1)));
  const pace = roundTenth(outcome.target * share);
  if (outcome.figure >= pace) return null;
  return {
    kind: 'hours_behind_pace',
    severity: 'warning',
    text: `按年度进度此时应服务${pace}小时，目前${outcome.figure}小时；${outcome.advice}`,
    due: outcome.by,
    action: actionFor(outcome.measure),
    ruleId: outcome.ruleId,
    count: null,
  };
}

function cultivationWarning(outcome: RuleOutcome, today: string, activistSince: string | null | undefined): Warning | null {
  if (!activistSince) return null;
  const share = Math.min(1, (daysBetween(activistSince, today) + 1) / CULTIVATION_PACE_DAYS);
  const pace = roundTenth(outcome.target * share);
  if (outcome.figure >= pace) return null;
  return {
    kind: 'activist_behind_cultivation',
    severity: 'warning',
    text: `培养期服务按一年完成${outcome.target}${outcome.unit}计，此时应有${pace}${outcome.unit}，目前${outcome.figure}${outcome.unit}`,
    due: null,
    action: actionFor(outcome.measure),
    ruleId: outcome.ruleId,
    count: null,
  };
}

/**
 * What is at risk now for a member, one warning per open unmet rule at most: a quarter about to end unmet, a yearly
 * rule near its deadline (else, for hours, behind the year's pace), an activist behind the cultivation pace.
 * A closed year has none: what was missed is in the standing's consequences.
 */
export function memberWarnings(
  ruleSet: RuleSet,
  year: number,
  now: Date,
  standing: Standing,
  facts: { activistSince?: string | null; communityJoinedOn?: string | null },
): Warning[] {
  const today = businessDate(now);
  if (!today.startsWith(`${year}-`)) return [];
  const periodOf = new Map(ruleSet.rules.map((rule) => [rule.id, rule.period]));
  const heldFrom = heldFromOf(ruleSet, year, facts.communityJoinedOn);
  return standing.rules
    .filter((outcome) => outcome.status === 'not_met' && outcome.open)
    .flatMap((outcome) => {
      const period = periodOf.get(outcome.ruleId);
      const warning =
        period === 'quarter'
          ? quarterWarning(outcome, today)
          : period === 'cultivation'
            ? cultivationWarning(outcome, today, facts.activistSince)
            : yearlyWarning(outcome, year, today, heldFrom);
      return warning ? [warning] : [];
    });
}

/** The first day of the first quarter a mid-year joiner is held to, as the standing reckons it (null: the whole year). */
function heldFromOf(ruleSet: RuleSet, year: number, joinedOn: string | null | undefined): string | null {
  if (ruleSet.midYearJoiners === 'full' || !joinedOn || joinedOn <= `${year}-01-01`) return null;
  return quarterSpans(year).find((span) => joinedOn <= span.from)?.from ?? null;
}

const COMMUNITY_TEXT: Record<Exclude<WarningKind, 'rate_below_threshold'>, (count: number, due: string | null) => string> = {
  quarter_ending_unmet: (count, due) => {
    const quarter = due ? QUARTER_NAMES[Math.floor((Number(due.slice(5, 7)) - 1) / 3)] : '本季度';
    return `${count}名党员${quarter}尚未完成服务${due ? `，${monthDay(due)}前需完成` : ''}`;
  },
  hours_behind_pace: (count) => `${count}名党员服务时数落后于年度进度`,
  activist_behind_cultivation: (count) => `${count}名入党积极分子培养期服务时数落后`,
  deadline_near: (count, due) => `${count}名党员有考核项目${due ? `将于${monthDay(due)}到期` : '即将到期'}仍未完成`,
};

/** A community's warnings: members at risk counted by kind (each member once per kind), most pressing first, then its rates under threshold. */
export function communityWarnings(perMember: Warning[][], rates: RateOutcome[]): Warning[] {
  const grouped = new Map<WarningKind, { count: number; due: string | null; urgent: boolean }>();
  for (const warnings of perMember) {
    for (const kind of new Set(warnings.map((warning) => warning.kind))) {
      const ofKind = warnings.filter((warning) => warning.kind === kind);
      const due = ofKind.map((warning) => warning.due).filter((day): day is string => day !== null).sort()[0] ?? null;
      const entry = grouped.get(kind) ?? { count: 0, due: null, urgent: false };
      entry.count += 1;
      if (due && (!entry.due || due < entry.due)) entry.due = due;
      entry.urgent ||= ofKind.some((warning) => warning.severity === 'urgent');
      grouped.set(kind, entry);
    }
  }
  const members = WARNING_KINDS.flatMap((kind): Warning[] => {
    const entry = grouped.get(kind);
    if (!entry || kind === 'rate_below_threshold') return [];
    return [
      {
        kind,
        severity: entry.urgent ? 'urgent' : 'warning',
        text: COMMUNITY_TEXT[kind](entry.count, entry.due),
        due: entry.due,
        action: { label: '查看考核达标', url: WARNING_PAGES.compliance },
        ruleId: null,
        count: entry.count,
      },
    ];
  });
  const under = rates
    .filter((rate) => rate.status === 'not_met')
    .map(
      (rate): Warning => ({
        kind: 'rate_below_threshold',
        severity: 'warning',
        text: rate.advice,
        due: null,
        action: { label: '查看考核达标', url: WARNING_PAGES.compliance },
        ruleId: rate.ruleId,
        count: null,
      }),
    );
  return [...members.sort(mostPressingFirst), ...under];
}

/** Urgent first, then the earliest due day; those without one last. */
const mostPressingFirst = (a: Warning, b: Warning) =>
  Number(b.severity === 'urgent') - Number(a.severity === 'urgent') || (a.due ?? '9999').localeCompare(b.due ?? '9999');
