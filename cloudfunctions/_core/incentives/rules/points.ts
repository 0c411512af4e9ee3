import type { PointsRule } from './rules.schemas';

export type ServiceToValue = {
  category: string;
  minutesCredited: number;
  handEntered: boolean;
  residentRating: 'satisfied' | 'basic' | 'unsatisfied' | null;
  organisationRating: 'excellent' | 'good' | 'fair' | null;
  concentrated: boolean;
};

export type PointsValuation = { total: number; parts: { label: string; points: number }[] };

/** 1.5 for 90 minutes: hours as a person reads them, at most two decimals. */
export const hoursText = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

/**
 * The points one credited service earns: floor(min(minutes, cap) × perHour × coefficient% / 6000), plus the
 * bonuses it qualifies for. Hand-entered hours earn nothing (bonuses included) unless the rule lets them.
 */
export function pointsForService(rule: PointsRule, service: ServiceToValue): PointsValuation {
  if (service.handEntered && !rule.handEnteredEarns) return { total: 0, parts: [{ label: '手工补录的时长不计积分', points: 0 }] };
  const percent = (rule.categoryPercent as Record<string, number | undefined>)[service.category] ?? rule.defaultPercent;
  const minutes = Math.max(0, service.minutesCredited);
  const capped = rule.maxMinutesPerService !== null && minutes > rule.maxMinutesPerService;
  const counted = capped ? rule.maxMinutesPerService! : minutes;
  const parts = [
    {
      label:
        `服务${hoursText(counted)}小时 × 每小时${rule.perHour}分` +
        (percent === 100 ? '' : ` × 类别系数${percent / 100}`) +
        (capped ? `（每次最多计${hoursText(rule.maxMinutesPerService!)}小时）` : ''),
      points: Math.floor((counted * rule.perHour * percent) / 6000),
    },
  ];
  const bonus = (applies: boolean, label: string, points: number) => {
    if (applies && points > 0) parts.push({ label, points });
  };
  bonus(service.residentRating === 'satisfied', '群众评价「满意」', rule.satisfiedBonus);
  bonus(service.organisationRating === 'excellent', '组织评价「优」', rule.excellentBonus);
  bonus(service.concentrated, '集中性活动', rule.concentratedBonus);
  return { total: parts.reduce((sum, part) => sum + part.points, 0), parts };
}

/** The points for one adopted 意见建议. */
export const pointsForAdoptedSuggestion = (rule: PointsRule): number => rule.adoptedSuggestion;
