import * as z from 'zod';
import { assessmentYear } from '../assessment/assessment-common.schemas';
import { field } from '../shared/fields';

export const RecordCardInput = z.object({
  /** Whose card: the caller's own when left out. */
  memberId: field.id('党员').optional(),
  year: assessmentYear().optional(),
});

export const RECORD_CARD_FORMATS = ['xlsx', 'pdf'] as const;

export const ExportRecordCardInput = RecordCardInput.extend({ format: field.oneOf('导出格式', RECORD_CARD_FORMATS) });

/** 姓名、工作单位、报到社区、志愿者编号 at the head of 004 附件5. */
export const RecordCardHeader = z.object({
  memberId: z.string(),
  name: z.string(),
  volunteerNo: z.string(),
  /** The unit's name; empty for a member who belongs to no unit. */
  workUnit: z.string(),
  community: z.string(),
  year: z.number(),
});

/** One line of the card: a credited service of the year. */
export const RecordCardRow = z.object({
  recordId: z.string(),
  serviceDate: z.string(),
  /** 年月日 and the Beijing times, e.g. 2026-03-05 09:00–11:30. */
  time: z.string(),
  place: z.string(),
  content: z.string(),
  hours: z.number(),
  /** 评价（优/良/一般）: the organisation's grade, empty when none was given. */
  grade: z.string(),
  /** The resident's rating (满意/基本满意/不满意), empty when none. */
  residentRating: z.string(),
  /** The cell as printed: the grade, then the resident's rating. */
  evaluation: z.string(),
  certifyingOrg: z.string(),
  verifier: z.string(),
  source: z.enum(['scan', 'manual']),
  /** 认证签字 as printed: the certifying organisation, how (扫码核验 / 补录) and by whom. */
  certification: z.string(),
});

export const RecordCardTotals = z.object({
  services: z.number(),
  hours: z.number(),
  verifiedServices: z.number(),
  verifiedHours: z.number(),
  handEnteredServices: z.number(),
  handEnteredHours: z.number(),
  /** Records of the year not counted yet (待审批 / 待居民确认): not on the card. */
  pendingServices: z.number(),
});

export const RecordCardTraining = z.object({
  id: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  organiser: z.string(),
  period: z.string(),
  hours: z.number(),
});

export const RecordCardAward = z.object({
  id: z.string(),
  title: z.string(),
  levelLabel: z.string(),
  awardedOn: z.string(),
  awardingBody: z.string(),
});

export const RecordCardView = z.object({
  header: RecordCardHeader,
  rows: z.array(RecordCardRow),
  totals: RecordCardTotals,
  trainings: z.array(RecordCardTraining),
  awards: z.array(RecordCardAward),
});

export type RecordCardView = z.infer<typeof RecordCardView>;
export type RecordCardRow = z.infer<typeof RecordCardRow>;
export type RecordCardFormat = (typeof RECORD_CARD_FORMATS)[number];
