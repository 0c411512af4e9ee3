import type { z } from 'zod'
import type { PresetsView } from '@core/assessment/assessment.schemas'
import type { StandingView } from '@core/assessment/standing.schemas'
import { callFunction } from '../api-client'

export type AssessmentPresets = z.output<typeof PresetsView>
export type MemberStanding = z.output<typeof StandingView>
export type RuleOutcome = MemberStanding['rules'][number]

/** The assessment cloud function: rule sets, standing, rates, warnings, and the inputs the rules count. */
export const assessmentApi = {
  presets: () => callFunction<AssessmentPresets>('assessment', 'presets', {}),
  /** 我的考核: the caller's standing in a year (default the current Beijing year). */
  myStanding: (year?: number) => callFunction<MemberStanding>('assessment', 'myStanding', year === undefined ? {} : { year }),
  /** A member's standing, for her secretary, unit admin or district admin. */
  memberStanding: (memberId: string, year?: number) =>
    callFunction<MemberStanding>('assessment', 'memberStanding', year === undefined ? { memberId } : { memberId, year }),
}
