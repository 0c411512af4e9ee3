import { parseInput } from '../../shared/fields';
import { DEFAULT_RULES, PRESETS } from './presets';
import { IncentiveRulesDocumentSchema, StarScaleSchema } from './rules.schemas';

const refusal = (schema: Parameters<typeof parseInput>[0], input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (error) {
    return (error as { fields?: Record<string, string> }).fields;
  }
  throw new Error('accepted');
};

describe('incentive rule schemas', () => {
  it('should accept every preset as it stands', () => {
    for (const [section, presets] of Object.entries(PRESETS)) {
      for (const preset of presets) expect(() => parseInput(IncentiveRulesDocumentSchema, { ...DEFAULT_RULES, [section]: preset.rule })).not.toThrow();
    }
  });

  it('should name the star level whose hours do not increase', () => {
    const levels = [
      { stars: 1, label: '一星', hours: 100 },
      { stars: 2, label: '二星', hours: 100 },
    ];
    expect(refusal(StarScaleSchema, { basis: 'cumulative', levels })).toEqual({ 'levels.1.hours': '二星的时长须多于一星的100小时' });
  });

  it('should refuse a cycle shorter than the top level', () => {
    const levels = [{ stars: 1, label: '一星', hours: 100 }];
    expect(refusal(StarScaleSchema, { basis: 'cumulative', levels, repeatEveryHours: 50 })).toEqual({ repeatEveryHours: '星级循环周期不能少于最高星级的100小时' });
  });

  it('should name a wrong points field and an unknown category', () => {
    const fields = refusal(IncentiveRulesDocumentSchema, {
      ...DEFAULT_RULES,
      points: { ...DEFAULT_RULES.points, perHour: -1, categoryPercent: { 不存在: 100 } },
    });
    expect(fields?.['points.perHour']).toBe('每小时积分不能小于0');
    expect(fields?.['points.categoryPercent']).toMatch(/服务类别/);
  });
});
