import * as z from 'zod';
import { field } from '../shared/fields';
import {
  CONSEQUENCES,
  MEASURE_LABELS,
  MEASURES,
  MEASURES_OF,
  MEMBER_TYPES,
  MID_YEAR_POLICIES,
  PERIODS,
  QUARTERLY,
  RATE_MEASURES,
  SUBJECT_LABELS,
  SUBJECTS,
  type RateMeasure,
} from './rule-set-labels';

export * from './rule-set-labels';

const RULE_ID = /^[a-z][a-z0-9-]{0,39}$/;

const amount = (label: string) =>
  z
    .number({ error: `${label}须为数字` })
    .min(0, `${label}不能小于0`)
    .max(10_000, `${label}不能大于10000`)
    .refine((value) => Number.isInteger(value * 2), `${label}最多精确到0.5`);

const RuleSchema = z
  .object({
    id: field.string('规则编号', '请填写规则编号').regex(RULE_ID, '规则编号须为小写英文字母开头的字母、数字或短横线，最多40个字符'),
    title: field.text('规则名称', { max: 60 }),
    clause: field.text('条款出处', { max: 120 }),
    subject: field.oneOf('考核对象', SUBJECTS),
    memberTypes: z.array(field.oneOf('党员类别', MEMBER_TYPES), { error: '党员类别须为列表' }).min(1, '党员类别至少选择一项').optional(),
    measure: field.oneOf('考核指标', MEASURES),
    period: field.oneOf('考核周期', PERIODS),
    threshold: amount('达标值'),
    consequences: z.array(field.oneOf('未达标后果', CONSEQUENCES), { error: '未达标后果须为列表' }).default([]),
    exemptable: z.boolean({ error: '可否经批准免除须为是或否' }).default(false),
  })
  .superRefine((rule, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!MEASURES_OF[rule.subject].includes(rule.measure)) {
      fail('measure', `考核指标「${MEASURE_LABELS[rule.measure]}」不适用于考核对象「${SUBJECT_LABELS[rule.subject]}」`);
    }
    if (rule.period === 'cultivation' && rule.subject !== 'activist') fail('period', '只有入党积极分子的规则可按培养期考核');
    if (rule.period === 'quarter' && !QUARTERLY.includes(rule.measure)) fail('period', `考核指标「${MEASURE_LABELS[rule.measure]}」只能按年考核`);
    if (RATE_MEASURES.includes(rule.measure as RateMeasure) && rule.threshold > 100) fail('threshold', '达标比率不能大于100%');
    if (rule.measure === 'reported' && rule.threshold !== 1) fail('threshold', '到社区报到的达标值须为1');
    if (rule.memberTypes && rule.subject !== 'member') fail('memberTypes', '只有党员的规则可限定党员类别');
    if (new Set(rule.consequences).size !== rule.consequences.length) fail('consequences', '未达标后果不能重复');
  });

export type Rule = z.output<typeof RuleSchema>;

/** An assessment rule set: a named, versioned document whose every threshold, period and consequence is data. */
export const RuleSetSchema = z
  .object({
    name: field.text('规则集名称', { max: 60 }),
    version: field.int('版本号', { min: 1, max: 10_000 }),
    source: field.text('依据文件', { max: 200 }),
    midYearJoiners: field.oneOf('年中加入社区的考核方式', MID_YEAR_POLICIES).default('pro_rata_quarters'),
    rules: z.array(RuleSchema, { error: '规则须为列表' }).min(1, '规则集至少需要一条规则').max(50, '规则集最多50条规则'),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: '规则编号不能重复' });
      seen.add(rule.id);
    });
  });

export type RuleSetInput = z.input<typeof RuleSetSchema>;
export type RuleSet = z.output<typeof RuleSetSchema>;
