import * as z from 'zod';
import { field } from '../../shared/fields';
import { BankRuleSchema, IncentiveRulesDocumentSchema, PointsRuleSchema, ShopRuleSchema, StarScaleSchema } from './rules.schemas';

const sections = <T extends z.ZodType>(of: T) => z.object({ points: of, stars: of, bank: of, shop: of });

export const RulesQuery = z.object({ districtId: field.id('区').optional() });

export const RulesView = IncentiveRulesDocumentSchema.extend({
  districtId: z.string(),
  districtName: z.string(),
  version: z.number().int().describe('版本号；0 表示本区尚未保存，按默认预设'),
  savedAt: z.string().nullable().describe('保存时间（版本 0 为 null）'),
  savedByName: z.string().nullable(),
  note: z.string().describe('修改说明'),
  presetNames: sections(z.string().nullable()).describe('各部分所依据的预设名称；null 表示本区自定'),
  texts: sections(z.array(z.string())).describe('各部分规则的文字说明，供党员查看「积分怎么来」'),
});

const presetOf = <T extends z.ZodType>(rule: T) =>
  z.object({ id: z.string(), name: z.string(), source: z.string(), url: z.string().nullable(), assumption: z.string().nullable(), rule });

export const PresetsView = z.object({
  points: z.array(presetOf(PointsRuleSchema)),
  stars: z.array(presetOf(StarScaleSchema)),
  bank: z.array(presetOf(BankRuleSchema)),
  shop: z.array(presetOf(ShopRuleSchema)),
});

export const SaveRulesInput = IncentiveRulesDocumentSchema.extend({
  districtId: field.id('区').optional(),
  expectedVersion: field.int('所修改的版本号', { min: 0, max: 1_000_000 }),
  note: field.note('修改说明', 200),
});

export const RuleHistoryQuery = z.object({
  districtId: field.id('区').optional(),
  limit: field.int('条数', { min: 1, max: 100 }).default(20),
});

export const RuleHistoryView = z.object({
  versions: z.array(
    z.object({
      version: z.number().int(),
      savedAt: z.string(),
      savedByName: z.string().nullable(),
      note: z.string(),
      changes: z.array(z.string()).describe('与上一版本相比的改动（第一版与默认预设相比）'),
    }),
  ),
});

export type RulesViewData = z.input<typeof RulesView>;
export type PresetsViewData = z.output<typeof PresetsView>;
export type SaveRulesInputData = z.input<typeof SaveRulesInput>;
export type RuleHistoryViewData = z.input<typeof RuleHistoryView>;
