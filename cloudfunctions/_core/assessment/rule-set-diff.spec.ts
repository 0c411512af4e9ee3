import { PRESETS } from './presets';
import { diffRuleSets, sameRuleSet } from './rule-set-diff';
import type { RuleSet } from './rule-set.schema';

const taishan = PRESETS['taishan-2020'];
const edited = (edit: (set: RuleSet) => void): RuleSet => {
  const copy = structuredClone(taishan);
  edit(copy);
  return copy;
};

describe('diffRuleSets: what changed between two versions of a year\'s rule set', () => {
  it('should say the first version was chosen, with its rule count', () => {
    expect(diffRuleSets(null, taishan, 'taishan-2020')).toEqual([
      { kind: 'chosen', ruleId: null, field: null, before: null, after: 'taishan-2020', text: `选用「台山 2020」，共${taishan.rules.length}条规则` },
    ]);
  });

  it('should name a threshold change with the rule and both values', () => {
    const changes = diffRuleSets(taishan, edited((set) => (set.rules[0].threshold = 20)));
    expect(changes).toEqual([
      { kind: 'rule_field', ruleId: 'member-hours', field: 'threshold', before: 25, after: 20, text: '「每年志愿服务时数不少于25小时」达标值：25 → 20' },
    ]);
  });

  it('should show consequences and exemptable in words', () => {
    const changes = diffRuleSets(taishan, edited((set) => {
      set.rules[0].consequences = ['not_excellent'];
      set.rules[0].exemptable = false;
    }));
    expect(changes.map((change) => change.text)).toEqual([
      '「每年志愿服务时数不少于25小时」未达标后果：年度民主评议不得评为优秀、不得参加评选表彰 → 年度民主评议不得评为优秀',
      '「每年志愿服务时数不少于25小时」可经批准免除：可以 → 不可以',
    ]);
  });

  it('should list added and removed rules and set-level fields', () => {
    const other = PRESETS['jiangsu-2014'];
    const changes = diffRuleSets(taishan, edited((set) => {
      set.name = '台山 2020（修订）';
      set.rules = [set.rules[0], other.rules[0]];
    }));
    expect(changes.map((change) => change.kind)).toEqual([
      'set_field',
      ...taishan.rules.slice(1).map(() => 'rule_removed'),
      'rule_added',
    ]);
    expect(changes[0].text).toBe('规则集名称：台山 2020 → 台山 2020（修订）');
  });

  it('should not count the version number or the order of rules as a change', () => {
    expect(sameRuleSet(taishan, edited((set) => {
      set.version = 7;
      set.rules.reverse();
    }))).toBe(true);
    expect(sameRuleSet(taishan, edited((set) => (set.rules[1].threshold = 40)))).toBe(false);
  });
});
