import { useEffect, useRef } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { echarts } from './echarts-core'
import { WeappCanvas } from './weapp-canvas'
import type { ChartViewProps } from './chart-view'

let nextId = 0

/** Mini-program: ECharts draws on a type="2d" Canvas node, found once the page has rendered it. */
export function ChartView({ option, height }: ChartViewProps) {
  const id = useRef(`dy-chart-${++nextId}`).current
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null)
  const canvas = useRef<WeappCanvas | null>(null)
  const latest = useRef(option)
  latest.current = option

  useEffect(() => {
    let disposed = false
    let tries = 0
    const find = () =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: Array<{ node?: { width: number; height: number; getContext(type: '2d'): unknown }; width: number; height: number } | null>) => {
          const found = result[0]
          if (disposed) return
          if (!found?.node) {
            // The native view may not have been drawn yet right after React's commit.
            if (++tries < 10) setTimeout(find, 50)
            return
          }
          const { pixelRatio } = Taro.getSystemInfoSync()
          const adapter = new WeappCanvas(found.node)
          echarts.setPlatformAPI({ createCanvas: () => adapter as unknown as HTMLCanvasElement })
          const instance = echarts.init(adapter as unknown as HTMLElement, null, { width: found.width, height: found.height, devicePixelRatio: pixelRatio })
          adapter.listenThrough(instance.getZr().handler as never)
          canvas.current = adapter
          chart.current = instance
          instance.setOption(latest.current, true)
        })
    Taro.nextTick(find)
    return () => {
      disposed = true
      chart.current?.dispose()
      chart.current = null
      canvas.current = null
    }
  }, [id, height])

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option])

  return (
    <Canvas
      id={id}
      type="2d"
      className="dy-chart__drawing"
      style={{ width: '100%', height: `${height}px` }}
      onTouchStart={(event) => canvas.current?.touch('start', event.touches as never)}
      onTouchMove={(event) => canvas.current?.touch('move', event.touches as never)}
      onTouchEnd={(event) => canvas.current?.touch('end', event.changedTouches as never)}
    />
  )
}
