import { z } from 'zod';
import { field } from '../shared/fields';

const year = z.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度不能早于2000').max(2100, '年度不能晚于2100');

export const ListMyRecordsInput = z.object({ year: year.optional(), page: field.page() });

export const ListCommunityRecordsInput = z.object({
  communityId: field.id('社区').optional(),
  year: year.optional(),
  status: field.oneOf('记录状态', ['credited', 'pending_approval'] as const).optional(),
  page: field.page(),
});

export const SelfEvaluateInput = z.object({ orderId: field.id('订单'), comment: field.text('自我评价', { min: 2, max: 300 }) });

export const ApproveRecordInput = z.object({ recordId: field.id('服务记录'), reason: field.text('审核意见', { min: 2, max: 200 }) });

export const CloseMissingCheckoutInput = z.object({
  orderId: field.id('订单'),
  memberId: field.id('党员'),
  checkedOutAt: field.instant('签退时间'),
  reason: field.text('补录理由', { min: 2, max: 200 }),
});

const handEnteredTimes = {
  startedAt: field.instant('开始时间'),
  endedAt: field.instant('结束时间'),
  reason: field.text('补录或更正理由', { min: 2, max: 200 }),
};

export const EnterRecordInput = z.object({ orderId: field.id('订单'), memberId: field.id('党员'), ...handEnteredTimes });

export const CorrectRecordInput = z.object({ recordId: field.id('服务记录'), ...handEnteredTimes });

export const RecordIdInput = z.object({ recordId: field.id('服务记录') });

export const DisputeInput = z.object({ orderId: field.id('订单'), reason: field.text('申诉理由', { min: 2, max: 300 }) });

export const ListDisputesInput = z.object({
  communityId: field.id('社区').optional(),
  status: field.oneOf('申诉状态', ['open', 'upheld', 'rejected'] as const).optional(),
});

export const ResolveDisputeInput = z.object({
  disputeId: field.id('申诉'),
  decision: field.oneOf('处理结果', ['upheld', 'rejected'] as const),
  resolution: field.text('处理意见', { min: 2, max: 300 }),
});

export const DisputeView = z.object({
  id: z.string(),
  orderId: z.string(),
  orderTitle: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  recordId: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['open', 'upheld', 'rejected']),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const AuditEntryView = z.object({
  action: z.string(),
  actorName: z.string(),
  reason: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.string(),
});

export const RecordView = z.object({
  id: z.string(),
  orderId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  volunteerNo: z.string(),
  content: z.string(),
  place: z.string(),
  serviceDate: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  hoursMeasured: z.number(),
  hoursCredited: z.number(),
  source: z.enum(['scan', 'manual']),
  status: z.enum(['credited', 'pending_approval']),
  certifiedBy: z.string(),
  residentConfirmed: z.boolean(),
  residentRating: z.string().nullable(),
  organisationRating: z.string().nullable(),
  selfEvaluation: z.string().nullable(),
});

export const MyHoursView = z.object({
  year: z.number(),
  targetHours: z.number(),
  creditedHours: z.number(),
  scannedHours: z.number(),
  manualHours: z.number(),
  pendingHours: z.number(),
  services: z.number(),
  byQuarter: z.array(z.object({ quarter: z.number(), hours: z.number(), services: z.number() })),
  records: z.array(RecordView),
  total: z.number(),
});

export const RecordPage = z.object({ items: z.array(RecordView), total: z.number() });

export const MissingCheckoutView = z.object({
  items: z.array(
    z.object({
      orderId: z.string(),
      title: z.string(),
      endsAt: z.string(),
      memberId: z.string(),
      memberName: z.string(),
      checkedInAt: z.string(),
      overdue: z.boolean(),
    }),
  ),
});

export type RecordView = z.infer<typeof RecordView>;
