import type { TeamRuleOutcome, TeamSummary } from '@/services/api/teams'
import type { StatusTone } from '@/services/status-words'

const MEASURE_TEXT: Record<string, string> = { focused_activities: '集中性活动', team_deeds: '为基层办实事' }

const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/** One team rule as the list says it: 「集中性活动 1/2 次，12月31日前还需1次」. */
export function teamRuleLine(outcome: TeamRuleOutcome): string {
  const head = `${MEASURE_TEXT[outcome.measure] ?? outcome.title} ${outcome.figure}/${outcome.target} ${outcome.unit}`
  if (outcome.status === 'met') return `${head}，已达标`
  if (outcome.status !== 'not_met') return `${head}，${outcome.advice}`
  if (outcome.open && outcome.by) return `${head}，${monthDay(outcome.by)}前还需${outcome.left}${outcome.unit}`
  return `${head}，差${outcome.left}${outcome.unit}，未达标`
}

/** What a team's card says of its year: each team rule of the rule set, or its count when the rule set holds none. */
export function teamYearLines(team: Pick<TeamSummary, 'standing' | 'focusedActivityCount'>): string[] {
  if (team.standing.length === 0) return [`本年集中性活动 ${team.focusedActivityCount} 次（本年度考核规则对服务队无要求）`]
  return team.standing.map(teamRuleLine)
}

/** The team's tag: 已撤销, 已达标 (every team rule met), 未达标 (a closed year missed), 进行中, or none without rules. */
export function teamTag(team: Pick<TeamSummary, 'standing' | 'archived'>): { tone: StatusTone; text: string } | null {
  if (team.archived) return { tone: 'muted', text: '已撤销' }
  if (team.standing.length === 0) return null
  if (team.standing.every((rule) => rule.status !== 'not_met')) return { tone: 'done', text: '已达标' }
  if (team.standing.some((rule) => rule.status === 'not_met' && !rule.open)) return { tone: 'alert', text: '未达标' }
  return { tone: 'waiting', text: '进行中' }
}

/** Why an order marked as the team's 集中性活动 does or does not count. */
export function activityCountText(activity: { status: string; counts: boolean; attended: number }): string {
  if (activity.counts) return '计入'
  if (activity.status === 'cancelled') return '已取消，不计入'
  return activity.attended > 0 ? '进行中，结束后计入' : '尚未开展'
}
