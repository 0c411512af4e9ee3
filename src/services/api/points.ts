import type { z } from 'zod'
import type { IncentiveSummaryView, MemberIncentivesView, PointsLineView, PointsPassbookView, StarStandingView } from '@core/incentives/points.schemas'
import { callFunction } from '../api-client'

export type IncentiveSummary = z.output<typeof IncentiveSummaryView>
export type StarStanding = z.output<typeof StarStandingView>
export type PointsLine = z.output<typeof PointsLineView>
export type PointsPassbook = z.output<typeof PointsPassbookView>
export type MemberIncentives = z.output<typeof MemberIncentivesView>

/** 积分与星级, in the incentives cloud function. */
export const pointsApi = {
  /** 我的激励: points, 星级 and the time-bank balance (the member). */
  mine: () => callFunction<IncentiveSummary>('incentives', 'myIncentives', {}),
  /** The member's points lines, newest first; `before` pages back. */
  lines: (before?: number) => callFunction<PointsPassbook>('incentives', 'myPoints', before ? { before } : {}),
  /** One member's, for her secretary or district admin. */
  ofMember: (memberId: string) => callFunction<MemberIncentives>('incentives', 'memberIncentives', { memberId }),
}
