import * as z from 'zod';
import { field } from '../shared/fields';

export const COMMITMENT_STATUSES = ['committed', 'fulfilled', 'confirmed', 'returned'] as const;

const yearField = () => field.int('承诺年度', { min: 2000, max: 2100 });

/** A member's own 好事, or (with teamId) a team's 实事, for a 帮扶对象 in a year (this year unless given). */
export const CommitInput = z.object({
  year: yearField().optional(),
  teamId: field.id('服务队').optional(),
  beneficiary: field.text('帮扶对象', { max: 60 }),
  content: field.text('承诺内容', { min: 2, max: 300 }),
});

export const CommitmentIdInput = z.object({ commitmentId: field.id('承诺') });

export const ReportFulfilmentInput = z.object({
  commitmentId: field.id('承诺'),
  fulfilment: field.text('完成情况', { min: 2, max: 300 }),
});

export const ReturnCommitmentInput = z.object({
  commitmentId: field.id('承诺'),
  reason: field.text('退回原因', { min: 2, max: 200 }),
});

export const MyCommitmentsInput = z.object({ year: yearField().optional() });

export const ListCommitmentsInput = z.object({
  /** Only for a district admin, who manages several communities. */
  communityId: field.id('社区').optional(),
  status: field.oneOf('承诺状态', COMMITMENT_STATUSES).optional(),
  year: yearField().optional(),
  page: field.page(),
});

export const CommitmentView = z.object({
  id: z.string(),
  year: z.number(),
  /** whose it is: a member's 好事 or a team's 实事 */
  kind: z.enum(['member', 'team']),
  member: z.object({ id: z.string(), name: z.string() }).nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  beneficiary: z.string(),
  content: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  fulfilment: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  /** Why the secretary sent it back; kept after a new report, so both can see what was asked. */
  returnReason: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
  communityName: z.string(),
});

export const MyCommitments = z.object({
  items: z.array(CommitmentView),
  /** The teams whose 实事 the caller may commit and report, as their captain. */
  captainOf: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The Beijing year now: a commitment is for this year or the next. */
  currentYear: z.number(),
});

export const CommitmentPage = z.object({
  items: z.array(CommitmentView),
  total: z.number(),
  /** How many of the community's commitments wait for the secretary (reported fulfilled), whatever the filter. */
  waiting: z.number(),
});

export type CommitmentView = z.output<typeof CommitmentView>;
export type CommitInput = z.output<typeof CommitInput>;
