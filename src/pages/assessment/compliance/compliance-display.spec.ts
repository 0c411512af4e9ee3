import { otherShortfalls, quarterChart, rowFigure, statusChips, typeChart } from './compliance-display'

const counts = { members: 6, met: 1, behind: 3, noServiceThisQuarter: 1, exempt: 1, notAssessed: 1 }

describe('compliance display', () => {
  it('shows each status chip with its count, 本季度尚无服务 only while a quarter runs', () => {
    expect(statusChips(counts, true).map((chip) => chip.text)).toEqual(['全部 6', '未达标 3', '达标 1', '本季度尚无服务 1', '免除 1'])
    expect(statusChips(counts, false).map((chip) => chip.value)).toEqual(['all', 'behind', 'met', 'exempt'])
  })

  it('charts members with and without service per quarter, and met / behind per type', () => {
    const byQuarter = [{ quarter: 1, label: '第一季度', withService: 2, withoutService: 2 }, { quarter: 2, label: '第二季度', withService: 0, withoutService: 4 }]
    expect(quarterChart({ byQuarter })).toEqual({
      categories: ['一季度', '二季度'],
      series: [
        { name: '有服务', kind: 'bar', values: [2, 0], tone: 'done' },
        { name: '无服务', kind: 'bar', values: [2, 4], tone: 'waiting' },
      ],
      unit: '人',
    })
    const byType = [{ memberType: 'in_service', label: '在职党员', met: 1, behind: 1, exempt: 1 }]
    expect(typeChart({ byType }).series.map((series) => series.values)).toEqual([[1], [1]])
  })

  it('reads a row as its figure against the target and the other rules not met', () => {
    const headline = { ruleId: 'member-hours', title: '每年志愿服务时数不少于25小时', status: 'not_met' as const, open: true, figure: 10.04, target: 25, unit: '小时', left: 15, by: '2026-12-31', advice: '', quarters: null }
    const other = { ...headline, ruleId: 'suggestions', title: '每年至少提出1条建议' }
    expect(rowFigure({ headline, status: 'behind' })).toBe('10 / 25小时')
    expect(rowFigure({ headline: null, status: 'not_assessed' })).toBe('无适用的考核规则')
    expect(otherShortfalls({ headline, rules: [headline, other, { ...other, ruleId: 'x', status: 'met' }] })).toEqual(['每年至少提出1条建议'])
  })
})
