import type { ComplianceList, ComplianceRow } from '@/services/api/assessment'
import type { StatusWord } from '@/services/status-words'
import type { ChartData } from '../shared/chart/chart.types'

export type StatusFilter = 'all' | 'behind' | 'met' | 'no_service_this_quarter' | 'exempt'
export type SortKey = 'most_behind' | 'name' | 'hours'
export type MemberTypeKey = 'in_service' | 'community' | 'probationary' | 'activist'
type Counts = ComplianceList['counts']

/** A member's standing in the one status vocabulary. */
export const MEMBER_STATUS_WORDS: Record<ComplianceRow['status'], StatusWord> = {
  met: { text: '达标', tone: 'done' },
  behind: { text: '未达标', tone: 'alert', elderText: '还没达到' },
  exempt: { text: '免除', tone: 'muted' },
  not_assessed: { text: '不考核', tone: 'muted' },
}

/** The status chips with how many members each holds (本季度尚无服务 only while a quarter of the year runs). */
export function statusChips(counts: Counts, quarterRunning: boolean): { value: StatusFilter; text: string }[] {
  return [
    { value: 'all' as const, text: `全部 ${counts.members}` },
    { value: 'behind' as const, text: `未达标 ${counts.behind}` },
    { value: 'met' as const, text: `达标 ${counts.met}` },
    ...(quarterRunning ? [{ value: 'no_service_this_quarter' as const, text: `本季度尚无服务 ${counts.noServiceThisQuarter}` }] : []),
    { value: 'exempt' as const, text: `免除 ${counts.exempt}` },
  ]
}

export const TYPE_CHIPS: { value: MemberTypeKey | 'all'; text: string }[] = [
  { value: 'all', text: '全部类型' },
  { value: 'in_service', text: '在职党员' },
  { value: 'community', text: '社区党员' },
  { value: 'probationary', text: '预备党员' },
  { value: 'activist', text: '入党积极分子' },
]

export const SORT_CHIPS: { value: SortKey; text: string }[] = [
  { value: 'most_behind', text: '差得多的在前' },
  { value: 'hours', text: '时数少的在前' },
  { value: 'name', text: '按姓名' },
]

export const gridChips = (grids: ComplianceList['grids']) => [{ value: 'all', text: '全部网格' }, ...grids.map((grid) => ({ value: grid.id, text: grid.name }))]

const SHORT_QUARTERS = ['一季度', '二季度', '三季度', '四季度']

/** Per quarter begun: members with a credited service in it and without (short names, which fit in 长辈模式 too). */
export function quarterChart(view: Pick<ComplianceList, 'byQuarter'>): ChartData {
  return {
    categories: view.byQuarter.map((quarter) => SHORT_QUARTERS[quarter.quarter - 1]),
    series: [
      { name: '有服务', kind: 'bar', values: view.byQuarter.map((quarter) => quarter.withService), tone: 'done' },
      { name: '无服务', kind: 'bar', values: view.byQuarter.map((quarter) => quarter.withoutService), tone: 'waiting' },
    ],
    unit: '人',
  }
}

/** Per member type present: met and behind. */
export function typeChart(view: Pick<ComplianceList, 'byType'>): ChartData {
  return {
    categories: view.byType.map((type) => type.label),
    series: [
      { name: '达标', kind: 'bar', values: view.byType.map((type) => type.met), tone: 'done' },
      { name: '未达标', kind: 'bar', values: view.byType.map((type) => type.behind), tone: 'brand' },
    ],
    unit: '人',
  }
}

const round = (value: number) => Math.round(value * 10) / 10

/** The row's figure against its target, 「10 / 25小时」, or why there is none. */
export function rowFigure(row: Pick<ComplianceRow, 'headline' | 'status'>): string {
  if (!row.headline) return '无适用的考核规则'
  return `${round(row.headline.figure)} / ${round(row.headline.target)}${row.headline.unit}`
}

/** The rules besides the headline that are not met, by title, for a second line. */
export const otherShortfalls = (row: Pick<ComplianceRow, 'headline' | 'rules'>) =>
  row.rules.filter((rule) => rule.status === 'not_met' && rule.ruleId !== row.headline?.ruleId).map((rule) => rule.title)
