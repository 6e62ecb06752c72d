/** Answers of the analytics queries for the component tests (numbers a person can check on the page). */
import { afterEach } from 'vitest'
import { mountPage } from '../support/mount.js'
export const todayNumbers = (overrides = {}) => ({
  todayNumbers: {
    day: '2026-12-07', storeId: null, newMembers: 12, orders: 34, salesCents: 567800, buyers30d: 210,
    repurchaseRate30d: 0.25, pointsLiability: 987654, pointsLiabilityCents: 98765, ...overrides
  }
})

const days = ['2026-12-05', '2026-12-06', '2026-12-07']

export const dashboardTrends = ({ orders = [3, 5, 8], members = [100, 104, 110] } = {}) => ({
  memberGrowth: { series: days.map((start, i) => ({ start, newMembers: [2, 4, 6][i], members: members[i] })) },
  salesAnalytics: { series: days.map((start, i) => ({ start, orders: orders[i], salesCents: orders[i] * 1000, memberSalesCents: orders[i] * 800, guestSalesCents: orders[i] * 200 })) },
  weeklySales: { series: [{ start: '2026-12-01', end: '2026-12-07', buyers: 40, repeatBuyers: 10, repurchaseRate: 0.25 }] },
  pointsEconomy: {
    liability: 5000, liabilityCents: 500,
    series: days.map((start, i) => ({ start, issued: 100, redeemed: 50, net: [10, 20, 30][i] }))
  }
})

export const walletReport = () => ({
  walletReport: { liability: { asOf: '2026-12-07T02:00:00Z', principalCents: 300000, bonusCents: 20000, totalCents: 320000 } }
})

const salesPeriod = (start, end, orders) => ({
  start, end, orders, salesCents: orders * 5000, averageOrderCents: 5000, memberOrders: orders - 1, memberSalesCents: (orders - 1) * 5000,
  guestOrders: 1, guestSalesCents: 5000, memberSalesShare: (orders - 1) / orders, buyers: orders - 2, repeatBuyers: 1,
  repurchaseRate: 1 / (orders - 2), purchaseFrequency: (orders - 1) / (orders - 2)
})

export const salesAnalytics = (orders = 10) => ({
  salesAnalytics: {
    storeId: null,
    total: {
      ...salesPeriod('2026-11-01', '2026-11-30', orders), memberAverageOrderCents: 5000, guestAverageOrderCents: 5000
    },
    series: [salesPeriod('2026-11-01', '2026-11-15', Math.max(3, orders - 4)), salesPeriod('2026-11-16', '2026-11-30', 4)]
  }
})

export const failure = { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] }
export const badRequest = message => ({ errors: [{ message, extensions: { classification: 'BAD_REQUEST' } }] })

/**
 * mountPage, unmounting the page after the test: a page left mounted would re-run its queries when
 * the next test signs in as another role, into that test's recorded calls.
 */
const mounted = []
afterEach(() => { while (mounted.length) mounted.pop().unmount() })
export async function mountAnalytics(page, options) {
  const result = await mountPage(page, options)
  mounted.push(result.wrapper)
  return result
}
/** The rows of the ChartPanel table with this title, as text cells. */
export function chartRows(wrapper, title) {
  const table = wrapper.findAll('table.chart-data').find(t => t.find('caption').text() === title)
  if (!table) throw new Error(`no chart ${title}`)
  return table.findAll('tbody tr').map(r => r.findAll('td').map(td => td.text()))
}
export const stat = (wrapper, label) => wrapper.find(`[data-stat="${label}"]`).text()
export const storePickerFixed = wrapper => wrapper.find('.store-picker .is-disabled').exists()

/**
 * Catches the files the page saves: each { filename, type, bytes, text } (the Blob read back; text
 * without the byte-order mark, as TextDecoder reads it), instead of
 * the browser's download.
 */
export function catchDownloads() {
  const files = []
  const blobs = new Map()
  globalThis.URL.createObjectURL = blob => { const url = `blob:test/${blobs.size}`; blobs.set(url, blob); return url }
  globalThis.URL.revokeObjectURL = () => {}
  HTMLAnchorElement.prototype.click = function click() {
    const blob = blobs.get(this.href)
    files.push(blob.arrayBuffer().then(buffer => ({
      filename: this.download, type: blob.type, bytes: new Uint8Array(buffer), text: new TextDecoder().decode(buffer)
    })))
  }
  return { files: () => Promise.all(files) }
}

export const exportPayload = (overrides = {}) => ({
  exportReport: {
    filename: 'sales_2026-11-01_2026-11-30.csv', contentType: 'text/csv; charset=utf-8', rows: 2,
    csv: '\uFEFF期间,订单数,销售额\r\n2026-11-01,3,150.00\r\n合计,3,150.00\r\n', userErrors: [], ...overrides
  }
})
