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
  const servedQuarters = quarterSpans(year).map((span) => servedIn(facts, span.from, span.to));
  return {
    status,
    statusLabel: STATUS_LABELS[status],
    hours: Math.floor(minutesIn(facts, from, to) / 6) / 10,
    servedThisQuarter: currentQuarter ? servedQuarters[currentQuarter - 1] : false,
    headline: headline ? line(headline) : null,
    rules: standing.rules.map(line),
    behindBy: behindness(standing.rules, ruleSet),
    servedQuarters,
  };
}

/**
 * A member of the list and their standing. The standing is shared by members whose facts are equal, and the row a
 * screen shows is made (rowOf) only for the members on the page, not for all 5,000 of a big community.
 */
export type ComplianceEntry = { member: MemberFactsRow; standing: ReturnType<typeof standingPart> };

/** The row the list and the export show for a member. */
export function rowOf({ member, standing }: ComplianceEntry) {
  return {
    memberId: member.memberId,
    name: member.name,
    volunteerNo: member.volunteerNo,
    memberType: member.memberType,
    memberTypeLabel: MEMBER_TYPE_LABELS[member.memberType],
    communityId: member.communityId,
    communityName: member.communityName,
    gridId: member.gridId,
    gridName: member.gridName,
    status: standing.status,
    statusLabel: standing.statusLabel,
    hours: standing.hours,
    servedThisQuarter: standing.servedThisQuarter,
    headline: standing.headline,
    rules: standing.rules,
  };
}

export type ComplianceRow = ReturnType<typeof rowOf>;

/** The current quarter (1–4) when `year` is the current Beijing year, else null. */
export function currentQuarterOf(year: number, now: Date): number | null {
  const today = businessDate(now);
  const index = quarterSpans(year).findIndex((span) => phaseOf(span, today) === 'current');
  return index < 0 ? null : index + 1;
}

/**
 * Each member's standing under the rule set that holds for their community. Standing is a pure function of the
 * facts, so members with the same facts (the reader's `key`) under the same rule set are evaluated once.
 */
export function complianceEntries(members: MemberFactsRow[], ruleSetOf: (row: MemberFactsRow) => RuleSet, year: number, now: Date): ComplianceEntry[] {
  const currentQuarter = currentQuarterOf(year, now);
  const evaluators = new Map<RuleSet, { evaluate: (facts: MemberFacts) => Standing; parts: Map<string, ComplianceEntry['standing']> }>();
  return members.map((member) => {
    const ruleSet = ruleSetOf(member);
    let evaluator = evaluators.get(ruleSet);
    if (!evaluator) evaluators.set(ruleSet, (evaluator = { evaluate: memberStandingEvaluator(ruleSet, year, now), parts: new Map() }));
    let standing = evaluator.parts.get(member.key);
    if (!standing) evaluator.parts.set(member.key, (standing = standingPart(member.facts, evaluator.evaluate(member.facts), ruleSet, year, currentQuarter)));
    return { member, standing };
  });
}

const assessedWithoutExemption = ({ standing }: ComplianceEntry) => standing.status === 'met' || standing.status === 'behind';

export function countsOf(entries: ComplianceEntry[], currentQuarter: number | null) {
  const counts = { members: entries.length, met: 0, behind: 0, noServiceThisQuarter: 0, exempt: 0, notAssessed: 0 };
  for (const entry of entries) {
    const { status, servedThisQuarter } = entry.standing;
    if (status === 'met') counts.met += 1;
    else if (status === 'behind') counts.behind += 1;
    else if (status === 'exempt') counts.exempt += 1;
    else counts.notAssessed += 1;
    if (currentQuarter && assessedWithoutExemption(entry) && !servedThisQuarter) counts.noServiceThisQuarter += 1;
  }
  return counts;
}

/** Per quarter begun (all four of a closed year): members assessed and not exempted with and without a credited service in it. */
export function byQuarterOf(entries: ComplianceEntry[], year: number, now: Date) {
  const today = businessDate(now);
  const begun = quarterSpans(year).flatMap((span, index) => (phaseOf(span, today) === 'future' ? [] : [index]));
  const withService = begun.map(() => 0);
  let assessed = 0;
  for (const entry of entries) {
    if (!assessedWithoutExemption(entry)) continue;
    assessed += 1;
    begun.forEach((quarter, i) => {
      if (entry.standing.servedQuarters[quarter]) withService[i] += 1;
    });
  }
  return begun.map((quarter, i) => ({ quarter: quarter + 1, label: QUARTER_NAMES[quarter], withService: withService[i], withoutService: assessed - withService[i] }));
}

/** The communities the entries' members serve in, by name: a unit's members serve in several. */
export const communitiesOf = (entries: ComplianceEntry[]): [string, string][] =>
  [...new Map(entries.map(({ member }) => [member.communityId, member.communityName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));

export function byTypeOf(entries: ComplianceEntry[]) {
  const tallies = new Map<MemberType, { met: number; behind: number; exempt: number }>();
  for (const { member, standing } of entries) {
    let tally = tallies.get(member.memberType);
    if (!tally) tallies.set(member.memberType, (tally = { met: 0, behind: 0, exempt: 0 }));
    if (standing.status === 'met' || standing.status === 'behind' || standing.status === 'exempt') tally[standing.status] += 1;
  }
  return (Object.keys(MEMBER_TYPE_LABELS) as MemberType[])
    .filter((type) => tallies.has(type))
    .map((type) => ({ memberType: type, label: MEMBER_TYPE_LABELS[type], ...tallies.get(type)! }));
}

const STATUS_ORDER: Record<MemberStatus, number> = { behind: 0, met: 1, exempt: 2, not_assessed: 3 };
const collator = new Intl.Collator('zh-CN');
const byName = ({ member: a }: ComplianceEntry, { member: b }: ComplianceEntry) =>
  collator.compare(a.name, b.name) || (a.volunteerNo < b.volunteerNo ? -1 : a.volunteerNo > b.volunteerNo ? 1 : 0);

const SORTS: Record<Sort, (a: ComplianceEntry, b: ComplianceEntry) => number> = {
  most_behind: (a, b) =>
    STATUS_ORDER[a.standing.status] - STATUS_ORDER[b.standing.status] || b.standing.behindBy - a.standing.behindBy || a.standing.hours - b.standing.hours || byName(a, b),
  name: byName,
  hours: (a, b) => a.standing.hours - b.standing.hours || byName(a, b),
};

const FILTERS: Record<StatusFilter, (entry: ComplianceEntry, currentQuarter: number | null) => boolean> = {
  all: () => true,
  behind: ({ standing }) => standing.status === 'behind',
  met: ({ standing }) => standing.status === 'met',
  exempt: ({ standing }) => standing.status === 'exempt',
  no_service_this_quarter: (entry, currentQuarter) => currentQuarter !== null && assessedWithoutExemption(entry) && !entry.standing.servedThisQuarter,
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
export function pageOf(entries: ComplianceEntry[], options: { status: StatusFilter; sort: Sort; page: { limit: number; offset: number }; currentQuarter: number | null }) {
  const matching = entries.filter((entry) => FILTERS[options.status](entry, options.currentQuarter));
  const { offset, limit } = options.page;
  const items = firstInOrder(matching, offset + limit, SORTS[options.sort]).slice(offset).map(rowOf);
  return { items, total: matching.length };
}
