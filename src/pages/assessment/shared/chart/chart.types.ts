import type { ChartTone } from './chart-palette'

export interface ChartSeries {
  name: string
  kind: 'bar' | 'line'
  /** One value per category; null where there is nothing to show. */
  values: Array<number | null>
  tone?: ChartTone
}

/** A horizontal line across the chart at one value, e.g. the pace a yearly target needs each month. */
export interface ChartTarget {
  value: number
  label: string
}

export interface ChartData {
  categories: string[]
  series: ChartSeries[]
  target?: ChartTarget
  /** Written after each figure in the labels and the summary: 小时, 次, %. */
  unit?: string
  /** The top of the value axis when figures cannot pass it (100 for a rate); else it follows the figures. */
  max?: number
}

export interface ChartProps extends ChartData {
  /** Read by screen readers instead of the drawing; by default every figure in words (chartSummary). */
  summary?: string
  className?: string
}
