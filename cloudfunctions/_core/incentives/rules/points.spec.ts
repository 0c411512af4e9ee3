import { pointsForAdoptedSuggestion, pointsForService, type ServiceToValue } from './points';
import { POINTS_PRESETS } from './presets';
import type { PointsRule } from './rules.schemas';

const preset = (id: string) => POINTS_PRESETS.find((candidate) => candidate.id === id)!.rule;
const service = (overrides: Partial<ServiceToValue> = {}): ServiceToValue => ({
  category: '社区服务',
  minutesCredited: 120,
  handEntered: false,
  residentRating: null,
  organisationRating: null,
  concentrated: false,
  ...overrides,
});

describe('pointsForService', () => {
  it.each([
    ['kunshan', '昆山 10 分/小时', 120, 20],
    ['kunshan', '昆山: 90 min → floor(15)', 90, 15],
    ['kunshan', '昆山: 5 min → floor(0.83) = 0', 5, 0],
    ['lianyungang-jianghua', '连云港江化社区 1 分/小时', 180, 3],
    ['lianyungang-jianghua', '连云港: 90 min → floor(1.5) = 1', 90, 1],
    ['hailin', '海林 1 h = 1 分', 60, 1],
    ['hailin', '海林: ≤ 2 h per activity', 300, 2],
  ])('should value the %s preset (%s): %s min → %s 分', (id, _source, minutes, points) => {
    expect(pointsForService(preset(id), service({ minutesCredited: minutes })).total).toBe(points);
  });

  it('should apply 苏州\'s category coefficient (our assumed ×1.5 for 抢险救灾)', () => {
    const valued = pointsForService(preset('suzhou-db3205'), service({ category: '抢险救灾及突发事件应急', minutesCredited: 60 }));
    expect(valued).toEqual({ total: 15, parts: [{ label: '服务1小时 × 每小时10分 × 类别系数1.5', points: 15 }] });
  });

  it('should say the cap in the part it shortened', () => {
    expect(pointsForService(preset('hailin'), service({ minutesCredited: 300 })).parts).toEqual([{ label: '服务2小时 × 每小时1分（每次最多计2小时）', points: 2 }]);
  });

  it('should add the bonuses a service qualifies for, and only those', () => {
    const rule: PointsRule = { ...preset('kunshan'), satisfiedBonus: 2, excellentBonus: 5, concentratedBonus: 3 };
    expect(pointsForService(rule, service({ residentRating: 'satisfied', organisationRating: 'excellent', concentrated: true }))).toEqual({
      total: 30,
      parts: [
        { label: '服务2小时 × 每小时10分', points: 20 },
        { label: '群众评价「满意」', points: 2 },
        { label: '组织评价「优」', points: 5 },
        { label: '集中性活动', points: 3 },
      ],
    });
    expect(pointsForService(rule, service({ residentRating: 'basic', organisationRating: 'good' })).total).toBe(20);
  });

  it('should give hand-entered hours nothing unless the rule lets them earn', () => {
    const rule: PointsRule = { ...preset('kunshan'), satisfiedBonus: 2 };
    expect(pointsForService(rule, service({ handEntered: true, residentRating: 'satisfied' })).total).toBe(0);
    expect(pointsForService({ ...rule, handEnteredEarns: true }, service({ handEntered: true })).total).toBe(20);
  });
});

describe('pointsForAdoptedSuggestion', () => {
  it('should give the rule\'s points for an adopted suggestion', () => {
    expect(pointsForAdoptedSuggestion({ ...preset('kunshan'), adoptedSuggestion: 5 })).toBe(5);
  });
});
