import * as z from 'zod';
import { field } from '../shared/fields';
import { assessmentYear, RuleSetOrigin } from './assessment-common.schemas';
import { PRESET_IDS } from './presets';
import { RuleSetSchema } from './rule-set.schema';

export const RuleSetQuery = z.object({
  /** Default: the current Beijing year. */
  year: assessmentYear().optional(),
  /** A district admin may look at one of her communities or streets; anyone else reads their own. */
  communityId: field.id('社区').optional(),
  streetId: field.id('街道').optional(),
});

export const ChooseRuleSetInput = z
  .object({
    year: assessmentYear(),
    /** A street's own choice, which the district admin makes on its behalf while streets may choose. */
    streetId: field.id('街道').optional(),
    preset: field.oneOf('考核规则预设', PRESET_IDS).optional(),
    /** The full document as edited; without it the preset is taken as it stands. */
    document: RuleSetSchema.optional(),
    reason: field.text('调整原因', { max: 200 }),
  })
  .refine((input) => input.preset !== undefined || input.document !== undefined, {
    path: ['preset'],
    message: '请选择考核规则预设或填写规则',
  });

export const RuleSetHistoryQuery = z.object({ year: assessmentYear(), streetId: field.id('街道').optional() });

export const SetStreetChoiceInput = z.object({ streetsChooseRuleSets: z.boolean({ error: '是否允许街道自选考核规则须为是或否' }) });

export const RuleSetView = z.object({
  year: z.number(),
  /** Before the current Beijing year: its rule set can no longer be changed. */
  closed: z.boolean(),
  origin: RuleSetOrigin,
  /** What the rule set is read for. */
  scope: z.object({ kind: z.enum(['district', 'street', 'community']), id: z.string(), name: z.string() }),
  districtId: z.string(),
  /** The street whose own choice applies, or null for the district's. */
  streetId: z.string().nullable(),
  streetsChooseRuleSets: z.boolean(),
  version: z.number().nullable(),
  preset: z.string().nullable(),
  chosenForYear: z.number().nullable(),
  chosenAt: z.string().nullable(),
  chosenBy: z.string().nullable(),
  reason: z.string().nullable(),
  document: RuleSetSchema,
});

export const RuleSetChange = z.object({
  kind: z.enum(['chosen', 'set_field', 'rule_added', 'rule_removed', 'rule_field']),
  ruleId: z.string().nullable(),
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** The change as a person reads it, e.g. 「每年志愿服务时数不少于25小时」达标值：25 → 20. */
  text: z.string(),
});

export const RuleSetHistoryView = z.object({
  year: z.number(),
  streetId: z.string().nullable(),
  /** Newest first. */
  versions: z.array(
    z.object({
      version: z.number(),
      name: z.string(),
      preset: z.string().nullable(),
      chosenAt: z.string(),
      chosenBy: z.string(),
      reason: z.string(),
      changes: z.array(RuleSetChange),
    }),
  ),
});

export const StreetChoiceView = z.object({ streetsChooseRuleSets: z.boolean() });

export const RecordExemptionInput = z.object({
  memberId: field.chosenId('党员'),
  year: assessmentYear(),
  reason: field.text('免除原因', { min: 2, max: 200 }),
  approvedBy: field.text('批准单位', { min: 2, max: 60 }),
  approvalRef: field.optionalText('批准文号', 60),
});

export const RevokeExemptionInput = z.object({ exemptionId: field.id('免除记录') });

export const ListExemptionsQuery = z.object({
  year: assessmentYear().optional(),
  communityId: field.id('社区').optional(),
});

export const ExemptionView = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  volunteerNo: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  year: z.number(),
  reason: z.string(),
  approvedBy: z.string(),
  approvalRef: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  live: z.boolean(),
});

export const ExemptionListView = z.object({ year: z.number(), closed: z.boolean(), exemptions: z.array(ExemptionView) });

export const MemberCandidatesQuery = z.object({
  query: field.text('姓名、手机号或志愿者编号', { max: 30 }),
});

export const MemberCandidatesView = z.object({
  members: z.array(z.object({ memberId: z.string(), name: z.string(), volunteerNo: z.string(), communityName: z.string(), memberType: z.string() })),
});
