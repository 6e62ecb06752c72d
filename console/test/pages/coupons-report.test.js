import { describe, test, expect } from 'vitest'
import CouponReport from '../../src/pages/coupons/CouponReport.vue'
import { mountPage } from './coupons-fixtures.js'
import { today } from '../../src/format.js'

const flow = (start, end, issued, redeemed, discountCents) => ({ start, end, issued, redeemed, redemptionRate: issued ? redeemed / issued : null, discountCents })
const report = (overrides = {}) => ({
  couponReport: {
    storeId: null,
    total: flow('2026-11-01', '2026-11-14', 40, 10, 50000),
    series: [flow('2026-11-01', '2026-11-07', 30, 4, 20000), flow('2026-11-08', '2026-11-14', 10, 6, 30000)],
    templates: [{ templateId: '3', name: '满200减50', kind: 'AMOUNT_OFF', issued: 40, redeemed: 10, redemptionRate: 0.25, discountCents: 50000 }],
    campaigns: [{ campaignId: '8', name: '双11回流', benefit: 'COUPON_PACK', treated: 900, control: 100, couponsIssued: 900, couponsRedeemed: 120, attributedRevenueCents: 1200000, discountCostCents: 300000, pointsCostCents: 0, costCents: 300000, roi: 3 }],
    ...overrides
  }
})

describe('coupon redemption report', () => {
  test('the period and store come from the URL and are sent as the range', async () => {
    const { calls } = await mountPage(CouponReport, {
      role: 'ADMIN', path: '/coupon-report?from=2026-11-01&to=2026-11-14&granularity=WEEK&storeId=2', answers: { ConsoleCouponRedemptionReport: report() }
    })
    expect(calls.find(c => c.operationName === 'ConsoleCouponRedemptionReport').variables)
      .toEqual({ range: { from: '2026-11-01', to: '2026-11-14', granularity: 'WEEK', storeId: '2' } })
  })

  test('without a period it shows the last 30 days of the brand, by day', async () => {
    const { calls } = await mountPage(CouponReport, { role: 'MARKETER', path: '/coupon-report', answers: { ConsoleCouponRedemptionReport: report() } })
    expect(calls.find(c => c.operationName === 'ConsoleCouponRedemptionReport').variables.range)
      .toEqual({ from: today(-29), to: today(), granularity: 'DAY', storeId: null })
  })

  test('a store manager\'s report is of their own store', async () => {
    const { calls } = await mountPage(CouponReport, { role: 'STORE_MANAGER', path: '/coupon-report', answers: { ConsoleCouponRedemptionReport: report() } })
    const ranges = calls.filter(c => c.operationName === 'ConsoleCouponRedemptionReport').map(c => c.variables.range.storeId)
    expect(ranges[ranges.length - 1]).toBe('1')
  })

  test('shows totals, the chart\'s numbers per period, templates and campaigns', async () => {
    const { wrapper } = await mountPage(CouponReport, { role: 'MARKETER', path: '/coupon-report?granularity=WEEK', answers: { ConsoleCouponRedemptionReport: report() } })
    const totals = wrapper.find('[data-test=coupon-totals]').text()
    expect(totals).toContain('发放40')
    expect(totals).toContain('核销10')
    expect(totals).toContain('核销率25.0%')
    expect(totals).toContain('¥500.00')
    const chart = wrapper.findAll('.chart-data')[0].text()
    expect(chart).toContain('11-01~11-07')
    expect(chart).toMatch(/11-08~11-14\s*10\s*6/)
    expect(wrapper.find('[data-test=template-flows]').text()).toContain('满200减50')
    expect(wrapper.text()).toContain('双11回流')
    expect(wrapper.text()).toContain('300.0%')
  })

  test('a period without coupons shows the empty state', async () => {
    const { wrapper } = await mountPage(CouponReport, {
      role: 'MARKETER', path: '/coupon-report',
      answers: { ConsoleCouponRedemptionReport: report({ total: flow('2026-11-01', '2026-11-30', 0, 0, 0), series: [], templates: [], campaigns: [] }) }
    })
    expect(wrapper.find('[data-state=empty]').text()).toContain('这段时间没有发放或核销优惠券')
  })

  test('a refused range shows the API\'s message', async () => {
    const { wrapper } = await mountPage(CouponReport, {
      role: 'MARKETER', path: '/coupon-report?from=2020-01-01&to=2026-11-30',
      answers: { ConsoleCouponRedemptionReport: { errors: [{ message: '时间范围最多 366 天', extensions: { classification: 'BAD_REQUEST', code: 'INVALID_INPUT' } }] } }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('时间范围最多 366 天')
  })
})
