// The dashboard and the analytics reports against the real backend with the dev demo data: a
// marketer sees the brand's numbers and exports a report as a CSV file; a store manager sees only
// their store. Numbers are compared with the API's own answers (fetched here as the same roles),
// so other specs adding orders do not break these.
import { test, expect } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { signIn, watchProblems, settled, consolePath, api, staffToken } from '../support.js'

/** A GraphQL request through the API as a demo account. */
async function as(role, query, variables = {}) {
  return api(query, variables, await staffToken(role))
}
const TODAY = 'query($s: ID) { todayNumbers(storeId: $s) { buyers30d pointsLiability } }'
const statValue = (page, label) => page.locator(`[data-stat="${label}"] .value`)
const asNumber = text => Number(text.replace(/[^\d.]/g, ''))

test('a marketer sees the brand\'s numbers on the dashboard and in sales analytics, and exports the sales as CSV', async ({ page }) => {
  const check = watchProblems(page)
  const brand = (await as('MARKETER', TODAY)).todayNumbers
  expect(brand.buyers30d).toBeGreaterThan(0)

  await signIn(page, 'MARKETER')
  await page.goto(consolePath('/dashboard'))
  await settled(page)
  await expect(page.locator('.page-title')).toHaveText('经营概览')
  await expect(page.locator('.store-picker input')).toBeEnabled()
  await expect(statValue(page, '近30天购买会员')).toHaveText(String(brand.buyers30d))
  expect(asNumber(await statValue(page, '积分负债').textContent())).toBeGreaterThan(0)
  await expect(page.locator('[data-stat="储值负债"]')).toHaveCount(0) // walletReport is not the marketer's
  const orders = await page.locator('table.chart-data', { has: page.locator('caption', { hasText: /^订单数$/ }) })
    .locator('tbody td:nth-child(2)').allTextContents()
  expect(orders.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(0)

  await page.locator('.el-menu-item', { hasText: '销售分析' }).click()
  await expect(page).toHaveURL(/\/analytics\/sales/)
  await settled(page)
  expect(asNumber(await statValue(page, '订单数').textContent())).toBeGreaterThan(0)
  expect(asNumber(await statValue(page, '销售额').textContent())).toBeGreaterThan(0)

  await page.locator('.el-radio-button', { hasText: '按周' }).click()
  await expect(page).toHaveURL(/by=WEEK/)
  await settled(page)
  const download = page.waitForEvent('download')
  await page.locator('[data-export=SALES]').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^sales_.*\.csv$/)
  const bytes = await readFile(await file.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xEF, 0xBB, 0xBF])
  const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)
  expect(lines[0]).toMatch(/^类型,开始日期,结束日期,订单数,销售额（元）/)
  expect(lines.filter(l => l.startsWith('期间,')).length).toBeGreaterThanOrEqual(4) // a week per row over 30 days
  const total = lines.find(l => l.startsWith('合计,')).split(',')
  expect(Number(total[3])).toBe(asNumber(await statValue(page, '订单数').textContent()))
  await check()
})

test('a store manager\'s dashboard shows only their store', async ({ page }) => {
  const check = watchProblems(page)
  const stores = (await as('MARKETER', 'query { stores(first: 100) { edges { node { id name } } } }')).stores.edges.map(e => e.node)
  const xuhui = stores.find(s => s.name === '徐汇店')
  const own = (await as('STORE_MANAGER', TODAY)).todayNumbers
  const ofStore = (await as('MARKETER', TODAY, { s: xuhui.id })).todayNumbers
  expect(own.buyers30d).toBe(ofStore.buyers30d)

  const asked = []
  page.on('request', request => {
    if (request.url().endsWith('/graphql') && request.method() === 'POST') {
      const body = request.postDataJSON()
      if (/ConsoleTodayNumbers|ConsoleDashboardTrends/.test(body.query)) asked.push(body.variables)
    }
  })
  await signIn(page, 'STORE_MANAGER')
  await page.goto(consolePath('/dashboard'))
  await settled(page)
  await expect(page.locator('.store-picker input')).toBeDisabled()
  await expect(page.locator('.store-picker')).toContainText('徐汇店')
  await expect(page).toHaveURL(new RegExp(`store=${xuhui.id}`))
  await expect(statValue(page, '近30天购买会员')).toHaveText(String(ofStore.buyers30d))
  await expect(page.locator('[data-stat="储值负债"]')).toBeVisible() // the manager's store's stored value
  expect(asked.length).toBeGreaterThanOrEqual(2)
  for (const variables of asked) expect(JSON.stringify(variables)).toContain(`"storeId":"${xuhui.id}"`)
  await check()
})
