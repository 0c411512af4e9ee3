import * as z from 'zod';
import { field } from '../shared/fields';

export const PERSONAL_FIELDS = ['phone', 'address', 'id_number'] as const;
export const PERSONAL_FIELD_LABELS: Record<(typeof PERSONAL_FIELDS)[number], string> = {
  phone: '手机号码',
  address: '住址',
  id_number: '身份证号码',
};

export const RevealInput = z.object({
  /** Whose value: a member, a resident, or the contact of a need (recorded on a resident's behalf or not). */
  subject: z
    .object({
      memberId: field.id('党员').optional(),
      residentId: field.id('居民').optional(),
      demandId: field.id('需求').optional(),
    })
    .refine((subject) => [subject.memberId, subject.residentId, subject.demandId].filter(Boolean).length === 1, {
      message: '查看对象须为党员、居民或需求中的一个',
      // Only once each id is well formed, so that a bad id is named alone.
      when: (payload) => payload.issues.length === 0,
    }),
  field: field.oneOf('要查看的信息', PERSONAL_FIELDS),
  purpose: field.optionalText('查看原因', 100),
});

export const RevealView = z.object({ value: z.string(), logged: z.boolean() });

export const ListAccessLogInput = z.object({ communityId: field.id('社区').optional(), page: field.page() });

export const AccessLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  viewerName: z.string(),
  subjectName: z.string(),
  subjectPhoneMasked: z.string(),
  field: z.enum(PERSONAL_FIELDS),
  fieldLabel: z.string(),
  purpose: z.string(),
  demandId: z.string().nullable(),
});

export const AccessLogPage = z.object({ items: z.array(AccessLogEntry), total: z.number() });

const Line = z.object({ label: z.string(), value: z.string() });

/** One part of what is held about a person, titled in Chinese: plain lines, and a list of entries each with its lines. */
export const DataSection = z.object({
  key: z.string(),
  title: z.string(),
  lines: z.array(Line),
  entries: z.array(z.object({ title: z.string(), lines: z.array(Line) })),
});

export const MyDataView = z.object({
  generatedAt: z.string(),
  sections: z.array(DataSection),
  /** What 注销 would erase and what the rules keep, in words. */
  leaving: z.object({ erased: z.array(z.string()), kept: z.array(z.string()) }),
});

export const DataFile = z.object({ fileName: z.string(), mimeType: z.literal('application/json'), base64: z.string() });

export const LeaveInput = z.object({
  confirmPhrase: z.enum(['确认注销'], { error: '请输入「确认注销」四个字以确认' }),
  reason: field.optionalText('注销原因', 200),
});

export const LeaveView = z.object({
  leftAt: z.string(),
  erased: z.array(z.string()),
  kept: z.array(z.string()),
  cancelledOrders: z.number(),
});

export type PersonalField = (typeof PERSONAL_FIELDS)[number];
export type DataSection = z.infer<typeof DataSection>;
export type MyDataView = z.infer<typeof MyDataView>;
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;
export type LeaveView = z.infer<typeof LeaveView>;
export type RevealInput = z.infer<typeof RevealInput>;
