import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/fields';
import { PRESETS } from './presets';
import { RuleSetSchema } from './rule-set.schema';

/** The field messages parseInput gives for `data`. */
function refusedFields(data: unknown): Record<string, string> {
  try {
    parseInput(RuleSetSchema, data);
  } catch (error) {
    if (error instanceof DomainError) return error.fields ?? {};
    throw error;
  }
  throw new Error('expected the rule set to be refused');
}

const memberHours = { id: 'member-hours', title: '每年服务25小时', clause: '000 §三.(二)', subject: 'member', measure: 'service_hours', period: 'year', threshold: 25 };
const withRule = (rule: Record<string, unknown>, rest: Record<string, unknown>[] = []) => ({ name: '测试规则', version: 1, source: '测试文件', rules: [{ ...memberHours, ...rule }, ...rest] });

describe('RuleSetSchema', () => {
  it('should fill the defaults of a minimal rule set', () => {
    const parsed = parseInput(RuleSetSchema, withRule({}));
    expect(parsed.midYearJoiners).toBe('pro_rata_quarters');
    expect(parsed.rules[0]).toMatchObject({ consequences: [], exemptable: false });
  });

  it('should name every missing field of the document in Chinese', () => {
    expect(refusedFields({})).toEqual({ name: '请填写规则集名称', version: '版本号须为数字', source: '请填写依据文件', rules: '规则须为列表' });
  });

  it('should refuse a rule set without rules', () => {
    expect(refusedFields({ name: '测试规则', version: 1, source: '测试文件', rules: [] })).toEqual({ rules: '规则集至少需要一条规则' });
  });

  it.each([
    ['a missing subject', { subject: undefined }, 'rules.0.subject', '考核对象须为以下之一：member、activist、team、organisation'],
    ['an unknown period', { period: 'month' }, 'rules.0.period', '考核周期须为以下之一：year、quarter、cultivation'],
    ['a threshold that is not a number', { threshold: '25' }, 'rules.0.threshold', '达标值须为数字'],
    ['a negative threshold', { threshold: -1 }, 'rules.0.threshold', '达标值不能小于0'],
    ['a threshold finer than half a unit', { threshold: 25.3 }, 'rules.0.threshold', '达标值最多精确到0.5'],
    ['a rule id with capitals', { id: 'Member Hours' }, 'rules.0.id', '规则编号须为小写英文字母开头的字母、数字或短横线，最多40个字符'],
    ['an unknown consequence', { consequences: ['fired'] }, 'rules.0.consequences.0', '未达标后果须为以下之一：not_excellent、no_commendation、no_merit_rating、organisation_no_merit'],
    ['a repeated consequence', { consequences: ['not_excellent', 'not_excellent'] }, 'rules.0.consequences', '未达标后果不能重复'],
    ['a measure of another subject', { measure: 'focused_activities' }, 'rules.0.measure', '考核指标「集中性活动」不适用于考核对象「党员」'],
    ['a cultivation period for a member', { period: 'cultivation' }, 'rules.0.period', '只有入党积极分子的规则可按培养期考核'],
    ['a quarterly suggestion rule', { measure: 'suggestions', period: 'quarter', threshold: 1 }, 'rules.0.period', '考核指标「建议」只能按年考核'],
    ['a rate over 100 %', { subject: 'organisation', measure: 'registration_rate', threshold: 120 }, 'rules.0.threshold', '达标比率不能大于100%'],
    ['a 报到 rule whose threshold is not 1', { measure: 'reported', threshold: 2 }, 'rules.0.threshold', '到社区报到的达标值须为1'],
    ['member types on a team rule', { subject: 'team', measure: 'team_deeds', threshold: 1, memberTypes: ['in_service'] }, 'rules.0.memberTypes', '只有党员的规则可限定党员类别'],
    ['an unknown member type', { memberTypes: ['retired'] }, 'rules.0.memberTypes.0', '党员类别须为以下之一：in_service、community、probationary、activist'],
  ])('should refuse %s, naming the field', (_case, rule, path, message) => {
    expect(refusedFields(withRule(rule))).toEqual({ [path]: message });
  });

  it('should refuse two rules with the same id', () => {
    expect(refusedFields(withRule({}, [{ ...memberHours, title: '另一条' }]))).toEqual({ 'rules.1.id': '规则编号不能重复' });
  });

  it('should refuse an unknown policy for mid-year joiners', () => {
    expect(refusedFields({ ...withRule({}), midYearJoiners: 'half' })).toEqual({ midYearJoiners: '年中加入社区的考核方式须为以下之一：pro_rata_quarters、full' });
  });
});

describe('PRESETS', () => {
  it.each(Object.entries(PRESETS))('should hold a valid rule set for %s', (_id, preset) => {
    expect(parseInput(RuleSetSchema, preset)).toEqual(preset);
  });

  it.each(Object.entries(PRESETS))('should cite a clause of its seed for every rule of %s', (_id, preset) => {
    const seed = { '台山 2020': '000', '台山 2012': '001', '江苏 2014': '004', '武进 2019': '002' }[preset.name];
    for (const rule of preset.rules) expect(rule.clause).toMatch(new RegExp(`^${seed} §`));
  });
});
