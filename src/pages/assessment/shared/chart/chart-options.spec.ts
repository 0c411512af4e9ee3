import { buildChartOption, CHART_FONT, chartHeight, chartSummary } from './chart-options'
import { CHART_PALETTE } from './chart-palette'
import type { ChartData } from './chart.types'

const hours: ChartData = {
  categories: ['1月', '2月', '3月'],
  series: [{ name: '服务时长', kind: 'bar', values: [2.5, 0, 4.25] }],
  target: { value: 25 / 12, label: '每月需' },
  unit: '小时',
}

describe('buildChartOption', () => {
  it('should give one ECharts series per series, of its kind, over the categories', () => {
    const option = buildChartOption(
      { categories: ['Q1', 'Q2'], series: [{ name: '次数', kind: 'bar', values: [1, 2] }, { name: '累计', kind: 'line', values: [1, 3] }] },
      false,
    )
    expect(option.xAxis.data).toEqual(['Q1', 'Q2'])
    expect(option.series.map((one) => [one.name, one.type, one.data])).toEqual([
      ['次数', 'bar', [1, 2]],
      ['累计', 'line', [1, 3]],
    ])
  })

  it('should draw the target as a dashed line at its value on the first series only, named in the legend rather than over the bars', () => {
    const option = buildChartOption({ ...hours, series: [...hours.series, { name: '累计', kind: 'line', values: [1, 2, 3] }] }, false)
    expect(option.series[0].markLine).toMatchObject({ data: [{ yAxis: 25 / 12 }], lineStyle: { type: 'dashed' }, label: { show: false } })
    expect(option.series[1].markLine).toBeUndefined()
    expect(option.series[2]).toMatchObject({ name: '每月需 2.1小时', type: 'line', data: [], lineStyle: { type: 'dashed', color: CHART_PALETTE.waiting } })
    expect(option.legend.show).toBeUndefined()
  })

  it('should stop the value axis at the given top, e.g. 100 for a rate', () => {
    expect(buildChartOption({ ...hours, max: 100 }, false).yAxis).toMatchObject({ max: 100, interval: 25 })
    expect(buildChartOption({ ...hours, max: 100 }, true).yAxis).toMatchObject({ max: 100, interval: 50 })
  })

  it('should draw no target line without a target', () => {
    expect(buildChartOption({ ...hours, target: undefined }, false).series[0].markLine).toBeUndefined()
  })

  it('should colour series from the design tokens, by tone when one is given', () => {
    const option = buildChartOption(
      { categories: ['1月'], series: [{ name: 'a', kind: 'bar', values: [1] }, { name: 'b', kind: 'line', values: [1], tone: 'done' }] },
      false,
    )
    expect(option.series[0].itemStyle.color).toBe(CHART_PALETTE.brand)
    expect(option.series[1].itemStyle.color).toBe(CHART_PALETTE.done)
  })

  it('should write every label at 18 px or more in 长辈模式 and leave the bars unlabelled', () => {
    const option = buildChartOption(hours, true)
    expect(option.xAxis.axisLabel.fontSize).toBe(CHART_FONT.elder.axis)
    expect(option.yAxis.axisLabel.fontSize).toBe(CHART_FONT.elder.axis)
    expect(option.legend.textStyle?.fontSize).toBe(CHART_FONT.elder.legend)
    expect(Math.min(...Object.values(CHART_FONT.elder))).toBeGreaterThanOrEqual(18)
    expect(option.series[0].label.show).toBe(false)
    expect(chartHeight(true)).toBeGreaterThan(chartHeight(false))
  })

  it('should label the bars with their figures in normal mode, leaving zero bars blank', () => {
    const label = buildChartOption(hours, false).series[0].label as { show: boolean; formatter: (params: { value: number | null }) => string }
    expect(label.show).toBe(true)
    expect([2.5, 0, 4.25].map((value) => label.formatter({ value }))).toEqual(['2.5', '', '4.3'])
    expect(buildChartOption(hours, false).xAxis.axisLabel.fontSize).toBe(CHART_FONT.normal.axis)
  })

  it('should name every other month in 长辈模式 when twelve would not fit', () => {
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`)
    const year = { categories: months, series: [{ name: '时长', kind: 'bar' as const, values: months.map(() => 1) }] }
    expect(buildChartOption(year, true).xAxis.axisLabel.interval).toBe(1)
    expect(buildChartOption(year, false).xAxis.axisLabel.interval).toBe(0)
  })

  it('should keep the value axis up to 1 when every figure is zero', () => {
    const option = buildChartOption({ categories: ['1月'], series: [{ name: '时长', kind: 'bar', values: [0] }] }, false)
    expect(option.yAxis.max).toBe(1)
    expect(buildChartOption(hours, false).yAxis.max).toBeUndefined()
  })

  it('should show a legend only when there is more than one series or a target', () => {
    expect(buildChartOption({ ...hours, target: undefined }, false).legend.show).toBe(false)
    expect(buildChartOption({ ...hours, series: [...hours.series, { name: '累计', kind: 'line', values: [1, 2, 3] }] }, false).legend.show).toBeUndefined()
  })
})

describe('chartSummary', () => {
  it('should say every figure with its category and unit, then the target', () => {
    expect(chartSummary(hours)).toBe('1月 2.5小时，2月 0小时，3月 4.3小时；每月需 2.1小时')
  })

  it('should name each series when there are several, and leave out empty slots', () => {
    expect(
      chartSummary({ categories: ['Q1', 'Q2'], series: [{ name: '次数', kind: 'bar', values: [1, null] }, { name: '累计', kind: 'line', values: [1, 1] }], unit: '次' }),
    ).toBe('次数：Q1 1次；累计：Q1 1次，Q2 1次')
  })
})
