import { useEffect, useRef } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import { echarts } from './echarts-core'

export interface ChartViewProps {
  option: EChartsCoreOption
  height: number
}

/** H5: ECharts draws SVG into a DOM element and follows its width. */
export function ChartView({ option, height }: ChartViewProps) {
  const host = useRef<HTMLDivElement>(null)
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null)

  useEffect(() => {
    const element = host.current
    if (!element) return
    const instance = echarts.init(element, null, { renderer: 'svg', height })
    chart.current = instance
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize())
    observer?.observe(element)
    return () => {
      observer?.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [height])

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option, height])

  return <div ref={host} className="dy-chart__drawing" style={{ height: `${height}px` }} aria-hidden="true" />
}
