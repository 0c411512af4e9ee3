import { BANK_PRESETS, DEFAULT_RULES, POINTS_PRESETS, STAR_PRESETS } from './presets';
import { describeBank, describeChanges, describePoints, describeStars } from './rule-texts';

const find = <R>(presets: { id: string; rule: R }[], id: string) => presets.find((preset) => preset.id === id)!.rule;

describe('rule texts', () => {
  it('should describe 海林\'s points in plain words', () => {
    expect(describePoints(find(POINTS_PRESETS, 'hailin'))).toEqual(['每服务1小时积1分（不足1分的部分不计）', '每次服务最多计2小时', '手工补录的时长不计积分']);
  });

  it('should describe 张家港\'s cycle', () => {
    expect(describeStars(find(STAR_PRESETS, 'zhangjiagang-2014'))).toEqual([
      '按累计服务时长评星：一星30小时、二星60小时、三星100小时、四星200小时、五星300小时',
      '每满300小时进入新一轮，重新评星',
    ]);
  });

  it('should describe 南京\'s cap', () => {
    expect(describeBank(find(BANK_PRESETS, 'nanjing-2019'))).toContain('个人存储上限1500小时，超出部分转入社区时间银行');
  });

  it('should list nothing when nothing changes', () => {
    expect(describeChanges(DEFAULT_RULES, structuredClone(DEFAULT_RULES))).toEqual([]);
  });

  it('should list each changed field with its old and new value', () => {
    const after = {
      ...DEFAULT_RULES,
      points: { ...DEFAULT_RULES.points, perHour: 12, categoryPercent: { 医疗卫生服务: 120 } },
      stars: find(STAR_PRESETS, 'zhangjiagang-2014'),
      bank: find(BANK_PRESETS, 'nanjing-2019'),
    };
    expect(describeChanges(DEFAULT_RULES, after)).toEqual([
      '每小时积分：10分 → 12分',
      '「医疗卫生服务」系数：×1 → ×1.2',
      '星级：一星100小时、二星300小时、三星600小时、四星1000小时、五星1500小时 → 一星30小时、二星60小时、三星100小时、四星200小时、五星300小时',
      '星级循环周期：不循环 → 300小时',
      '时间银行：个人存储上限：不设上限 → 1500小时',
    ]);
  });
});
