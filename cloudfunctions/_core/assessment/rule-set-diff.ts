import {
  CONSEQUENCE_LABELS,
  MEASURE_LABELS,
  MID_YEAR_POLICIES,
  PERIOD_LABELS,
  SUBJECT_LABELS,
  type Consequence,
  type Rule,
  type RuleSet,
} from './rule-set.schema';

export interface RuleSetChange {
  kind: 'chosen' | 'set_field' | 'rule_added' | 'rule_removed' | 'rule_field';
  ruleId: string | null;
  field: string | null;
  before: unknown;
  after: unknown;
  text: string;
}

const MID_YEAR_LABELS: Record<(typeof MID_YEAR_POLICIES)[number], string> = { pro_rata_quarters: '按所在季度折算', full: '按全年要求' };

const MEMBER_TYPE_LABELS: Record<string, string> = { in_service: '在职党员', community: '社区党员', probationary: '预备党员', activist: '入党积极分子' };

const SET_FIELDS = [
  ['name', '规则集名称'],
  ['source', '依据文件'],
  ['midYearJoiners', '年中加入社区的考核方式'],
] as const;

const RULE_FIELDS = [
  ['title', '规则名称'],
  ['clause', '条款出处'],
  ['subject', '考核对象'],
  ['memberTypes', '党员类别'],
  ['measure', '考核指标'],
  ['period', '考核周期'],
  ['threshold', '达标值'],
  ['consequences', '未达标后果'],
  ['exemptable', '可经批准免除'],
] as const;

type RuleField = (typeof RULE_FIELDS)[number][0];

function shown(field: RuleField | (typeof SET_FIELDS)[number][0], value: unknown): string {
  if (value === undefined || value === null) return '不限';
  switch (field) {
    case 'subject':
      return SUBJECT_LABELS[value as Rule['subject']];
    case 'measure':
      return MEASURE_LABELS[value as Rule['measure']];
    case 'period':
      return PERIOD_LABELS[value as Rule['period']];
    case 'midYearJoiners':
      return MID_YEAR_LABELS[value as RuleSet['midYearJoiners']];
    case 'memberTypes':
      return (value as string[]).map((type) => MEMBER_TYPE_LABELS[type] ?? type).join('、');
    case 'consequences':
      return (value as Consequence[]).length === 0 ? '无' : (value as Consequence[]).map((c) => CONSEQUENCE_LABELS[c]).join('、');
    case 'exemptable':
      return value ? '可以' : '不可以';
    default:
      return String(value);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What changed from one version of a year's rule set to the next, field by field (the version number itself is not a
 * change). With no earlier version the whole document was chosen.
 */
export function diffRuleSets(before: RuleSet | null, after: RuleSet, preset: string | null = null): RuleSetChange[] {
  if (!before) {
    return [{ kind: 'chosen', ruleId: null, field: null, before: null, after: preset, text: `选用「${after.name}」，共${after.rules.length}条规则` }];
  }
  const changes: RuleSetChange[] = [];
  for (const [field, label] of SET_FIELDS) {
    if (!same(before[field], after[field])) {
      changes.push({ kind: 'set_field', ruleId: null, field, before: before[field], after: after[field], text: `${label}：${shown(field, before[field])} → ${shown(field, after[field])}` });
    }
  }
  const earlier = new Map(before.rules.map((rule) => [rule.id, rule]));
  const later = new Map(after.rules.map((rule) => [rule.id, rule]));
  for (const rule of before.rules) {
    if (!later.has(rule.id)) changes.push({ kind: 'rule_removed', ruleId: rule.id, field: null, before: rule, after: null, text: `删除规则「${rule.title}」` });
  }
  for (const rule of after.rules) {
    const old = earlier.get(rule.id);
    if (!old) {
      changes.push({ kind: 'rule_added', ruleId: rule.id, field: null, before: null, after: rule, text: `新增规则「${rule.title}」` });
      continue;
    }
    for (const [field, label] of RULE_FIELDS) {
      if (same(old[field], rule[field])) continue;
      changes.push({ kind: 'rule_field', ruleId: rule.id, field, before: old[field], after: rule[field], text: `「${old.title}」${label}：${shown(field, old[field])} → ${shown(field, rule[field])}` });
    }
  }
  return changes;
}

/** Whether two documents say the same thing (their version numbers aside). */
export const sameRuleSet = (a: RuleSet, b: RuleSet) => diffRuleSets(a, b).length === 0;
