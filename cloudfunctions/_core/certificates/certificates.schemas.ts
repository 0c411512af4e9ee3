import * as z from 'zod';
import { field } from '../shared/fields';

export const CERTIFICATE_STATUSES = ['requested', 'issued', 'refused', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Printed on every certificate: which hours it counts (decided in docs/glossary.md, 志愿服务证明). */
export const VERIFIED_HOURS_STATEMENT = '本证明所列时长均为扫码签到签退核验的服务时长；手工补录或更正的时长不计入本证明。';

const MOST_CHOSEN_RECORDS = 200;

/** The issuer's contact on paper: a landline with its area code or a mobile, one that a reader can call back. */
const contactPhone = field
  .string('联系电话', '请填写联系电话')
  .regex(/^(0[0-9]{2,3}-?[0-9]{7,8}|1[3-9][0-9]{9})$/, '联系电话须为带区号的座机（如 0750-1234567）或11位手机号码');

const certificateId = field.id('证明');

export const RequestCertificateInput = z
  .object({
    from: field.day('开始日期').optional(),
    to: field.day('结束日期').optional(),
    recordIds: z
      .array(field.id('服务记录'), { error: '所选服务记录须为列表' })
      .min(1, '请至少选择一条服务记录')
      .max(MOST_CHOSEN_RECORDS, `一次最多选择${MOST_CHOSEN_RECORDS}条服务记录`)
      .optional(),
    purpose: field.note('用途', 60),
  })
  .superRefine((input, ctx) => {
    const byPeriod = input.from !== undefined || input.to !== undefined;
    if (byPeriod && input.recordIds) ctx.addIssue({ code: 'custom', path: ['recordIds'], message: '请按期间或按所选记录申请，二者选一' });
    else if (!byPeriod && !input.recordIds) ctx.addIssue({ code: 'custom', path: ['from'], message: '请填写证明期间，或选择服务记录' });
    else if (byPeriod && (!input.from || !input.to)) ctx.addIssue({ code: 'custom', path: [input.from ? 'to' : 'from'], message: '请填写证明期间的开始和结束日期' });
    else if (input.from && input.to && input.to < input.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  });

export const IssueCertificateInput = z.object({
  certificateId,
  responsiblePerson: field.text('负责人', { min: 2, max: 20 }),
  contactPhone,
});

export const ReasonedInput = z.object({ certificateId, reason: field.text('原因', { min: 2, max: 100 }) });

export const ReissueCertificateInput = IssueCertificateInput.extend({ reason: field.text('原因', { min: 2, max: 100 }) });

export const CertificateIdInput = z.object({ certificateId });

export const VerifyCertificateInput = z.object({
  number: field.text('证明编号', { max: 30 }),
  code: field.text('校验码', { max: 30 }),
});

export const ServiceLine = z.object({ date: z.string(), place: z.string(), content: z.string(), minutes: z.number() });
export const TrainingLine = z.object({ kind: z.string(), title: z.string(), organiser: z.string(), startedOn: z.string(), endedOn: z.string(), hours: z.number() });
export const AwardLine = z.object({ title: z.string(), level: z.string(), awardedOn: z.string(), awardingBody: z.string() });

/** What an issued certificate says, fixed at issue (民发〔2015〕149号: 志愿者、服务、出具主体、编号与日期). */
export const CertificateSnapshot = z.object({
  /** idNumber: the 身份证号码, only where the issuing community's district collects ID numbers (absent in older snapshots). */
  volunteer: z.object({ name: z.string(), volunteerNo: z.string(), idNumber: z.string().nullable().optional() }),
  service: z.object({
    organisation: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    minutes: z.number(),
    serviceCount: z.number(),
    contents: z.array(z.string()),
    lines: z.array(ServiceLine),
    /** Hand-entered records of the same choice, not counted. */
    excluded: z.object({ count: z.number(), minutes: z.number() }),
  }),
  trainings: z.array(TrainingLine),
  awards: z.array(AwardLine),
  issuer: z.object({ name: z.string(), responsiblePerson: z.string(), handler: z.string(), contactPhone: z.string() }),
  number: z.string(),
  issuedOn: z.string(),
  purpose: z.string(),
  statement: z.string(),
  replacesNumber: z.string().nullable(),
});
export type CertificateSnapshot = z.infer<typeof CertificateSnapshot>;

/** What the secretary checks before signing off: the service as the records say today. */
export const ServicePreview = CertificateSnapshot.shape.service;

export const CertificateView = z.object({
  id: z.string(),
  requestId: z.string(),
  member: z.object({ name: z.string(), volunteerNo: z.string() }),
  communityId: z.string(),
  communityName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  chosenRecords: z.number().nullable(),
  purpose: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  requestedAt: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  hours: z.number().nullable(),
  refuseReason: z.string().nullable(),
  revokeReason: z.string().nullable(),
  replacesNumber: z.string().nullable(),
  replacedByNumber: z.string().nullable(),
  /** The public verification link (the QR code's text), for an issued certificate. */
  verifyUrl: z.string().nullable(),
});
export type CertificateView = z.infer<typeof CertificateView>;

export const CertificateList = z.object({ certificates: z.array(CertificateView) });

export const PendingCertificate = CertificateView.extend({ preview: ServicePreview });
export const PendingList = z.object({ certificates: z.array(PendingCertificate) });

export const VerifyResult = z.object({
  status: z.enum(['valid', 'revoked', 'unknown']),
  certificate: z
    .object({
      number: z.string(),
      holderName: z.string(),
      hours: z.number(),
      serviceCount: z.number(),
      periodFrom: z.string(),
      periodTo: z.string(),
      issuerName: z.string(),
      issuedOn: z.string(),
      revokedOn: z.string().nullable(),
      replacedByNumber: z.string().nullable(),
    })
    .nullable(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;
