import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { useElderMode } from '@/hooks/use-elder-mode'
import { buildChartOption, chartHeight, chartSummary } from './chart-options'
import { ChartView } from './chart-view'
import type { ChartProps } from './chart.types'
import './index.scss'

export type { ChartProps, ChartSeries, ChartTarget } from './chart.types'
export type { ChartTone } from './chart-palette'
export { chartSummary } from './chart-options'

/** Bars and lines over categories with an optional target line; its figures are also given in words for screen readers. */
export function Chart({ categories, series, target, unit, max, summary, className }: ChartProps) {
  const [elder] = useElderMode()
  const data = { categories, series, target, unit, max }
  const option = useMemo(() => buildChartOption(data, elder), [JSON.stringify(data), elder])
  const words = summary ?? chartSummary(data)
  return (
    <View className={`dy-chart${elder ? ' dy-chart--elder' : ''}${className ? ` ${className}` : ''}`} role="img" aria-label={words}>
      <ChartView option={option} height={chartHeight(elder)} />
      <Text className="dy-chart__summary">{words}</Text>
    </View>
  )
}
