import { consequenceLabels } from './evaluate-standing';
import { evaluateOrganisationRates } from './evaluate-rates';
import type { RateFacts } from './evaluate-rates';
import { PRESETS } from './presets';
import type { RuleSet } from './rule-set.schema';

const preset = PRESETS['taishan-2020'];
const passing: RateFacts = {
  registration_rate: { numerator: 19, denominator: 20 },
  participation_rate: { numerator: 18, denominator: 20 },
  satisfaction_rate: { numerator: 90, denominator: 100 },
};

const rateOf = (facts: RateFacts, id: string, ruleSet: RuleSet = preset) => {
  const rate = evaluateOrganisationRates(ruleSet, facts).rates.find((outcome) => outcome.ruleId === id);
  if (!rate) throw new Error(`no outcome for rule ${id}`);
  return rate;
};

describe('evaluateOrganisationRates — 台山 2020', () => {
  it('000 §三.(三)2 rates exactly at 95 %, 90 % and 90 % pass, and the organisation may 评优', () => {
    const result = evaluateOrganisationRates(preset, passing);
    expect(result.rates.map((rate) => [rate.ruleId, rate.status, rate.rate])).toEqual([
      ['registration-rate', 'met', 95],
      ['participation-rate', 'met', 90],
      ['satisfaction-rate', 'met', 90],
    ]);
    expect(result.consequences).toEqual([]);
  });

  it.each([
    {
      clause: '000 §三.(三)2 注册率 18 of 20 is under 95 %: one more in-service member to register',
      facts: { ...passing, registration_rate: { numerator: 18, denominator: 20 } },
      id: 'registration-rate',
      expected: { status: 'not_met', rate: 90, threshold: 95, short: 1, advice: '在职党员义工注册率90%，低于95%，还需1名在职党员注册为党员义工' },
    },
    {
      clause: '000 §三.(三)2 参与率 17 of 20 is under 90 %',
      facts: { ...passing, participation_rate: { numerator: 17, denominator: 20 } },
      id: 'participation-rate',
      expected: { status: 'not_met', rate: 85, short: 1, advice: '参与志愿服务率85%，低于90%，还需1名注册党员义工参与志愿服务' },
    },
    {
      clause: '000 §三.(三)2 满意率 189 of 211 (89.57 %) is shown rounded down, under 90 %',
      facts: { ...passing, satisfaction_rate: { numerator: 189, denominator: 211 } },
      id: 'satisfaction-rate',
      expected: { status: 'not_met', rate: 89.5, short: 1 },
    },
    {
      clause: '000 §三.(三)2 an organisation with no in-service member has no 注册率 to assess',
      facts: { ...passing, registration_rate: { numerator: 0, denominator: 0 } },
      id: 'registration-rate',
      expected: { status: 'not_applicable', rate: null, consequences: [], advice: '在职党员义工注册率没有可计算的对象，不考核' },
    },
  ])('$clause', ({ facts, id, expected }) => {
    expect(rateOf(facts, id)).toMatchObject(expected);
  });

  it('000 §三.(三)2 one rate under its threshold keeps the organisation from 评优 that year', () => {
    const result = evaluateOrganisationRates(preset, { ...passing, satisfaction_rate: { numerator: 80, denominator: 100 } });
    expect(consequenceLabels(result.consequences)).toEqual(['组织当年不得参加评选评优']);
  });

  it('000 §三.(三)2 follows an edited threshold: 18 of 20 passes at 90 %', () => {
    const edited: RuleSet = { ...preset, version: 2, rules: preset.rules.map((rule) => (rule.id === 'registration-rate' ? { ...rule, threshold: 90 } : rule)) };
    expect(rateOf({ registration_rate: { numerator: 18, denominator: 20 } }, 'registration-rate', edited).status).toBe('met');
  });

  it('has no rates to assess under a rule set without organisation rules', () => {
    expect(evaluateOrganisationRates(PRESETS['jiangsu-2014'], passing)).toEqual({ rates: [], consequences: [] });
  });
});
