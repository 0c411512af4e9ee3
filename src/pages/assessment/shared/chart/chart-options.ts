import { CHART_PALETTE, type ChartTone } from './chart-palette'
import type { ChartData } from './chart.types'

const SERIES_TONES: ChartTone[] = ['brand', 'active', 'done', 'waiting', 'muted']

/** CSS px; 长辈模式 reads every label at 18 px or more, as the tokens do. */
export const CHART_FONT = {
  normal: { axis: 12, label: 12, legend: 13 },
  elder: { axis: 18, label: 18, legend: 18 },
} as const

/** CSS px height of the drawing; 长辈模式 is taller for the larger labels. */
export const chartHeight = (elder: boolean) => (elder ? 300 : 220)

const round = (value: number) => Math.round(value * 10) / 10

const figure = (value: number, unit = '') => `${round(value)}${unit}`

/** The figures in words, for screen readers (a drawing cannot be read): 「1月 2.5小时，2月 0小时；每月需 2.1小时」. Empty slots are left out. */
export function chartSummary({ categories, series, target, unit }: ChartData): string {
  const parts = series.map((one) => {
    const figures = categories
      .flatMap((category, i) => {
        const value = one.values[i]
        return value === null || value === undefined ? [] : [`${category} ${figure(value, unit)}`]
      })
      .join('，')
    return series.length > 1 ? `${one.name}：${figures}` : figures
  })
  if (target) parts.push(`${target.label} ${figure(target.value, unit)}`)
  return parts.join('；')
}

/** The ECharts option for bars and lines over categories, with the target as a dashed line and its label. */
export function buildChartOption(data: ChartData, elder: boolean) {
  const font = elder ? CHART_FONT.elder : CHART_FONT.normal
  // The target is named in the legend rather than on its line, where its label would cover the bars' figures.
  const showLegend = data.series.length > 1 || data.target !== undefined
  const colourOf = (i: number) => CHART_PALETTE[data.series[i].tone ?? SERIES_TONES[i % SERIES_TONES.length]]
  const highest = Math.max(0, data.target?.value ?? 0, ...data.series.flatMap((one) => one.values.map((value) => value ?? 0)))
  return {
    animation: false,
    textStyle: { fontFamily: 'sans-serif', color: CHART_PALETTE.textSecondary },
    grid: { left: 8, right: elder ? 16 : 12, top: showLegend ? font.legend * 3 : font.label * 2, bottom: 8, containLabel: true },
    legend: showLegend
      ? { top: 0, itemWidth: font.legend, itemHeight: font.legend, textStyle: { fontSize: font.legend, color: CHART_PALETTE.text } }
      : { show: false },
    tooltip: { trigger: 'axis', confine: true, textStyle: { fontSize: font.label } },
    xAxis: {
      type: 'category',
      data: data.categories,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: CHART_PALETTE.border } },
      // In 长辈模式 every other month is named when twelve do not fit.
      axisLabel: { fontSize: font.axis, color: CHART_PALETTE.textSecondary, interval: elder && data.categories.length > 6 ? 1 : 0 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      max: data.max ?? (highest === 0 ? 1 : undefined),
      splitNumber: elder ? 3 : 4,
      // Even steps up to a fixed top (0, 25, 50, 75, 100), not a step that stops short of it.
      interval: data.max ? data.max / (elder ? 2 : 4) : undefined,
      axisLabel: { fontSize: font.axis, color: CHART_PALETTE.textSecondary },
      splitLine: { lineStyle: { color: CHART_PALETTE.border } },
    },
    series: [...data.series.map((one, i) => ({
      name: one.name,
      type: one.kind,
      data: one.values,
      itemStyle: { color: colourOf(i), borderRadius: one.kind === 'bar' ? [4, 4, 0, 0] : undefined },
      lineStyle: one.kind === 'line' ? { color: colourOf(i), width: elder ? 3 : 2 } : undefined,
      symbolSize: one.kind === 'line' ? (elder ? 8 : 6) : undefined,
      barMaxWidth: one.kind === 'bar' ? 24 : undefined,
      label: { show: one.kind === 'bar' && !elder, position: 'top', fontSize: font.label, color: CHART_PALETTE.text, formatter: ({ value }: { value: number | null }) => (value ? `${round(value)}` : '') },
      markLine: i === 0 && data.target ? targetLine(data.target) : undefined,
    })), ...(data.target ? [targetLegendEntry(data.target, data.unit, elder)] : [])],
  }
}

const targetStyle = (elder: boolean) => ({ color: CHART_PALETTE.waiting, type: 'dashed' as const, width: elder ? 3 : 2 })

/** A series without data whose only part is its legend entry: the target's label and value beside a dashed line. */
function targetLegendEntry(target: NonNullable<ChartData['target']>, unit: string | undefined, elder: boolean) {
  return {
    name: `${target.label} ${figure(target.value, unit)}`,
    type: 'line',
    data: [],
    symbol: 'none',
    itemStyle: { color: CHART_PALETTE.waiting },
    lineStyle: targetStyle(elder),
    label: { show: false },
    markLine: undefined,
  }
}

function targetLine(target: NonNullable<ChartData['target']>) {
  return { silent: true, symbol: 'none', lineStyle: targetStyle(false), label: { show: false }, data: [{ yAxis: target.value }] }
}
