import type { IncentiveRulesDocument } from '@core/incentives/rules/rules.schemas'
import type { z } from 'zod'
import type { RuleHistoryView, RulesView } from '@core/incentives/rules/rules-views.schemas'
import { callFunction } from '../api-client'

export type { IncentiveRulesDocument }
export type IncentiveRulesView = z.output<typeof RulesView>
export type IncentiveRuleHistory = z.output<typeof RuleHistoryView>

/** 激励规则 (积分、星级、时间银行、爱心超市), in the incentives cloud function. */
export const incentiveRulesApi = {
  /** The rules of the caller's district, with plain-words texts; any role reads its own district's. */
  current: () => callFunction<IncentiveRulesView>('incentives', 'incentiveRules', {}),
  /** A new version, against the version the admin edited (district admin). */
  save: (data: IncentiveRulesDocument & { expectedVersion: number; note: string }) => callFunction<IncentiveRulesView>('incentives', 'saveIncentiveRules', data),
  history: () => callFunction<IncentiveRuleHistory>('incentives', 'incentiveRuleHistory', {}),
}
