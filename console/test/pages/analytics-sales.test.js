import { describe, test, expect } from 'vitest'
import Sales from '../../src/pages/analytics/Sales.vue'
import { settle } from '../support/mount.js'
import {
  salesAnalytics, failure, badRequest, mountAnalytics as mountPage, chartRows, stat, storePickerFixed, catchDownloads, exportPayload
} from './analytics-fixtures.js'


describe('sales analytics', () => {
  test('a marketer sees the totals of the range and each period\'s numbers', async () => {
    const { wrapper } = await mountPage(Sales, { role: 'MARKETER', path: '/analytics/sales', answers: { ConsoleSalesAnalytics: salesAnalytics(10) } })
    expect(stat(wrapper, '订单数')).toContain('10')
    expect(stat(wrapper, '订单数')).toContain('会员 9 · 非会员 1')
    expect(stat(wrapper, '销售额')).toContain('¥500.00')
    expect(stat(wrapper, '会员贡献率')).toContain('90.0%')
    expect(stat(wrapper, '复购率')).toContain('12.5%')
    expect(stat(wrapper, '购买频次')).toContain('1.13')
    expect(chartRows(wrapper, '订单数')).toEqual([['11-01~11-15', '5', '1'], ['11-16~11-30', '3', '1']])
    expect(chartRows(wrapper, '销售额（元）')[0]).toEqual(['11-01~11-15', '250', '50'])
  })

  test('days, period size and store come from the URL, so a shared link shows the same report', async () => {
    const { calls } = await mountPage(Sales, {
      role: 'ADMIN', path: '/analytics/sales?from=2026-11-01&to=2026-11-30&by=WEEK&store=2', answers: { ConsoleSalesAnalytics: salesAnalytics() }
    })
    expect(calls.find(c => c.operationName === 'ConsoleSalesAnalytics').variables.range)
      .toEqual({ from: '2026-11-01', to: '2026-11-30', granularity: 'WEEK', storeId: '2' })
  })

  test('choosing 按月 puts the period size in the URL and asks again', async () => {
    const { wrapper, calls, router } = await mountPage(Sales, { role: 'MARKETER', path: '/analytics/sales', answers: { ConsoleSalesAnalytics: salesAnalytics() } })
    expect(calls.find(c => c.operationName === 'ConsoleSalesAnalytics').variables.range.storeId).toBeNull()
    await wrapper.findAll('.el-radio-button').find(b => b.text() === '按月').find('input').setValue(true)
    await settle()
    expect(router.currentRoute.value.query.by).toBe('MONTH')
    expect(calls.filter(c => c.operationName === 'ConsoleSalesAnalytics').at(-1).variables.range.granularity).toBe('MONTH')
  })

  test('the date shortcuts are 近7天, 近30天, 本月 and 上月', async () => {
    const { wrapper } = await mountPage(Sales, { role: 'MARKETER', path: '/analytics/sales', answers: { ConsoleSalesAnalytics: salesAnalytics() } })
    await wrapper.find('.range-dates input').trigger('focus')
    await wrapper.find('.range-dates').trigger('click')
    await settle()
    const shortcuts = [...document.querySelectorAll('.el-picker-panel__shortcut')].map(b => b.textContent.trim())
    expect(shortcuts).toEqual(['近7天', '近30天', '本月', '上月'])
  })

  test('a store manager\'s store is fixed to their own', async () => {
    const { wrapper, calls } = await mountPage(Sales, { role: 'STORE_MANAGER', path: '/analytics/sales?store=2', answers: { ConsoleSalesAnalytics: salesAnalytics() } })
    expect(storePickerFixed(wrapper)).toBe(true)
    expect(calls.filter(c => c.operationName === 'ConsoleSalesAnalytics').every(c => c.variables.range.storeId === '1')).toBe(true)
  })

  test('导出 CSV saves the report of the same range as a file under the API\'s name', async () => {
    const downloads = catchDownloads()
    const exports = []
    const { wrapper } = await mountPage(Sales, {
      role: 'MARKETER',
      path: '/analytics/sales?from=2026-11-01&to=2026-11-30&by=WEEK',
      answers: { ConsoleSalesAnalytics: salesAnalytics(), ConsoleExportReport: v => { exports.push(v.input); return exportPayload() } }
    })
    await wrapper.find('[data-export=SALES]').trigger('click')
    await settle()
    expect(exports).toEqual([{ report: 'SALES', range: { from: '2026-11-01', to: '2026-11-30', granularity: 'WEEK', storeId: null } }])
    const [file] = await downloads.files()
    expect(file.filename).toBe('sales_2026-11-01_2026-11-30.csv')
    expect(file.type).toBe('text/csv; charset=utf-8')
    expect([...file.bytes.slice(0, 3)]).toEqual([0xEF, 0xBB, 0xBF]) // the byte-order mark Excel needs for Chinese
    expect(file.text.split('\r\n')[0]).toBe('期间,订单数,销售额')
    expect(file.text).toContain('合计,3,150.00')
    expect(document.body.textContent).toContain('已导出 2 行')
  })

  test('an export the API refuses shows its message and saves nothing', async () => {
    const downloads = catchDownloads()
    const { wrapper } = await mountPage(Sales, {
      role: 'MARKETER',
      path: '/analytics/sales',
      answers: {
        ConsoleSalesAnalytics: salesAnalytics(),
        ConsoleExportReport: exportPayload({ csv: null, filename: null, rows: null, userErrors: [{ field: ['range'], code: 'INVALID_INPUT', message: '日期范围最多 1098 天' }] })
      }
    })
    await wrapper.find('[data-export=SALES]').trigger('click')
    await settle()
    expect(document.body.textContent).toContain('日期范围最多 1098 天')
    expect(await downloads.files()).toEqual([])
  })

  test('a range without orders shows the empty state', async () => {
    const { wrapper } = await mountPage(Sales, { role: 'MARKETER', path: '/analytics/sales', answers: { ConsoleSalesAnalytics: salesAnalytics(0) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('这段时间没有订单')
  })

  test('a range the API refuses shows why, and a failed load retries', async () => {
    const { wrapper } = await mountPage(Sales, {
      role: 'MARKETER', path: '/analytics/sales?from=2026-12-01&to=2026-11-01', answers: { ConsoleSalesAnalytics: badRequest('结束日期不能早于开始日期') }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('结束日期不能早于开始日期')
    let fail = true
    const second = await mountPage(Sales, { role: 'MARKETER', path: '/analytics/sales', answers: { ConsoleSalesAnalytics: () => (fail ? failure : salesAnalytics(10)) } })
    expect(second.wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
    fail = false
    await second.wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(stat(second.wrapper, '订单数')).toContain('10')
  })
})
