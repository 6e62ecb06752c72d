/** The parts of ECharts the console draws with (canvas: nothing inline that the CSP would refuse). */
import * as echarts from 'echarts/core'
import { LineChart, BarChart, PieChart, FunnelChart, HeatmapChart, ScatterChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, LegendComponent, TitleComponent, VisualMapComponent, MarkLineComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([LineChart, BarChart, PieChart, FunnelChart, HeatmapChart, ScatterChart, GridComponent, TooltipComponent,
  LegendComponent, TitleComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer])

export { echarts }

/** An ECharts option for categories on x and one line or bar per series. */
export function cartesianOption(categories, series, { stacked = false } = {}) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value' },
    series: series.map(s => ({ type: s.type || 'line', name: s.name, data: s.data, smooth: s.type !== 'bar', stack: stacked ? 'all' : undefined }))
  }
}
