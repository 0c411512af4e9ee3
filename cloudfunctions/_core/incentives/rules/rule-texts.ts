import type { BankRule, IncentiveRulesDocument, PointsRule, ShopRule, StarScale } from './rules.schemas';

/** Plain words for the rules, shared by the member's read view, the editor's preview and the history. */

const hours = (minutes: number) => `${Math.round((minutes / 60) * 100) / 100}小时`;
const coefficient = (percent: number) => `×${percent / 100}`;
const yesNo = (value: boolean) => (value ? '是' : '否');
const orNone = <T>(value: T | null, show: (value: T) => string, none: string) => (value === null ? none : show(value));
const bankUnit = (rule: BankRule) => (rule.unitName === '小时' ? '小时' : '个时间币');

const categoriesText = (percents: PointsRule['categoryPercent']) =>
  Object.entries(percents)
    .map(([category, percent]) => `${category}${coefficient(percent!)}`)
    .join('、');

export function describePoints(rule: PointsRule): string[] {
  const lines = [`每服务1小时积${rule.perHour}分（不足1分的部分不计）`];
  if (Object.keys(rule.categoryPercent).length > 0) lines.push(`服务类别系数：${categoriesText(rule.categoryPercent)}，其余类别${coefficient(rule.defaultPercent)}`);
  else if (rule.defaultPercent !== 100) lines.push(`各类服务按系数${coefficient(rule.defaultPercent)}计`);
  if (rule.maxMinutesPerService !== null) lines.push(`每次服务最多计${hours(rule.maxMinutesPerService)}`);
  lines.push(rule.handEnteredEarns ? '手工补录的时长也计积分' : '手工补录的时长不计积分');
  if (rule.satisfiedBonus > 0) lines.push(`群众评价「满意」加${rule.satisfiedBonus}分`);
  if (rule.excellentBonus > 0) lines.push(`组织评价「优」加${rule.excellentBonus}分`);
  if (rule.concentratedBonus > 0) lines.push(`参加集中性活动加${rule.concentratedBonus}分`);
  if (rule.adoptedSuggestion > 0) lines.push(`意见建议被采纳加${rule.adoptedSuggestion}分`);
  return lines;
}

const levelsText = (scale: StarScale) => scale.levels.map((level) => `${level.label}${level.hours}小时`).join('、');

export function describeStars(scale: StarScale): string[] {
  const lines = [`按${scale.basis === 'annual' ? '当年（1月1日起）' : '累计'}服务时长评星：${levelsText(scale)}`];
  if (scale.repeatEveryHours !== null) lines.push(`每满${scale.repeatEveryHours}小时进入新一轮，重新评星`);
  return lines;
}

export function describeBank(rule: BankRule): string[] {
  const lines = [`服务1小时存入${rule.unitsPerHour}${bankUnit(rule)}`];
  lines.push(rule.capMinutes === null ? '个人存储不设上限' : `个人存储上限${rule.capMinutes / 60}${bankUnit(rule)}，超出部分转入社区时间银行`);
  lines.push(rule.spendOnNeeds ? '可用于兑换他人的服务' : '暂不能用于兑换服务');
  if (rule.familyGifts) lines.push('可赠与直系亲属');
  lines.push(rule.expiryMonths === null ? '长期有效' : `存入后${rule.expiryMonths}个月内有效`);
  return lines;
}

export const describeShop = (rule: ShopRule): string[] => [`兑换后${rule.pickUpDays}天内凭兑换码到爱心超市领取`];

export const describeRules = (rules: IncentiveRulesDocument) => ({
  points: describePoints(rules.points),
  stars: describeStars(rules.stars),
  bank: describeBank(rules.bank),
  shop: describeShop(rules.shop),
});

type Change = string;
const change = (label: string, before: string, after: string): Change[] => (before === after ? [] : [`${label}：${before} → ${after}`]);

/** What a save changes, one line per field (e.g. 「每小时积分：10 → 12」); empty when nothing does. */
export function describeChanges(before: IncentiveRulesDocument, after: IncentiveRulesDocument): Change[] {
  const [p, q] = [before.points, after.points];
  const categories = [...new Set([...Object.keys(p.categoryPercent), ...Object.keys(q.categoryPercent)])] as (keyof PointsRule['categoryPercent'])[];
  const [s, t] = [before.stars, after.stars];
  const [b, c] = [before.bank, after.bank];
  const cap = (rule: BankRule) => orNone(rule.capMinutes, (minutes) => `${minutes / 60}${bankUnit(rule)}`, '不设上限');
  return [
    ...change('每小时积分', `${p.perHour}分`, `${q.perHour}分`),
    ...change('默认服务类别系数', coefficient(p.defaultPercent), coefficient(q.defaultPercent)),
    ...categories.flatMap((category) =>
      change(`「${category}」系数`, coefficient(p.categoryPercent[category] ?? p.defaultPercent), coefficient(q.categoryPercent[category] ?? q.defaultPercent)),
    ),
    ...change('每次服务最多计入', orNone(p.maxMinutesPerService, hours, '不限'), orNone(q.maxMinutesPerService, hours, '不限')),
    ...change('手工补录的时长计积分', yesNo(p.handEnteredEarns), yesNo(q.handEnteredEarns)),
    ...change('群众评价「满意」加分', `${p.satisfiedBonus}分`, `${q.satisfiedBonus}分`),
    ...change('组织评价「优」加分', `${p.excellentBonus}分`, `${q.excellentBonus}分`),
    ...change('集中性活动加分', `${p.concentratedBonus}分`, `${q.concentratedBonus}分`),
    ...change('意见建议被采纳加分', `${p.adoptedSuggestion}分`, `${q.adoptedSuggestion}分`),
    ...change('星级计算方式', s.basis === 'annual' ? '当年时长' : '累计时长', t.basis === 'annual' ? '当年时长' : '累计时长'),
    ...change('星级', levelsText(s), levelsText(t)),
    ...change('星级循环周期', orNone(s.repeatEveryHours, (h) => `${h}小时`, '不循环'), orNone(t.repeatEveryHours, (h) => `${h}小时`, '不循环')),
    ...change('时间银行：每小时存入', `${b.unitsPerHour}${bankUnit(b)}`, `${c.unitsPerHour}${bankUnit(c)}`),
    ...change('时间银行：个人存储上限', cap(b), cap(c)),
    ...change('时间银行：可兑换服务', yesNo(b.spendOnNeeds), yesNo(c.spendOnNeeds)),
    ...change('时间银行：可赠与直系亲属', yesNo(b.familyGifts), yesNo(c.familyGifts)),
    ...change('时间银行：有效期', orNone(b.expiryMonths, (m) => `${m}个月`, '长期有效'), orNone(c.expiryMonths, (m) => `${m}个月`, '长期有效')),
    ...change('爱心超市：领取期限', `${before.shop.pickUpDays}天`, `${after.shop.pickUpDays}天`),
  ];
}
