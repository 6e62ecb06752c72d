/**
 * charts.js for component tests: jsdom has no canvas, and ECharts, which inits without one, fails
 * later while painting. Here init refuses up front, so ChartPanel shows its table of numbers (what
 * the tests read). Use:
 * vi.mock('../../src/components/charts.js', async original => (await import('./analytics-no-canvas.js')).noCanvas(await original()))
 */
export function noCanvas(charts) {
  return { ...charts, echarts: { init() { throw new Error('no canvas in jsdom') } } }
}
