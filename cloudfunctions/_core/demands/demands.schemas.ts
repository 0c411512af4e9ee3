import { z } from 'zod';
import { SERVICE_CATEGORIES } from '../catalogue/service-catalogue';
import { field } from '../shared/fields';

export const DEMAND_STATUSES = ['submitted', 'accepted', 'rejected', 'withdrawn'] as const;
export const DEMAND_CHANNELS = ['self', 'window', 'phone', 'visit', 'mailbox'] as const;
export const RESIDENT_RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;

const needFields = {
  category: field.oneOf('服务类别', SERVICE_CATEGORIES),
  subItem: field.optionalText('服务子项', 30),
  description: field.text('需求描述', { min: 4, max: 500 }),
  address: field.text('服务地址', { max: 120 }),
  contactPhone: field.phone('联系电话'),
  wantedFrom: field.instant('期望开始时间').optional(),
  wantedUntil: field.instant('期望结束时间').optional(),
};

const wantedWindowIsOrdered = (need: { wantedFrom?: string; wantedUntil?: string }) =>
  !need.wantedFrom || !need.wantedUntil || new Date(need.wantedUntil) >= new Date(need.wantedFrom);
const wantedWindowIssue = { message: '期望结束时间不能早于期望开始时间', path: ['wantedUntil'] };

/** 群众点单: a resident posts a need of their own. */
export const PostDemandInput = z.object(needFields).refine(wantedWindowIsOrdered, wantedWindowIssue);

/** A secretary records a need brought to the window, by phone, on a visit or through the mailbox. */
export const RecordDemandInput = z
  .object({
    ...needFields,
    requesterName: field.text('求助人姓名', { max: 30 }),
    channel: field.oneOf('受理渠道', ['window', 'phone', 'visit', 'mailbox'] as const),
    residentId: field.id('居民').optional(),
  })
  .refine(wantedWindowIsOrdered, wantedWindowIssue);

export const DemandIdInput = z.object({ demandId: field.id('需求') });

export const RejectDemandInput = z.object({
  demandId: field.id('需求'),
  reason: field.text('驳回理由', { min: 2, max: 200 }),
});

export const ConfirmServiceInput = z.object({
  demandId: field.id('需求'),
  rating: field.oneOf('满意度', RESIDENT_RATINGS),
  comment: z.string({ error: '评价内容须为文字' }).trim().max(300, '评价内容不能超过300个字').default(''),
});

export const ListMyDemandsInput = z.object({ page: field.page() });

export const ListCommunityDemandsInput = z.object({
  /** Only for a district admin, who manages several communities. */
  communityId: field.id('社区').optional(),
  status: field.oneOf('需求状态', DEMAND_STATUSES).optional(),
  page: field.page(),
});

export const TimelineEntry = z.object({ at: z.string(), label: z.string() });

export const DemandView = z.object({
  id: z.string(),
  communityId: z.string(),
  category: z.string(),
  subItem: z.string().nullable(),
  description: z.string(),
  requesterName: z.string(),
  address: z.string(),
  contactPhone: z.string(),
  wantedFrom: z.string().nullable(),
  wantedUntil: z.string().nullable(),
  channel: z.enum(DEMAND_CHANNELS),
  status: z.enum(DEMAND_STATUSES),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  order: z
    .object({
      id: z.string(), title: z.string(), status: z.string(), startsAt: z.string(), endsAt: z.string(), residentConfirmedAt: z.string().nullable(),
      /** A member's hours on it wait for the resident to confirm the service happened. */
      awaitingResident: z.boolean(),
    })
    .nullable(),
  rating: z.object({ rating: z.enum(RESIDENT_RATINGS), comment: z.string() }).nullable(),
  timeline: z.array(TimelineEntry),
});

export const DemandPage = z.object({ items: z.array(DemandView), total: z.number() });

export type PostDemandInput = z.infer<typeof PostDemandInput>;
export type RecordDemandInput = z.infer<typeof RecordDemandInput>;
export type RejectDemandInput = z.infer<typeof RejectDemandInput>;
export type ConfirmServiceInput = z.infer<typeof ConfirmServiceInput>;
export type DemandView = z.infer<typeof DemandView>;
