import { describe, test, expect } from 'vitest'
import Dashboard from '../../src/pages/analytics/Dashboard.vue'
import { settle } from '../support/mount.js'
import { todayNumbers, dashboardTrends, walletReport, failure, mountAnalytics as mountPage, chartRows, stat, storePickerFixed } from './analytics-fixtures.js'


const answers = (overrides = {}) => ({
  ConsoleTodayNumbers: todayNumbers(),
  ConsoleDashboardTrends: dashboardTrends(),
  ConsoleDashboardWallet: walletReport(),
  ...overrides
})

describe('dashboard', () => {
  test('a marketer sees today\'s numbers of the brand and the trends, but no stored-value numbers', async () => {
    const { wrapper, calls } = await mountPage(Dashboard, { role: 'MARKETER', path: '/dashboard', answers: answers() })
    expect(stat(wrapper, '今日新会员')).toContain('12')
    expect(stat(wrapper, '今日会员订单')).toContain('34')
    expect(stat(wrapper, '今日会员销售额')).toContain('¥5,678.00')
    expect(stat(wrapper, '近30天复购率')).toContain('25.0%')
    expect(stat(wrapper, '积分负债')).toContain('987,654')
    expect(stat(wrapper, '积分负债')).toContain('¥987.65')
    expect(wrapper.find('[data-stat="储值负债"]').exists()).toBe(false)
    expect(calls.map(c => c.operationName)).not.toContain('ConsoleDashboardWallet')
    expect(calls.find(c => c.operationName === 'ConsoleTodayNumbers').variables).toEqual({ storeId: null })
    expect(wrapper.text()).toContain('近30天趋势')
    expect(wrapper.text()).not.toContain('重新汇总历史数据')
  })

  test('the trends show each day\'s numbers, and the points liability counted back from today\'s', async () => {
    const { wrapper } = await mountPage(Dashboard, { role: 'MARKETER', path: '/dashboard', answers: answers() })
    const rows = title => chartRows(wrapper, title)
    expect(rows('订单数')).toEqual([['12-05', '3'], ['12-06', '5'], ['12-07', '8']])
    expect(rows('会员数')[2]).toEqual(['12-07', '110', '6'])
    expect(rows('销售额（元）')[1]).toEqual(['12-06', '40', '10'])
    expect(rows('复购率（按周，%）')).toEqual([['12-01~12-07', '25']])
    // 5000 held now; the day before held 5000 - 30, the day before that 5000 - 30 - 20
    expect(rows('积分负债（按每日净变化倒推）').map(r => r[1])).toEqual(['4950', '4970', '5000'])
  })

  test('the period is in the URL: 近7天 asks for seven days', async () => {
    const { wrapper, calls, router } = await mountPage(Dashboard, { role: 'ADMIN', path: '/dashboard?period=7', answers: answers() })
    const { daily, weekly } = calls.find(c => c.operationName === 'ConsoleDashboardTrends').variables
    const span = (daily.to && (Date.parse(daily.to) - Date.parse(daily.from)) / 86400000) + 1
    expect(span).toBe(7)
    expect(daily.granularity).toBe('DAY')
    expect(weekly.granularity).toBe('WEEK')
    expect(wrapper.text()).toContain('近7天趋势')
    await wrapper.findAll('.el-radio-button').find(b => b.text() === '近90天').find('input').setValue(true)
    await settle()
    expect(router.currentRoute.value.query.period).toBe('90')
    const last = calls.filter(c => c.operationName === 'ConsoleDashboardTrends').at(-1).variables.daily
    expect((Date.parse(last.to) - Date.parse(last.from)) / 86400000 + 1).toBe(90)
  })

  test('a store manager sees only their store: the picker is fixed and every query names it', async () => {
    const { wrapper, calls } = await mountPage(Dashboard, { role: 'STORE_MANAGER', path: '/dashboard', answers: answers() })
    expect(storePickerFixed(wrapper)).toBe(true)
    expect(wrapper.find('.store-picker').text()).toContain('徐汇店')
    expect(calls.find(c => c.operationName === 'ConsoleTodayNumbers').variables.storeId).toBe('1')
    expect(calls.find(c => c.operationName === 'ConsoleDashboardTrends').variables.daily.storeId).toBe('1')
    expect(calls.find(c => c.operationName === 'ConsoleDashboardWallet').variables.range.storeId).toBe('1')
    expect(stat(wrapper, '储值负债')).toContain('¥3,200.00')
  })

  test('an admin picks a store from the URL, sees stored value and may roll past days up again', async () => {
    const backfills = []
    const { wrapper, calls } = await mountPage(Dashboard, {
      role: 'ADMIN',
      path: '/dashboard?store=2',
      answers: answers({ ConsoleBackfillAnalytics: v => { backfills.push(v.input); return { backfillAnalytics: { days: 30, userErrors: [] } } } })
    })
    expect(calls.find(c => c.operationName === 'ConsoleTodayNumbers').variables.storeId).toBe('2')
    expect(wrapper.find('.store-picker').text()).toContain('静安店')
    expect(stat(wrapper, '储值负债')).toContain('本金 ¥3,000.00')
    await wrapper.findAll('button').find(b => b.text() === '重新汇总历史数据').trigger('click')
    await settle()
    await wrapper.findAll('button').find(b => b.text() === '开始汇总').trigger('click')
    await settle()
    expect(backfills).toHaveLength(1)
    expect(backfills[0].from < backfills[0].to).toBe(true)
    expect(document.body.textContent).toContain('已重新汇总 30 天')
  })

  test('a brand without members or orders yet shows the empty trends', async () => {
    const { wrapper } = await mountPage(Dashboard, {
      role: 'MARKETER', path: '/dashboard', answers: answers({ ConsoleDashboardTrends: dashboardTrends({ orders: [0, 0, 0], members: [0, 0, 0] }) })
    })
    expect(wrapper.find('[data-state=empty]').text()).toContain('这段时间还没有会员和订单')
  })

  test('a failed load says so and retries', async () => {
    let fail = true
    const { wrapper } = await mountPage(Dashboard, {
      role: 'MARKETER', path: '/dashboard', answers: answers({ ConsoleTodayNumbers: () => (fail ? failure : todayNumbers({ newMembers: 99 })) })
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(stat(wrapper, '今日新会员')).toContain('99')
  })
})
