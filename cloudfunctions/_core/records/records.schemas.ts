import * as z from 'zod';
import { field } from '../shared/fields';

/** A record's state: counted, held by the 8-hours-a-day rule, or a home service the resident has not yet confirmed. */
export const RECORD_STATUSES = ['credited', 'pending_approval', 'awaiting_resident'] as const;
/** 自评 (一事一评): how the member judges their own service. */
export const SELF_RATINGS = ['excellent', 'good', 'fair'] as const;


const year = z.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度不能早于2000').max(2100, '年度不能晚于2100');

export const ListMyRecordsInput = z.object({ year: year.optional(), page: field.page() });

export const ListCommunityRecordsInput = z.object({
  communityId: field.id('社区').optional(),
  year: year.optional(),
  status: field.oneOf('记录状态', RECORD_STATUSES).optional(),
  page: field.page(),
});

export const SelfEvaluateInput = z.object({
  orderId: field.id('订单'),
  rating: field.oneOf('自我评价等级', SELF_RATINGS),
  comment: field.text('自我评价', { min: 2, max: 300 }),
});

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
export const OrderIdInput = z.object({ orderId: field.id('订单') });
export const CommunityInput = z.object({ communityId: field.id('社区').optional() });
/** 核减: a day over 8 hours is cut so that the day holds 8 hours in all. */
export const CutRecordInput = z.object({ recordId: field.id('服务记录'), reason: field.text('核减理由', { min: 2, max: 200 }) });
/** 添加到名单并签到 by hand, for a member with no phone to show a code. */
export const AddWalkInInput = z.object({ orderId: field.id('订单'), memberId: field.id('党员'), reason: field.text('添加理由', { min: 2, max: 200 }) });
/** The secretary confirms a home service on the resident's behalf (the resident has no phone, or confirmed by telephone). */
export const ConfirmForResidentInput = z.object({ orderId: field.id('订单'), reason: field.text('代为确认的理由', { min: 2, max: 200 }) });

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
  status: z.enum(RECORD_STATUSES),
  certifiedBy: z.string(),
  orderTitle: z.string(),
  orderKind: z.enum(['demand', 'activity']),
  /** Who scanned the check-out, or who entered the record by hand. */
  verifierName: z.string().nullable(),
  residentConfirmed: z.boolean(),
  residentConfirmedAt: z.string().nullable(),
  selfRating: z.enum(SELF_RATINGS).nullable(),
  /** For a record waiting for approval: hours the member already has credited that day, besides this one. */
  dayCreditedHours: z.number().nullable(),
  residentRating: z.string().nullable(),
  organisationRating: z.string().nullable(),
  selfEvaluation: z.string().nullable(),
});

export const MyHoursView = z.object({
  year: z.number(),
  /** The yearly hours rule's target after pro rata (the member's rule set); null when the rule set has none for them. */
  targetHours: z.number().nullable(),
  /** The rule behind the target, or without an hours target the first other rule that holds the member. */
  targetRule: z.object({ title: z.string(), advice: z.string() }).nullable(),
  creditedHours: z.number(),
  scannedHours: z.number(),
  manualHours: z.number(),
  pendingHours: z.number(),
  /** Home services the resident has not confirmed yet (待居民确认): not counted until then. */
  awaitingResidentHours: z.number(),
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

export const RecordDetailView = z.object({
  record: RecordView,
  entries: z.array(AuditEntryView),
  disputes: z.array(DisputeView),
});

export const DisputeList = z.object({ items: z.array(DisputeView) });

/** 时长管理 of one order: every member on it, with their times, record and open dispute. */
export const OrderHoursView = z.object({
  order: z.object({
    id: z.string(),
    communityId: z.string(),
    title: z.string(),
    kind: z.enum(['demand', 'activity']),
    place: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    status: z.string(),
    scheduledHours: z.number(),
    residentConfirmedAt: z.string().nullable(),
  }),
  /** Hours credited on the order, summed from minutes (not from each record's rounded hours), scanned and by hand apart. */
  totals: z.object({ scannedHours: z.number(), manualHours: z.number() }),
  members: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      volunteerNo: z.string(),
      assignmentStatus: z.enum(['invited', 'accepted', 'declined', 'cancelled']),
      /** Added by the secretary on the day (添加到名单), not accepted beforehand. */
      walkIn: z.boolean(),
      checkedInAt: z.string().nullable(),
      checkedOutAt: z.string().nullable(),
      record: RecordView.nullable(),
      openDispute: DisputeView.nullable(),
    }),
  ),
});

/** What waits for the secretary, for the counts on each entry of 时长管理. */
export const HoursQueuesView = z.object({
  pendingApproval: z.number(),
  missingCheckouts: z.number(),
  overdueMissingCheckouts: z.number(),
  openDisputes: z.number(),
  awaitingResident: z.number(),
  /** Refused scans in the last 7 days. */
  refusedScans: z.number(),
});

export type RecordView = z.infer<typeof RecordView>;
export type OrderHoursView = z.infer<typeof OrderHoursView>;
