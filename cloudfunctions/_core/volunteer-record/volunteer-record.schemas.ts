import * as z from 'zod';
import { field } from '../shared/fields';

import { AWARD_LEVELS, TRAINING_KINDS } from './record-words';

export { AWARD_LEVELS, AWARD_LEVEL_LABELS, TRAINING_KINDS, TRAINING_KIND_LABELS } from './record-words';

const hours = z
  .number({ error: '培训时数须为数字' })
  .min(0.5, '培训时数至少为0.5小时')
  .max(1000, '培训时数不能超过1000小时')
  .refine((value) => Number.isInteger(value * 2), '培训时数须以0.5小时为单位');

const trainingFields = {
  kind: field.oneOf('培训类别', TRAINING_KINDS),
  title: field.text('培训名称', { min: 2, max: 60 }),
  organiser: field.text('主办单位', { min: 2, max: 60 }),
  startedOn: field.day('开始日期'),
  endedOn: field.day('结束日期'),
  hours,
  memberIds: z
    .array(field.id('参训党员'), { error: '请选择参训党员' })
    .min(1, '请至少选择一名参训党员')
    .max(500, '参训党员一次不能超过500人')
    .refine((ids) => new Set(ids).size === ids.length, '参训党员不能重复'),
};

export const RecordTrainingInput = z.object({
  /** The community that holds it; a district admin leaves it out for a district-wide training. */
  communityId: field.id('社区').optional(),
  ...trainingFields,
});

export const CorrectTrainingInput = z.object({
  trainingId: field.id('培训记录'),
  ...trainingFields,
  reason: field.text('更正理由', { min: 2, max: 200 }),
});

export const WithdrawInput = (label: string) =>
  z.object({ id: field.id(label), reason: field.text('撤回理由', { min: 2, max: 200 }) });
export const WithdrawTrainingInput = WithdrawInput('培训记录');
export const WithdrawAwardInput = WithdrawInput('表彰奖励记录');

export const ListScopeInput = z.object({
  communityId: field.id('社区').optional(),
  year: field.int('年度', { min: 2000, max: 2100 }).optional(),
});

export const RecordAwardInput = z.object({
  memberId: field.chosenId('党员'),
  title: field.text('表彰名称', { min: 2, max: 60 }),
  level: field.oneOf('表彰级别', AWARD_LEVELS),
  awardedOn: field.day('表彰日期'),
  awardingBody: field.text('授予单位', { min: 2, max: 60 }),
});

export const MyRecordInput = z.object({ year: field.int('年度', { min: 2000, max: 2100 }).optional() });

const ParticipantView = z.object({ memberId: z.string(), name: z.string(), volunteerNo: z.string() });
const AuditEntryView = z.object({ action: z.string(), actor: z.string(), reason: z.string(), at: z.string() });

export const TrainingView = z.object({
  id: z.string(),
  kind: z.enum(TRAINING_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  organiser: z.string(),
  scopeName: z.string(),
  startedOn: z.string(),
  endedOn: z.string(),
  hours: z.number(),
  participants: z.array(ParticipantView),
  recordedBy: z.string(),
  recordedAt: z.string(),
  withdrawn: z.boolean(),
  withdrawReason: z.string().nullable(),
  history: z.array(AuditEntryView),
});

export const AwardView = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  volunteerNo: z.string(),
  title: z.string(),
  level: z.enum(AWARD_LEVELS),
  levelLabel: z.string(),
  awardedOn: z.string(),
  awardingBody: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  withdrawn: z.boolean(),
  withdrawReason: z.string().nullable(),
});

export const TrainingList = z.object({ year: z.number(), items: z.array(TrainingView) });
export const AwardList = z.object({ year: z.number(), items: z.array(AwardView) });

export const MyTrainingsAndAwardsView = z.object({
  year: z.number(),
  trainings: z.array(
    z.object({ id: z.string(), kind: z.enum(TRAINING_KINDS), kindLabel: z.string(), title: z.string(), organiser: z.string(), startedOn: z.string(), endedOn: z.string(), hours: z.number() }),
  ),
  awards: z.array(
    z.object({ id: z.string(), title: z.string(), level: z.enum(AWARD_LEVELS), levelLabel: z.string(), awardedOn: z.string(), awardingBody: z.string() }),
  ),
  trainingHours: z.number(),
});

export const CandidatesInput = z.object({
  communityId: field.id('社区').optional(),
  query: field.optionalText('姓名或志愿者编号', 30),
});

export const CandidatesView = z.object({
  scopeName: z.string(),
  members: z.array(z.object({ memberId: z.string(), name: z.string(), volunteerNo: z.string(), communityName: z.string() })),
});
