export * from './rules.schemas';
export { POINTS_PRESETS, STAR_PRESETS, BANK_PRESETS, SHOP_PRESETS, PRESETS, DEFAULT_RULES, presetName, type Preset } from './presets';
export { pointsForService, pointsForAdoptedSuggestion, hoursText, type ServiceToValue, type PointsValuation } from './points';
export { bankMinutesFor, splitDeposit, bankAmountText } from './bank';
export { starStanding, type StarStanding } from './stars';
export { incentiveRulesOf, incentiveRulesOfCommunity } from './rules.repository';
