import { figureAgainstTarget, helpActionFor, hoursChart, progressPercent, quarterChips, ruleStatusWord } from './standing-display'

describe('ruleStatusWord', () => {
  it.each([
    [{ status: 'met', open: false }, '达标', 'done'],
    [{ status: 'not_met', open: true }, '未达标', 'waiting'],
    [{ status: 'not_met', open: false }, '未达标', 'alert'],
    [{ status: 'exempt', open: false }, '免除', 'muted'],
    [{ status: 'not_applicable', open: true }, '不适用', 'muted'],
  ] as const)('should name %o %s in tone %s', (rule, text, tone) => {
    expect(ruleStatusWord(rule)).toMatchObject({ text, tone })
  })
})

describe('progress', () => {
  it('should write the figure against the target with its unit, to one decimal', () => {
    expect(figureAgainstTarget({ figure: 12.25, target: 25, unit: '小时' })).toBe('12.3 / 25小时')
  })

  it('should give the share of the target reached, capped at 100, and full when there is nothing to reach', () => {
    expect(progressPercent({ figure: 12.5, target: 25 })).toBe(50)
    expect(progressPercent({ figure: 30, target: 25 })).toBe(100)
    expect(progressPercent({ figure: 0, target: 0 })).toBe(100)
  })
})

describe('quarterChips', () => {
  it('should say per quarter done, in progress, missed, not begun or not counted', () => {
    const chips = quarterChips([
      { quarter: 1, applicable: false, figure: 0, target: 1, met: false, phase: 'past' },
      { quarter: 2, applicable: true, figure: 0, target: 1, met: false, phase: 'past' },
      { quarter: 3, applicable: true, figure: 1, target: 1, met: true, phase: 'current' },
      { quarter: 4, applicable: true, figure: 0, target: 1, met: false, phase: 'future' },
    ])
    expect(chips.map((chip) => [chip.name, chip.text, chip.tone])).toEqual([
      ['一季度', '不计', 'muted'],
      ['二季度', '0/1 未完成', 'alert'],
      ['三季度', '1/1 已完成', 'done'],
      ['四季度', '未开始', 'muted'],
    ])
    expect(quarterChips([{ quarter: 4, applicable: true, figure: 0, target: 1, met: false, phase: 'current' }])[0]).toMatchObject({ text: '0/1 进行中', tone: 'waiting' })
  })
})

describe('helpActionFor', () => {
  it.each([
    ['suggestions', 'suggest'],
    ['good_deeds', 'commit'],
    ['team_deeds', 'commit'],
    ['service_hours', 'orders'],
    ['service_count', 'orders'],
    ['focused_activities', 'orders'],
    ['reported', null],
  ])('should offer for an open unmet %s rule: %s', (measure, action) => {
    expect(helpActionFor({ status: 'not_met', open: true, measure })).toBe(action)
  })

  it('should offer nothing for a rule met, exempt, or missed for good', () => {
    expect(helpActionFor({ status: 'met', open: true, measure: 'service_hours' })).toBeNull()
    expect(helpActionFor({ status: 'exempt', open: true, measure: 'service_hours' })).toBeNull()
    expect(helpActionFor({ status: 'not_met', open: false, measure: 'service_hours' })).toBeNull()
  })
})

describe('hoursChart', () => {
  const hoursByMonth = [2.5, 0, 4.25, 1, 0, 0, 0, 0, 0, 0, 0, 0]

  it('should show the months begun of the current year and leave the later ones empty', () => {
    const chart = hoursChart({ hoursByMonth, targetHours: 25, closed: false, year: 2026 }, { year: 2026, month: 4 })
    expect(chart.categories).toHaveLength(12)
    expect(chart.series[0].values).toEqual([2.5, 0, 4.3, 1, null, null, null, null, null, null, null, null])
    expect(chart.target).toEqual({ value: 25 / 12, label: '每月需' })
  })

  it('should show all twelve months of a closed year, and no target line without an hours target', () => {
    const chart = hoursChart({ hoursByMonth, targetHours: null, closed: true, year: 2025 }, { year: 2026, month: 4 })
    expect(chart.series[0].values.every((value) => value !== null)).toBe(true)
    expect(chart.target).toBeUndefined()
  })
})
