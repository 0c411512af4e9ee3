import * as z from 'zod';
import { field } from '../shared/fields';

const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** 联系电话 on the form: a mobile or a landline with its area code. */
const contactPhone = (label: string) =>
  field.text(label, { min: 1, max: 20 }).regex(PHONE_PATTERN, `${label}须为11位手机号码或带区号的固定电话（如0750-5511941）`);

/**
 * Whose report: a secretary's own community, a unit admin's unit (the first when they hold several), or for a
 * district admin any community or unit of her district (one of the two named).
 */
export const QuarterlyReportInput = z
  .object({
    communityId: field.id('社区').optional(),
    unitId: field.id('单位').optional(),
    year: field.int('年份', { min: 2000, max: 2100 }).optional(),
    quarter: field.int('季度', { min: 1, max: 4 }).optional(),
  })
  .refine((input) => !(input.communityId && input.unitId), { error: '社区和单位只能指定一个', path: ['unitId'] })
  .refine((input) => (input.year === undefined) === (input.quarter === undefined), { error: '年份和季度须一起填写', path: ['quarter'] });

/** 义工组织负责人、联系人 with their phones. */
export const OrganisationContacts = z.object({
  leadName: field.text('负责人姓名', { max: 30 }),
  leadPhone: contactPhone('负责人联系电话'),
  contactName: field.text('联系人姓名', { max: 30 }),
  contactPhone: contactPhone('联系人联系电话'),
});

export const SubmitQuarterlyReportInput = z
  .object({
    communityId: field.id('社区').optional(),
    unitId: field.id('单位').optional(),
    year: field.int('年份', { min: 2000, max: 2100 }),
    quarter: field.int('季度', { min: 1, max: 4 }),
    /** Needed when the organisation has none yet; when given, they replace the ones kept. */
    contacts: OrganisationContacts.optional(),
  })
  .refine((input) => !(input.communityId && input.unitId), { error: '社区和单位只能指定一个', path: ['unitId'] });

export const QuarterlyReportStatusInput = z
  .object({
    year: field.int('年份', { min: 2000, max: 2100 }).optional(),
    quarter: field.int('季度', { min: 1, max: 4 }).optional(),
  })
  .refine((input) => (input.year === undefined) === (input.quarter === undefined), { error: '年份和季度须一起填写', path: ['quarter'] });

export const ORGANISATION_KINDS = ['community', 'unit'] as const;

/** One row of 组织开展义工服务: an activity with credited service in the quarter. */
export const QuarterlyActivity = z.object({
  orderId: z.string(),
  /** 项目: the activity's title, and for a unit the community where it was held. */
  project: z.string(),
  /** The first day of credited service on it in the quarter. */
  heldOn: z.string(),
  participants: z.number(),
  hours: z.number(),
  /**
   * The activity's 活动简讯 when one was submitted: its text shortened for the form's 项目, how many photos it keeps,
   * and whether it came after its due date. Absent without one (and in versions submitted before 简讯 existed).
   */
  brief: z.object({ summary: z.string(), photos: z.number(), late: z.boolean() }).optional(),
});

/** The form's figures, as computed now or as frozen on submission. */
export const QuarterlyFigures = z.object({
  organisation: z.object({ kind: z.enum(ORGANISATION_KINDS), id: z.string(), name: z.string() }),
  year: z.number(),
  quarter: z.number(),
  /** 下辖党员义工组织数: the organisation's 服务队、党员工作室和小组 standing at the quarter's end (docs/glossary.md). */
  teams: z.number(),
  /** 管辖党员总数: the registered party members and the holders of an open 报到单 not yet reported. */
  partyMembers: z.number(),
  /** 注册党员义工总数: the party members on the organisation's roll. */
  registeredVolunteers: z.number(),
  /** 入党积极分子注册义工数. */
  activists: z.number(),
  contacts: OrganisationContacts.nullable(),
  activities: z.array(QuarterlyActivity),
  totals: z.object({
    /** People who served at least once in the quarter, each once. */
    people: z.number(),
    /** 人次: the activities' participants added up. */
    participations: z.number(),
    hours: z.number(),
  }),
  /** 填报日期. */
  filledOn: z.string(),
});

export const QuarterlySubmission = z.object({
  version: z.number(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  /** Submitted after the due date. */
  late: z.boolean(),
  seenAt: z.string().nullable(),
  figures: QuarterlyFigures,
});

export const QuarterlyDue = z.object({
  dueOn: z.string(),
  /** Days from today to the due date; negative once past. */
  daysLeft: z.number(),
  overdue: z.boolean(),
});

export const QuarterlyReportView = z.object({
  /** Today's figures of the quarter. */
  current: QuarterlyFigures,
  /** The latest version submitted, as it was sent; null before the first. */
  submitted: QuarterlySubmission.nullable(),
  due: QuarterlyDue,
  /** Whether the quarter has begun (a report can be submitted) and whether the level above has opened it (no resubmission). */
  canSubmit: z.boolean(),
});

export const QuarterlyReportStatusView = z.object({
  year: z.number(),
  quarter: z.number(),
  dueOn: z.string(),
  /** Days from today to the due date; negative once past. */
  daysLeft: z.number(),
  counts: z.object({ total: z.number(), submitted: z.number(), overdue: z.number() }),
  /** Overdue first, then not submitted, then submitted; by kind, street and name within each. */
  items: z.array(
    z.object({
      kind: z.enum(ORGANISATION_KINDS),
      id: z.string(),
      name: z.string(),
      streetName: z.string().nullable(),
      status: z.enum(['overdue', 'waiting', 'submitted']),
      submission: z
        .object({
          version: z.number(),
          submittedAt: z.string(),
          late: z.boolean(),
          seen: z.boolean(),
          registeredVolunteers: z.number(),
          activities: z.number(),
          hours: z.number(),
        })
        .nullable(),
    }),
  ),
});

export type QuarterlyFigures = z.infer<typeof QuarterlyFigures>;
export type QuarterlyActivity = z.infer<typeof QuarterlyActivity>;
export type OrganisationContacts = z.infer<typeof OrganisationContacts>;
export type QuarterlyReportView = z.infer<typeof QuarterlyReportView>;
export type QuarterlyReportStatusView = z.infer<typeof QuarterlyReportStatusView>;
