import type { MemberStanding, RuleOutcome } from '@/services/api/assessment'
import type { StatusTone, StatusWord } from '@/services/status-words'

/** A rule's outcome in the one status vocabulary; an unmet rule still open waits, one missed for good alerts. */
export function ruleStatusWord(rule: Pick<RuleOutcome, 'status' | 'open'>): StatusWord {
  switch (rule.status) {
    case 'met':
      return { text: '达标', tone: 'done' }
    case 'exempt':
      return { text: '免除', tone: 'muted' }
    case 'not_applicable':
      return { text: '不适用', tone: 'muted' }
    default:
      return rule.open ? { text: '未达标', tone: 'waiting', elderText: '还没达到' } : { text: '未达标', tone: 'alert' }
  }
}

export const ELIGIBILITY_TONES: Record<MemberStanding['eligibility'][number]['status'], StatusTone> = {
  eligible: 'done',
  at_risk: 'waiting',
  lost: 'alert',
}

const round = (value: number) => Math.round(value * 10) / 10

/** 「12.5 / 25小时」 */
export const figureAgainstTarget = (rule: Pick<RuleOutcome, 'figure' | 'target' | 'unit'>) => `${round(rule.figure)} / ${round(rule.target)}${rule.unit}`

/** How far the figure is towards the target, 0–100; a rule with nothing to reach is full. */
export function progressPercent(rule: Pick<RuleOutcome, 'figure' | 'target'>): number {
  if (rule.target <= 0) return 100
  return Math.max(0, Math.min(100, Math.round((rule.figure / rule.target) * 100)))
}

const QUARTER_NAMES = ['一季度', '二季度', '三季度', '四季度']

export interface QuarterChip {
  quarter: number
  name: string
  text: string
  tone: StatusTone
}

/** A quarterly rule's four quarters: done, still to do (this quarter), missed, not begun, or not counted (before joining). */
export function quarterChips(quarters: NonNullable<RuleOutcome['quarters']>): QuarterChip[] {
  return quarters.map((one) => {
    const name = QUARTER_NAMES[one.quarter - 1]
    if (!one.applicable) return { quarter: one.quarter, name, text: '不计', tone: 'muted' }
    if (one.met) return { quarter: one.quarter, name, text: `${round(one.figure)}/${round(one.target)} 已完成`, tone: 'done' }
    if (one.phase === 'future') return { quarter: one.quarter, name, text: '未开始', tone: 'muted' }
    if (one.phase === 'current') return { quarter: one.quarter, name, text: `${round(one.figure)}/${round(one.target)} 进行中`, tone: 'waiting' }
    return { quarter: one.quarter, name, text: `${round(one.figure)}/${round(one.target)} 未完成`, tone: 'alert' }
  })
}

export type HelpAction = 'suggest' | 'commit' | 'orders'

/** What the member can do next about an unmet rule that is still open: 提建议, 我的承诺 or 去接单. */
export function helpActionFor(rule: Pick<RuleOutcome, 'status' | 'open' | 'measure'>): HelpAction | null {
  if (rule.status !== 'not_met' || !rule.open) return null
  switch (rule.measure) {
    case 'suggestions':
      return 'suggest'
    case 'good_deeds':
    case 'team_deeds':
      return 'commit'
    case 'service_hours':
    case 'service_count':
    case 'focused_activities':
      return 'orders'
    default:
      return null
  }
}

export const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`)

/**
 * The year's hours by month for the chart; months not yet begun in an open year are empty slots, not zeros.
 * The target line is the pace a yearly hours target needs each month.
 */
export function hoursChart(standing: Pick<MemberStanding, 'hoursByMonth' | 'targetHours' | 'closed' | 'year'>, currentMonth: { year: number; month: number }) {
  const monthsBegun = standing.closed || standing.year < currentMonth.year ? 12 : standing.year > currentMonth.year ? 0 : currentMonth.month
  const values = MONTHS.map((_, i) => (i < monthsBegun ? round(standing.hoursByMonth[i] ?? 0) : null))
  const target = standing.targetHours && standing.targetHours > 0 ? { value: standing.targetHours / 12, label: '每月需' } : undefined
  return { categories: MONTHS, series: [{ name: '服务时长', kind: 'bar' as const, values }], target, unit: '小时' }
}
