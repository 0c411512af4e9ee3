import { businessDate } from '../shared/business-time';
import { QUARTER_NAMES, phaseOf, quarterSpans, within, yearSpan } from './assessment-periods';
import { memberStandingEvaluator, type MemberFacts, type RuleOutcome, type Standing } from './evaluate-standing';
import type { MemberFactsRow } from './member-facts.repository';
import type { MemberType, RuleSet } from './rule-set.schema';

export const MEMBER_TYPE_LABELS: Record<MemberType, string> = { in_service: '在职党员', community: '社区党员', probationary: '预备党员', activist: '入党积极分子' };

export type MemberStatus = 'met' | 'behind' | 'exempt' | 'not_assessed';
export type StatusFilter = 'all' | 'behind' | 'met' | 'no_service_this_quarter' | 'exempt';
export type Sort = 'most_behind' | 'name' | 'hours';

export const STATUS_LABELS: Record<MemberStatus, string> = { met: '达标', behind: '未达标', exempt: '免除', not_assessed: '不考核' };

/**
 * A member with several rules is 达标 when every rule that applies is met or exempted (at least one met), 未达标 when
 * any is not met (still open or missed for good), 免除 when every applicable rule is exempted, 不考核 when none applies.
 */
export function statusOf(standing: Standing): MemberStatus {
  const applicable = standing.rules.filter((rule) => rule.status !== 'not_applicable');
  if (applicable.length === 0) return 'not_assessed';
  if (applicable.some((rule) => rule.status === 'not_met')) return 'behind';
  if (applicable.every((rule) => rule.status === 'exempt')) return 'exempt';
  return 'met';
}

/**
 * How far behind a member is, to sort the most behind first: rules missed for good weigh a whole one each above
 * any open one; an open rule weighs the share of its target still left (a quarterly rule, of the quarter's).
 */
function behindness(rules: RuleOutcome[], ruleSet: RuleSet): number {
  const threshold = new Map(ruleSet.rules.map((rule) => [rule.id, rule.threshold]));
  return rules
    .filter((rule) => rule.status === 'not_met')
    .reduce((sum, rule) => {
      if (!rule.open) return sum + 2;
      const target = rule.quarters ? (threshold.get(rule.ruleId) ?? 1) : rule.target;
      return sum + (target > 0 ? Math.min(1, rule.left / target) : 1);
    }, 0);
}

const minutesIn = (facts: MemberFacts, from: string, to: string) =>
  facts.services.reduce((sum, service) => {
    const day = service.day ?? businessDate(service.at as Date);
    return day >= from && day <= to ? sum + service.minutes : sum;
  }, 0);

/** Credited hours (to 0.1 h, rounded down as the year's) in each quarter of the year, as the export's Q1–Q4 columns print them. */
export const hoursByQuarter = (facts: MemberFacts, year: number): number[] =>
  quarterSpans(year).map((span) => Math.floor(minutesIn(facts, span.from, span.to) / 6) / 10);

const servedIn = (facts: MemberFacts, from: string, to: string) =>
  facts.services.some((service) => within(service.day ?? businessDate(service.at as Date), { from, to }));

const line = (rule: RuleOutcome) => ({
  ruleId: rule.ruleId,
  title: rule.title,
  status: rule.status,
  open: rule.open,
  figure: rule.figure,
  target: rule.target,
  unit: rule.unit,
  left: rule.left,
  by: rule.by,
  advice: rule.advice,
  quarters: rule.quarters ?? null,
});

/** What a row says about the member's standing, the same for every member whose facts are the same. */
function standingPart(facts: MemberFacts, standing: Standing, ruleSet: RuleSet, year: number, currentQuarter: number | null) {
  const status = statusOf(standing);
  const notMet = standing.rules.filter((rule) => rule.status === 'not_met');
  const threshold = new Map(ruleSet.rules.map((rule) => [rule.id, rule.threshold]));
  const share = (rule: RuleOutcome) => (!rule.open ? 2 : rule.left / Math.max(1e-9, rule.quarters ? (threshold.get(rule.ruleId) ?? 1) : rule.target));
  const headline = notMet.length > 0 ? notMet.reduce((worst, rule) => (share(rule) > share(worst) ? rule : worst)) : standing.rules.find((rule) => rule.status !== 'not_applicable');
  const { from, to } = yearSpan(year);
  const quarter = currentQuarter ? quarterSpans(year)[currentQuarter - 1] : null;
  return {
    status,
    statusLabel: STATUS_LABELS[status],
    hours: Math.floor(minutesIn(facts, from, to) / 6) / 10,
    servedThisQuarter: quarter ? servedIn(facts, quarter.from, quarter.to) : false,
    headline: headline ? line(headline) : null,
    rules: standing.rules.map(line),
    behindBy: behindness(standing.rules, ruleSet),
  };
}

function toRow(row: MemberFactsRow, part: ReturnType<typeof standingPart>) {
  return {
    memberId: row.memberId,
    name: row.name,
    volunteerNo: row.volunteerNo,
    memberType: row.memberType,
    memberTypeLabel: MEMBER_TYPE_LABELS[row.memberType],
    communityId: row.communityId,
    communityName: row.communityName,
    gridId: row.gridId,
    gridName: row.gridName,
    ...part,
  };
}

export type ComplianceRow = ReturnType<typeof toRow>;

/** The current quarter (1–4) when `year` is the current Beijing year, else null. */
export function currentQuarterOf(year: number, now: Date): number | null {
  const today = businessDate(now);
  const index = quarterSpans(year).findIndex((span) => phaseOf(span, today) === 'current');
  return index < 0 ? null : index + 1;
}

/**
 * Each member's standing under the rule set that holds for their community, as a row of the list. Standing is a pure
 * function of the facts, so members with the same facts (the reader's `key`) under the same rule set are evaluated once.
 */
export function complianceRows(members: MemberFactsRow[], ruleSetOf: (row: MemberFactsRow) => RuleSet, year: number, now: Date): ComplianceRow[] {
  const currentQuarter = currentQuarterOf(year, now);
  const evaluators = new Map<RuleSet, { evaluate: (facts: MemberFacts) => Standing; parts: Map<string, ReturnType<typeof standingPart>> }>();
  return members.map((row) => {
    const ruleSet = ruleSetOf(row);
    let evaluator = evaluators.get(ruleSet);
    if (!evaluator) evaluators.set(ruleSet, (evaluator = { evaluate: memberStandingEvaluator(ruleSet, year, now), parts: new Map() }));
    let part = evaluator.parts.get(row.key);
    if (!part) evaluator.parts.set(row.key, (part = standingPart(row.facts, evaluator.evaluate(row.facts), ruleSet, year, currentQuarter)));
    return toRow(row, part);
  });
}

const assessedWithoutExemption = (row: ComplianceRow) => row.status === 'met' || row.status === 'behind';

export function countsOf(rows: ComplianceRow[], currentQuarter: number | null) {
  const count = (keep: (row: ComplianceRow) => boolean) => rows.filter(keep).length;
  return {
    members: rows.length,
    met: count((row) => row.status === 'met'),
    behind: count((row) => row.status === 'behind'),
    noServiceThisQuarter: currentQuarter ? count((row) => assessedWithoutExemption(row) && !row.servedThisQuarter) : 0,
    exempt: count((row) => row.status === 'exempt'),
    notAssessed: count((row) => row.status === 'not_assessed'),
  };
}

/** Per quarter begun (all four of a closed year): members assessed and not exempted with and without a credited service in it. */
export function byQuarterOf(members: MemberFactsRow[], rows: ComplianceRow[], year: number, now: Date) {
  const today = businessDate(now);
  const assessed = members.filter((_, index) => assessedWithoutExemption(rows[index]));
  return quarterSpans(year)
    .map((span, index) => ({ span, quarter: index + 1 }))
    .filter(({ span }) => phaseOf(span, today) !== 'future')
    .map(({ span, quarter }) => {
      const withService = assessed.filter((member) => servedIn(member.facts, span.from, span.to)).length;
      return { quarter, label: QUARTER_NAMES[quarter - 1], withService, withoutService: assessed.length - withService };
    });
}

export function byTypeOf(rows: ComplianceRow[]) {
  const types = (Object.keys(MEMBER_TYPE_LABELS) as MemberType[]).filter((type) => rows.some((row) => row.memberType === type));
  return types.map((type) => {
    const ofType = rows.filter((row) => row.memberType === type);
    const count = (status: MemberStatus) => ofType.filter((row) => row.status === status).length;
    return { memberType: type, label: MEMBER_TYPE_LABELS[type], met: count('met'), behind: count('behind'), exempt: count('exempt') };
  });
}

const STATUS_ORDER: Record<MemberStatus, number> = { behind: 0, met: 1, exempt: 2, not_assessed: 3 };
const collator = new Intl.Collator('zh-CN');
const byName = (a: ComplianceRow, b: ComplianceRow) => collator.compare(a.name, b.name) || (a.volunteerNo < b.volunteerNo ? -1 : a.volunteerNo > b.volunteerNo ? 1 : 0);

const SORTS: Record<Sort, (a: ComplianceRow, b: ComplianceRow) => number> = {
  most_behind: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.behindBy - a.behindBy || a.hours - b.hours || byName(a, b),
  name: byName,
  hours: (a, b) => a.hours - b.hours || byName(a, b),
};

const FILTERS: Record<StatusFilter, (row: ComplianceRow, currentQuarter: number | null) => boolean> = {
  all: () => true,
  behind: (row) => row.status === 'behind',
  met: (row) => row.status === 'met',
  exempt: (row) => row.status === 'exempt',
  no_service_this_quarter: (row, currentQuarter) => currentQuarter !== null && assessedWithoutExemption(row) && !row.servedThisQuarter,
};

/**
 * The first `count` items in `compare` order. A page near the top of 5,000 members keeps a short sorted list in one
 * pass instead of sorting them all, which spends most of its time comparing names with the zh-CN collator.
 */
export function firstInOrder<T>(items: T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count * 8 >= items.length) return [...items].sort(compare).slice(0, count);
  const first: T[] = [];
  for (const item of items) {
    if (first.length === count && compare(item, first[count - 1]) >= 0) continue;
    let low = 0;
    let high = first.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(item, first[middle]) < 0) high = middle;
      else low = middle + 1;
    }
    first.splice(low, 0, item);
    if (first.length > count) first.pop();
  }
  return first;
}

/** The rows matching the status filter, sorted, and the page of them asked for. */
export function pageOf(rows: ComplianceRow[], options: { status: StatusFilter; sort: Sort; page: { limit: number; offset: number }; currentQuarter: number | null }) {
  const matching = rows.filter((row) => FILTERS[options.status](row, options.currentQuarter));
  const { offset, limit } = options.page;
  const items = firstInOrder(matching, offset + limit, SORTS[options.sort]).slice(offset).map(({ behindBy: _behindBy, ...row }) => row);
  return { items, total: matching.length };
}
