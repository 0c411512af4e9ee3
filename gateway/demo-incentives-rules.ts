import type { Executor } from '../cloudfunctions/_core/db/database';
import { BANK_PRESETS, POINTS_PRESETS, SHOP_PRESETS, STAR_PRESETS, type IncentiveRulesDocument } from '../cloudfunctions/_core/incentives/rules';
import { rulesRepository } from '../cloudfunctions/_core/incentives/rules/rules.repository';

const preset = <R>(presets: { id: string; rule: R }[], id: string) => presets.find((one) => one.id === id)!.rule;

/**
 * 激励规则: the demo district has saved its own rules — 昆山's 10 分/小时 with category coefficients and bonuses of its
 * own, the 民政部/广东 star scale, 南京's 1,500-hour cap with 北京's gifts to 直系亲属 — so the product shows real rules with one version in the history.
 */
export async function seedIncentiveRules(tx: Executor, { now, districtId, districtAdmin }: { now: Date; districtId: string; districtAdmin: { id: string } }) {
  const document: IncentiveRulesDocument = {
    points: {
      ...preset(POINTS_PRESETS, 'kunshan'),
      preset: null,
      categoryPercent: { 抢险救灾及突发事件应急: 150, 医疗卫生服务: 120, 爱心扶助: 120 },
      satisfiedBonus: 2,
      excellentBonus: 3,
      concentratedBonus: 2,
      adoptedSuggestion: 5,
    },
    stars: preset(STAR_PRESETS, 'mca-2012'),
    bank: { ...preset(BANK_PRESETS, 'nanjing-2019'), preset: null, familyGifts: true },
    shop: preset(SHOP_PRESETS, 'kunshan'),
  };
  await rulesRepository.append(tx, districtId, document, '参照昆山积分办法，急难险重和医疗、扶助类服务多计；星级按民政部标准；时间银行参照南京设1500小时上限，并参照北京可赠与直系亲属', districtAdmin.id, now);
}
