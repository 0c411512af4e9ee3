// Only what the charts draw, so the library stays small: bars, lines, the target line, grid, legend, tooltip.
// H5 draws SVG (crisp, and its text can be found in a test); the mini-program a canvas (echarts-core.weapp.ts).
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer])

export { echarts }
