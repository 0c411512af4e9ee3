import type { z } from 'zod'
import type { PresetId } from '@core/assessment/presets'
import type { RuleSet } from '@core/assessment/rule-set.schema'
import type {
  ExemptionListView,
  ExemptionView,
  MemberCandidatesView,
  RuleSetHistoryView,
  RuleSetView,
  StreetChoiceView,
} from '@core/assessment/rule-sets.schemas'
import { callFunction } from '../api-client'

export type { RuleSet }
export type Rule = RuleSet['rules'][number]
export type EffectiveRuleSet = z.output<typeof RuleSetView>
export type RuleSetHistory = z.output<typeof RuleSetHistoryView>
export type RuleSetVersion = RuleSetHistory['versions'][number]
export type Exemption = z.output<typeof ExemptionView>
export type ExemptionList = z.output<typeof ExemptionListView>
export type MemberCandidate = z.output<typeof MemberCandidatesView>['members'][number]
export type PresetKey = PresetId

/** 考核规则 and 免除考核, in the assessment cloud function. */
export const ruleSetsApi = {
  /** The rule set that holds for the caller's district (or community) in a year. */
  /** `streetId`: what holds for that street's communities (its own choice while streets may choose, else the district's). */
  ruleSet: (year: number, streetId?: string) => callFunction<EffectiveRuleSet>('assessment', 'ruleSet', streetId ? { year, streetId } : { year }),
  /** With `streetId` the district admin chooses on the street's behalf (only while streets may choose). */
  choose: (data: { year: number; streetId?: string; preset?: PresetKey; document?: RuleSet; reason: string }) =>
    callFunction<EffectiveRuleSet>('assessment', 'chooseRuleSet', data),
  history: (year: number, streetId?: string) => callFunction<RuleSetHistory>('assessment', 'ruleSetHistory', streetId ? { year, streetId } : { year }),
  setStreetChoice: (streetsChooseRuleSets: boolean) => callFunction<z.output<typeof StreetChoiceView>>('assessment', 'setStreetChoice', { streetsChooseRuleSets }),
  exemptions: (year: number) => callFunction<ExemptionList>('assessment', 'listExemptions', { year }),
  recordExemption: (data: { memberId: string; year: number; reason: string; approvedBy: string; approvalRef?: string }) =>
    callFunction<Exemption>('assessment', 'recordExemption', data),
  revokeExemption: (exemptionId: string) => callFunction<Exemption>('assessment', 'revokeExemption', { exemptionId }),
  findMembers: (query: string) => callFunction<z.output<typeof MemberCandidatesView>>('assessment', 'findMembers', { query }),
}
