import * as z from 'zod';
import { field } from '../shared/fields';
import { assessmentYear, RuleSetOrigin } from './assessment-common.schemas';
import { MEMBER_TYPES } from './rule-set-labels';
import { RuleOutcomeView } from './standing.schemas';

const Year = assessmentYear().optional();

export const COMPLIANCE_STATUSES = ['all', 'behind', 'met', 'no_service_this_quarter', 'exempt'] as const;
export const COMPLIANCE_SORTS = ['most_behind', 'name', 'hours'] as const;

export const ComplianceListInput = z.object({
  /** The secretary's own community when left out; a district admin names one of her district's. */
  communityId: field.id('社区').optional(),
  year: Year,
  memberType: field.oneOf('党员类型', MEMBER_TYPES).optional(),
  gridId: field.id('网格').optional(),
  status: field.oneOf('达标情况', COMPLIANCE_STATUSES).default('all'),
  sort: field.oneOf('排序方式', COMPLIANCE_SORTS).default('most_behind'),
  page: field.page(),
});

export const UnitStandingInput = z.object({
  /** The unit admin's own unit when left out; a district admin names one of her district's. */
  unitId: field.id('单位').optional(),
  year: Year,
  status: field.oneOf('达标情况', COMPLIANCE_STATUSES).default('all'),
  sort: field.oneOf('排序方式', COMPLIANCE_SORTS).default('most_behind'),
  page: field.page(),
});

/** A rule's outcome as a list row shows it: no clause, measure, consequences or exemption. */
const RuleLine = RuleOutcomeView.omit({ clause: true, measure: true, consequences: true, exemption: true });

/** met: every applicable rule met or exempted; behind: any not met; exempt: every applicable rule exempted; not_assessed: none applies. */
const MemberStatus = z.enum(['met', 'behind', 'exempt', 'not_assessed']);

export const ComplianceRow = z.object({
  memberId: z.string(),
  name: z.string(),
  volunteerNo: z.string(),
  memberType: z.string(),
  memberTypeLabel: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  status: MemberStatus,
  statusLabel: z.string(),
  /** Credited service hours of the year. */
  hours: z.number(),
  /** Whether a credited service is dated in the current quarter (false for a closed year). */
  servedThisQuarter: z.boolean(),
  /** The rule furthest behind (or the first that applies): the row's figure against its target, and its advice. */
  headline: RuleLine.nullable(),
  rules: z.array(RuleLine),
});

export const ComplianceCounts = z.object({
  /** Members listed (after the type and grid filters, before the status filter). */
  members: z.number(),
  met: z.number(),
  behind: z.number(),
  /** Members assessed and not exempted with no credited service in the current quarter. */
  noServiceThisQuarter: z.number(),
  exempt: z.number(),
  notAssessed: z.number(),
});

const RuleSetLine = z.object({ name: z.string(), source: z.string(), origin: RuleSetOrigin, version: z.number().nullable() });

export const ComplianceListView = z.object({
  year: z.number(),
  closed: z.boolean(),
  /** The current quarter (1–4) when the year is the current one, else null. */
  currentQuarter: z.number().nullable(),
  community: z.object({ id: z.string(), name: z.string() }),
  ruleSet: RuleSetLine,
  grids: z.array(z.object({ id: z.string(), name: z.string() })),
  counts: ComplianceCounts,
  /** Per quarter begun: members assessed (not exempted) with and without a credited service in it. */
  byQuarter: z.array(z.object({ quarter: z.number(), label: z.string(), withService: z.number(), withoutService: z.number() })),
  /** Per member type present: how many met and how many are behind. */
  byType: z.array(z.object({ memberType: z.string(), label: z.string(), met: z.number(), behind: z.number(), exempt: z.number() })),
  items: z.array(ComplianceRow),
  /** Rows matching every filter (the page is a slice of them). */
  total: z.number(),
});

export const UnitStandingView = z.object({
  year: z.number(),
  closed: z.boolean(),
  currentQuarter: z.number().nullable(),
  unit: z.object({ id: z.string(), name: z.string() }),
  counts: ComplianceCounts,
  /** Per community its in-service members serve in, with that community's rule set. */
  byCommunity: z.array(
    z.object({ communityId: z.string(), communityName: z.string(), ruleSet: z.string(), members: z.number(), met: z.number(), behind: z.number(), exempt: z.number() }),
  ),
  items: z.array(ComplianceRow),
  total: z.number(),
});
