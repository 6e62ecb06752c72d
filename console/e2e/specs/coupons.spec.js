// Coupons and stored value against the real backend (dev profile, demo data, fake WeChat): a
// marketer creates a coupon template in the console; the 徐汇店 manager issues it to the demo member
// 小爱 (alice), found by phone; then through the API, as the till would, alice shows her member code,
// clerk-xuhui scans it and records a purchase redeeming the coupon; back in the console the
// template and the coupon report show it redeemed. And an admin creates a recharge package.
import { test, expect } from '@playwright/test'
import { signIn, watchProblems, settled, consolePath } from '../support.js'

const API = `${process.env.CONSOLE_API_URL || 'http://127.0.0.1:8080'}/graphql`
const run = Date.now().toString(36)
const couponName = `E2E满150减20-${run}`
const phone = `139${String(Date.now()).slice(-8)}`
let templateId = null

/** One GraphQL request as a member or staff member (token), failing on errors and userErrors. */
async function api(query, variables = {}, token = null) {
  const response = await fetch(API, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables })
  })
  const body = await response.json()
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
  for (const payload of Object.values(body.data)) {
    if (payload && payload.userErrors) expect(payload.userErrors).toEqual([])
  }
  return body.data
}
const memberToken = async () => (await api('mutation($code: String!) { login(input: { code: $code }) { accessToken userErrors { code message } } }', { code: 'dev-alice' })).login.accessToken
const staffToken = async (username, password) => (await api(
  'mutation($u: String!, $p: String!) { staffLogin(input: { username: $u, password: $p }) { accessToken userErrors { code message } } }',
  { u: username, p: password })).staffLogin.accessToken

test.describe.serial('a coupon from the console, redeemed at the till', () => {
  test.beforeAll(async () => {
    // alice (a 徐汇店 member of the demo data) shares her phone number, so the manager can find her by it
    await api('mutation($code: String!) { bindPhone(input: { code: $code }) { member { phone } userErrors { code message } } }',
      { code: `phone-${phone}` }, await memberToken())
  })

  test('a marketer creates a coupon template and sees it in the list', async ({ page }) => {
    const check = watchProblems(page)
    await signIn(page, 'MARKETER')
    await page.goto(consolePath('/coupons'))
    await settled(page)
    await page.getByRole('button', { name: '新建优惠券' }).click()
    const form = page.locator('[data-test=template-form]')
    await form.locator('[data-test=template-name] input').fill(couponName)
    await form.locator('[data-test=template-threshold] input').fill('150')
    await form.locator('[data-test=template-amount-off] input').fill('20')
    await form.locator('[data-test=template-valid-days] input').fill('30')
    await form.locator('[data-test=template-stock] input').fill('100')
    await page.locator('[data-test=template-save]').click()
    await expect(page.locator('.el-message--success')).toContainText('优惠券已创建')
    await page.getByPlaceholder('按名称搜索').fill(couponName)
    await page.getByPlaceholder('按名称搜索').blur()
    await expect(page).toHaveURL(/search=/)
    const row = page.locator('[data-test=template-table] .el-table__body tr', { hasText: couponName })
    await expect(row).toContainText('满150.00减20.00')
    await expect(row).toContainText('剩 100 / 共 100')
    await row.getByRole('link', { name: couponName }).click()
    await expect(page).toHaveURL(/\/coupons\/\d+$/)
    templateId = page.url().match(/\/coupons\/(\d+)$/)[1]
    await check()
  })

  test('the 徐汇店 manager issues it to 小爱, found by phone', async ({ page }) => {
    const check = watchProblems(page)
    await signIn(page, 'STORE_MANAGER')
    await page.goto(consolePath(`/coupons/${templateId}`))
    await settled(page)
    await page.locator('[data-test=issue]').click()
    const dialog = page.locator('[data-test=issue-dialog]')
    await dialog.locator('[data-test=member-search] input, input[data-test=member-search]').first().fill(phone)
    await dialog.locator('[data-test=member-search-button]').click()
    await expect(dialog.locator('[data-test=member-chosen]')).toContainText('小爱')
    await dialog.locator('[data-test=issue-reason] input, input[data-test=issue-reason]').first().fill('端到端测试：老客关怀')
    await page.locator('[data-test=issue-submit]').click()
    await expect(page.locator('[data-test=issue-done]')).toContainText('已发放给 小爱')
    await page.getByRole('button', { name: '关闭' }).click()
    await expect(page.locator('[data-test=usage]')).toContainText('已发放1')
    await check()
  })

  test('at the till (through the API) the clerk scans 小爱\'s code and redeems the coupon', async () => {
    const alice = await memberToken()
    const held = await api('{ me { id coupons(status: USABLE, first: 50) { edges { node { id template { id name } } } } } }', {}, alice)
    const coupon = held.me.coupons.edges.map(e => e.node).find(c => c.template.id === templateId)
    expect(coupon, `小爱 holds ${couponName}`).toBeTruthy()
    const code = (await api('{ memberCode { token } }', {}, alice)).memberCode.token
    const clerk = await staffToken('clerk-xuhui', 'demo-password')
    const scan = await api('mutation($t: String!) { scanMemberCode(input: { token: $t }) { tillProof { token } userErrors { code message } } }', { t: code }, clerk)
    const sale = await api(`mutation($proof: String!, $orderNo: String!, $coupon: ID!) {
        recordPurchase(input: { tillProof: $proof, orderNo: $orderNo, amountCents: 18800, couponIds: [$coupon] }) {
          purchase { couponDiscountCents coupons { id status } } userErrors { field code message }
        }
      }`, { proof: scan.scanMemberCode.tillProof.token, orderNo: `E2E-COUPON-${run}`, coupon: coupon.id }, clerk)
    expect(sale.recordPurchase.purchase.couponDiscountCents).toBe(2000)
    const used = await api('{ me { coupons(status: USED) { edges { node { id } } } } }', {}, alice)
    expect(used.me.coupons.edges.map(e => e.node.id)).toContain(coupon.id)
  })

  test('back in the console the template and the coupon report show it redeemed', async ({ page }) => {
    const check = watchProblems(page)
    await signIn(page, 'STORE_MANAGER')
    await page.goto(consolePath(`/coupons/${templateId}`))
    await settled(page)
    await expect(page.locator('[data-test=redeemed]')).toHaveText('1')
    await page.goto(consolePath('/coupon-report?granularity=WEEK'))
    await settled(page)
    const row = page.locator('[data-test=template-flows] .el-table__body tr', { hasText: couponName })
    await expect(row).toContainText('100.0%')
    await expect(row).toContainText('¥20.00')
    await check()
  })
})

test('an admin creates a recharge package and sees it in the list', async ({ page }) => {
  const check = watchProblems(page)
  const name = `充88送8-${run}`
  await signIn(page, 'ADMIN')
  await page.goto(consolePath('/wallet'))
  await settled(page)
  await page.getByRole('button', { name: '新建充值套餐' }).click()
  const form = page.locator('[data-test=package-form]')
  await form.locator('[data-test=package-name] input').fill(name)
  await form.locator('[data-test=package-pay] input').fill('88')
  await form.locator('[data-test=package-bonus] input').fill('8')
  await page.locator('[data-test=package-save]').click()
  await expect(page.locator('.el-message--success')).toContainText('充值套餐已创建')
  const row = page.locator('[data-test=package-table] .el-table__body tr', { hasText: name })
  await expect(row).toContainText('¥88.00')
  await expect(row).toContainText('¥8.00')
  await expect(row).toContainText('在售')
  await check()
})
