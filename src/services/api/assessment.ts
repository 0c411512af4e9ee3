import type { z } from 'zod'
import type { PresetsView } from '@core/assessment/assessment.schemas'
import type { MemberDatesView, SetMemberDatesInput, StandingView, WarningsView } from '@core/assessment/standing.schemas'
import type { DistrictComplianceView, OrganisationRatesView } from '@core/assessment/organisation-rates.schemas'
import type { ComplianceListInput, ComplianceListView, UnitStandingInput, UnitStandingView } from '@core/assessment/compliance.schemas'
import { callFunction } from '../api-client'
import type { FileToSave } from '../save-file'

export type AssessmentPresets = z.output<typeof PresetsView>
export type MemberStanding = z.output<typeof StandingView>
export type RuleOutcome = MemberStanding['rules'][number]
export type AssessmentWarnings = z.output<typeof WarningsView>
export type AssessmentWarning = AssessmentWarnings['items'][number]
export type MemberDates = z.output<typeof MemberDatesView>
export type MemberDatesInput = z.input<typeof SetMemberDatesInput>
export type OrganisationRates = z.output<typeof OrganisationRatesView>
export type DistrictCompliance = z.output<typeof DistrictComplianceView>
export type ComplianceList = z.output<typeof ComplianceListView>
export type ComplianceRow = ComplianceList['items'][number]
export type ComplianceQuery = Omit<z.input<typeof ComplianceListInput>, 'page'>
export type UnitStanding = z.output<typeof UnitStandingView>
export type UnitStandingQuery = Omit<z.input<typeof UnitStandingInput>, 'page'>

/** The assessment cloud function: rule sets, standing, rates, warnings, and the inputs the rules count. */
export const assessmentApi = {
  presets: () => callFunction<AssessmentPresets>('assessment', 'presets', {}),
  /** 我的考核: the caller's standing in a year (default the current Beijing year). */
  myStanding: (year?: number) => callFunction<MemberStanding>('assessment', 'myStanding', year === undefined ? {} : { year }),
  /** A member's standing, for her secretary, unit admin or district admin. */
  memberStanding: (memberId: string, year?: number) =>
    callFunction<MemberStanding>('assessment', 'memberStanding', year === undefined ? { memberId } : { memberId, year }),
  /** What is at risk now: the caller's own (a member), or her community's (a secretary). */
  warnings: (scope: 'me' | 'community' = 'me') => callFunction<AssessmentWarnings>('assessment', 'warnings', { scope }),
  /** A member's 成为入党积极分子 and 入党 days, and who recorded them. */
  memberDates: (memberId: string) => callFunction<MemberDates>('assessment', 'memberDates', { memberId }),
  setMemberDates: (input: MemberDatesInput) => callFunction<MemberDates>('assessment', 'setMemberDates', input),
  /** 组织考核比率: the district's communities and units (a secretary's community, a unit admin's unit) against their thresholds. */
  organisationRates: (year?: number) => callFunction<OrganisationRates>('assessment', 'organisationRates', year === undefined ? {} : { year }),
  /** The district's members 达标 / 未达标 / 免除 per community. */
  districtCompliance: (year?: number) => callFunction<DistrictCompliance>('assessment', 'districtCompliance', year === undefined ? {} : { year }),
  /** 考核达标: every member of the community with their standing, the numbers at the top, filtered, sorted and paged. */
  complianceList: (query: ComplianceQuery, page: { limit: number; offset: number }) =>
    callFunction<ComplianceList>('assessment', 'complianceList', { ...query, page }),
  /** 党员服务情况: the unit's in-service members in the communities they serve, with their standing. */
  unitStanding: (query: UnitStandingQuery, page: { limit: number; offset: number }) =>
    callFunction<UnitStanding>('assessment', 'unitStanding', { ...query, page }),
  /** 考核达标情况 as xlsx: the secretary's community or the unit admin's in-service members (a district admin names one), for the year. */
  exportComplianceList: (query: { year?: number; communityId?: string; unitId?: string }) => callFunction<FileToSave>('assessment', 'exportComplianceList', query),
  /** 组织考核比率 as xlsx: what organisationRates shows the caller, for the year. */
  exportOrganisationRates: (year?: number) => callFunction<FileToSave>('assessment', 'exportOrganisationRates', year === undefined ? {} : { year }),
}
