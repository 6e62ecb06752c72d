import { vi } from 'vitest'

// jsdom has no ResizeObserver or matchMedia; Element Plus asks for them.
globalThis.ResizeObserver = globalThis.ResizeObserver || class { observe() {} unobserve() {} disconnect() {} }
if (!window.matchMedia) window.matchMedia = () => ({ matches: false, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} })
// jsdom has no canvas: ECharts would init and then fail while painting. Its init refuses up front
// instead, so ChartPanel shows its table of numbers, which the tests read.
vi.mock('../src/components/charts.js', async importOriginal => ({
  ...(await importOriginal()), echarts: { init() { throw new Error('no canvas in jsdom') } }
}))
