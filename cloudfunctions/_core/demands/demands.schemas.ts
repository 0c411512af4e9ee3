import * as z from 'zod';
import { SERVICE_CATEGORIES } from '../catalogue/service-catalogue';
import { field } from '../shared/fields';
import { ADDRESS_MAX, DESCRIPTION_MAX, DESCRIPTION_MIN, POST_NEED_LABELS, RECORD_NEED_LABELS } from './need-labels';
import { NEED_KIND_KEYS, NEED_KINDS, describesItself } from './need-kinds';

export const DEMAND_STATUSES = ['submitted', 'accepted', 'rejected', 'withdrawn'] as const;
export const DEMAND_CHANNELS = ['self', 'window', 'phone', 'visit', 'mailbox'] as const;
export const RESIDENT_RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;

const kindField = (label: string) =>
  z.enum(NEED_KIND_KEYS, { error: `${label}须为以下之一：${NEED_KINDS.map((kind) => kind.name).join('、')}` }).optional();

const descriptionField = (label: string) => field.note(label, DESCRIPTION_MAX);

/**
 * A need names a plain kind or an official category (or both: the secretary's category wins); a kind that says what
 * it is by itself (买药代购) needs no description, 其他 or a bare category does, of at least four characters.
 */
const needRules = (labels: { what: string; whatField: 'kind' | 'category'; description: string; when: string | null }) =>
  (need: { kind?: string; category?: string; description: string; wantedFrom?: string; wantedUntil?: string }, ctx: z.RefinementCtx) => {
    if (!need.kind && !need.category) ctx.addIssue({ code: 'custom', message: `请选择${labels.what}`, path: [labels.whatField] });
    const described = describesItself(need.kind);
    if (!described && need.description.length === 0) {
      ctx.addIssue({ code: 'custom', message: `请填写${labels.description}`, path: ['description'] });
    } else if (!described && need.description.length < DESCRIPTION_MIN) {
      ctx.addIssue({ code: 'custom', message: `${labels.description}至少需要${DESCRIPTION_MIN}个字`, path: ['description'] });
    }
    if (need.wantedFrom && need.wantedUntil && new Date(need.wantedUntil) < new Date(need.wantedFrom)) {
      const message = labels.when ? `${labels.when}：结束时间不能早于开始时间` : '期望结束时间不能早于期望开始时间';
      ctx.addIssue({ code: 'custom', message, path: ['wantedUntil'] });
    }
  };

const instantOf = (label: string) => field.instant(label).optional();

/** 群众点单: a resident posts a need of their own, in plain words (买药代购…) that the server files under the catalogue. */
export const PostDemandInput = z
  .object({
    kind: kindField(POST_NEED_LABELS.kind),
    category: field.oneOf('服务类别', SERVICE_CATEGORIES).optional(),
    subItem: field.optionalText('服务子项', 30),
    description: descriptionField(POST_NEED_LABELS.description),
    address: field.text(POST_NEED_LABELS.address, { max: ADDRESS_MAX }),
    contactPhone: field.phone(POST_NEED_LABELS.contactPhone),
    wantedFrom: instantOf(`${POST_NEED_LABELS.when}的开始时间`),
    wantedUntil: instantOf(`${POST_NEED_LABELS.when}的结束时间`),
    /** 使用时间银行: the wanted hours are held from the poster's banked hours until the service is confirmed. */
    useTimeBank: z.boolean({ error: '「使用时间银行」须为是或否' }).optional(),
  })
  .superRefine(needRules({ what: POST_NEED_LABELS.kind, whatField: 'kind', description: POST_NEED_LABELS.description, when: POST_NEED_LABELS.when }));

/** A secretary records a need brought to the window, by phone, on a visit or through the mailbox. */
export const RecordDemandInput = z
  .object({
    kind: kindField(RECORD_NEED_LABELS.category),
    category: field.oneOf(RECORD_NEED_LABELS.category, SERVICE_CATEGORIES).optional(),
    subItem: field.optionalText('服务子项', 30),
    description: descriptionField(RECORD_NEED_LABELS.description),
    address: field.text(RECORD_NEED_LABELS.address, { max: ADDRESS_MAX }),
    contactPhone: field.phone(RECORD_NEED_LABELS.contactPhone),
    wantedFrom: field.instant('期望开始时间').optional(),
    wantedUntil: field.instant('期望结束时间').optional(),
    requesterName: field.text(RECORD_NEED_LABELS.requesterName, { max: 30 }),
    channel: field.oneOf(RECORD_NEED_LABELS.channel, ['window', 'phone', 'visit', 'mailbox'] as const),
    residentId: field.id('居民').optional(),
  })
  .superRefine(needRules({ what: RECORD_NEED_LABELS.category, whatField: 'category', description: RECORD_NEED_LABELS.description, when: null }));

export const DemandIdInput = z.object({ demandId: field.id('需求') });

export const RejectDemandInput = z.object({
  demandId: field.id('需求'),
  reason: field.text('驳回理由', { min: 2, max: 200 }),
});

export const ConfirmServiceInput = z.object({
  demandId: field.id('需求'),
  rating: field.oneOf('满意度', RESIDENT_RATINGS),
  comment: field.note('评价内容', 300),
});

export const ListMyDemandsInput = z.object({ page: field.page() });

export const ListCommunityDemandsInput = z.object({
  /** Only for a district admin, who manages several communities. */
  communityId: field.id('社区').optional(),
  status: field.oneOf('需求状态', DEMAND_STATUSES).optional(),
  /** Words to find in the description, the address, the requester's name or the category, separated by spaces; every word must appear. */
  query: field.optionalText('搜索词', 30),
  page: field.page(),
});

export const TimelineEntry = z.object({ at: z.string(), label: z.string() });

export const DemandView = z.object({
  id: z.string(),
  communityId: z.string(),
  /** The community the need went to, and its service phone once the community has given one. */
  community: z.object({ name: z.string(), servicePhone: z.string().nullable() }),
  /** What the resident chose in plain words (买药代购), or null when the need was filed by category only. */
  kind: z.string().nullable(),
  kindName: z.string().nullable(),
  /** The official 服务项目 the need is filed under, resolved from the kind unless chosen. */
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
      /** Who will come: the members who accepted it. Their own phones are not shown (004 §二.3.(1)); the community's is. */
      members: z.array(z.object({ name: z.string() })),
    })
    .nullable(),
  rating: z.object({ rating: z.enum(RESIDENT_RATINGS), comment: z.string() }).nullable(),
  timeline: z.array(TimelineEntry),
});

export const DemandPage = z.object({ items: z.array(DemandView), total: z.number() });

/** What the need form starts with: the caller's own phone and address (from their last need, else the account), still editable. */
export const NeedFormDefaults = z.object({
  contactPhone: z.string(),
  address: z.string(),
  community: z.object({ name: z.string(), servicePhone: z.string().nullable() }).nullable(),
});

export type PostDemandInput = z.infer<typeof PostDemandInput>;
export type RecordDemandInput = z.infer<typeof RecordDemandInput>;
export type RejectDemandInput = z.infer<typeof RejectDemandInput>;
export type ConfirmServiceInput = z.infer<typeof ConfirmServiceInput>;
export type DemandView = z.infer<typeof DemandView>;
export type NeedFormDefaults = z.infer<typeof NeedFormDefaults>;
