import * as z from 'zod';
import { SERVICE_CATEGORIES } from '../../catalogue';
import { field } from '../../shared/fields';

const PRESET_ID = /^[a-z][a-z0-9-]{0,39}$/;
const presetId = (label: string) =>
  field.string(label).regex(PRESET_ID, `${label}须为小写英文字母开头的字母、数字或短横线`).nullable().default(null);

const flag = (label: string) => z.boolean({ error: `${label}须为是或否` });

/** 系数 as a percentage (120 = ×1.2), so that every rule stays in integers. */
const percent = (label: string) => field.int(label, { min: 0, max: 1000 });

/**
 * 积分: floor(counted minutes × perHour × coefficient% / 6000), the counted minutes first capped at
 * maxMinutesPerService; then the bonuses, each a whole number of points.
 */
export const PointsRuleSchema = z.object({
  preset: presetId('积分规则的来源'),
  perHour: field.int('每小时积分', { min: 0, max: 1000 }),
  defaultPercent: percent('默认服务类别系数'),
  categoryPercent: z
    .partialRecord(field.oneOf('服务类别', SERVICE_CATEGORIES), percent('服务类别系数'), { error: '服务类别系数须为按类别列出的数字' })
    .default({}),
  maxMinutesPerService: field.int('每次服务最多计入的时长', { min: 1, max: 24 * 60 }).nullable().default(null),
  handEnteredEarns: flag('手工补录的时长是否计积分').default(false),
  satisfiedBonus: field.int('群众评价「满意」加分', { min: 0, max: 1000 }).default(0),
  excellentBonus: field.int('组织评价「优」加分', { min: 0, max: 1000 }).default(0),
  concentratedBonus: field.int('集中性活动加分', { min: 0, max: 1000 }).default(0),
  adoptedSuggestion: field.int('意见建议被采纳加分', { min: 0, max: 1000 }).default(0),
});

export const STAR_BASES = ['cumulative', 'annual'] as const;
export const STAR_BASIS_LABELS: Record<(typeof STAR_BASES)[number], string> = { cumulative: '累计时长', annual: '当年时长' };

const StarLevelSchema = z.object({
  stars: field.int('星级', { min: 1, max: 10 }),
  label: field.text('星级名称', { max: 20 }),
  hours: field.int('达到该星级的时长', { min: 1, max: 100_000 }),
});

/** 星级: levels of hours served, counted over all time or within the calendar year, optionally starting over every cycle. */
export const StarScaleSchema = z
  .object({
    preset: presetId('星级规则的来源'),
    basis: field.oneOf('星级计算方式', STAR_BASES),
    levels: z.array(StarLevelSchema, { error: '星级须为列表' }).min(1, '至少需要一个星级').max(10, '最多10个星级'),
    repeatEveryHours: field.int('星级循环周期', { min: 1, max: 100_000 }).nullable().default(null),
  })
  .superRefine((scale, ctx) => {
    scale.levels.forEach((level, index) => {
      if (level.stars !== index + 1) ctx.addIssue({ code: 'custom', path: ['levels', index, 'stars'], message: `第${index + 1}级的星级须为${index + 1}` });
      const before = scale.levels[index - 1];
      if (before && level.hours <= before.hours) {
        ctx.addIssue({ code: 'custom', path: ['levels', index, 'hours'], message: `${level.label}的时长须多于${before.label}的${before.hours}小时` });
      }
    });
    const top = scale.levels[scale.levels.length - 1];
    if (scale.repeatEveryHours !== null && top && scale.repeatEveryHours < top.hours) {
      ctx.addIssue({ code: 'custom', path: ['repeatEveryHours'], message: `星级循环周期不能少于最高星级的${top.hours}小时` });
    }
  });

export const BANK_UNIT_NAMES = ['小时', '时间币'] as const;

/** 爱心时间银行: deposits are credited minutes × unitsPerHour, kept in minutes (60 = one unit). */
export const BankRuleSchema = z.object({
  preset: presetId('时间银行规则的来源'),
  unitsPerHour: field.int('每小时存入的单位数', { min: 1, max: 100 }),
  unitName: field.oneOf('时间银行的计量单位', BANK_UNIT_NAMES),
  capMinutes: field.int('个人存储上限', { min: 60, max: 100_000 * 60 }).nullable().default(null),
  familyGifts: flag('是否可赠与直系亲属').default(false),
  spendOnNeeds: flag('是否可用于兑换服务').default(true),
  expiryMonths: field.int('有效期（月）', { min: 1, max: 600 }).nullable().default(null),
});

/** 爱心超市. */
export const ShopRuleSchema = z.object({
  preset: presetId('爱心超市规则的来源'),
  pickUpDays: field.int('兑换后领取期限（天）', { min: 1, max: 90 }).default(7),
});

/** The four sections a district saves together, as one version. */
export const IncentiveRulesDocumentSchema = z.object({
  points: PointsRuleSchema,
  stars: StarScaleSchema,
  bank: BankRuleSchema,
  shop: ShopRuleSchema,
});

export type PointsRule = z.output<typeof PointsRuleSchema>;
export type StarScale = z.output<typeof StarScaleSchema>;
export type StarLevel = StarScale['levels'][number];
export type BankRule = z.output<typeof BankRuleSchema>;
export type ShopRule = z.output<typeof ShopRuleSchema>;
export type IncentiveRulesDocument = z.output<typeof IncentiveRulesDocumentSchema>;
export type IncentiveRulesDocumentInput = z.input<typeof IncentiveRulesDocumentSchema>;
export type IncentiveRules = { districtId: string; version: number } & IncentiveRulesDocument;
