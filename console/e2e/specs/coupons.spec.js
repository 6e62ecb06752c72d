// Coupons and stored value against the real backend (dev profile, demo data, fake WeChat): a
// marketer creates a coupon template in the console; the 徐汇店 manager issues it to the demo member
// 小爱 (alice), found by phone; then through the API, as the till would, alice shows her member code,
// clerk-xuhui scans it and records a purchase redeeming the coupon; back in the console the
// template and the coupon report show it redeemed. And an admin creates a recharge package.
import { test, expect } from '@playwright/test'
import { signIn, watchProblems, settled, consolePath, api, staffToken } from '../support.js'

const run = Date.now().toString(36)
const couponName = `E2E满150减20-${run}`
const phone = `139${String(Date.now()).slice(-8)}`
let templateId = null

/** A request through the API that must succeed: no errors, no userErrors in any payload. */
async function ok(query, variables, token) {
  const data = await api(query, variables, token)
  for (const payload of Object.values(data)) {
    if (payload && payload.userErrors) expect(payload.userErrors).toEqual([])
  }
  return data
}
/** An Element Plus field by its data-test: the attribute is on the <input> or on its wrapper. */
const field = (within, name) => within.locator(`input[data-test=${name}], [data-test=${name}] input`).first()
const aliceToken = async () => (await ok('mutation($code: String!) { login(input: { code: $code }) { accessToken userErrors { code message } } }', { code: 'dev-alice' })).login.accessToken

test.describe.serial('a coupon from the console, redeemed at the till', () => {
  test.beforeAll(async () => {
    // alice (a 徐汇店 member of the demo data) shares her phone number, so the manager can find her by it
    await ok('mutation($code: String!) { bindPhone(input: { code: $code }) { member { phone } userErrors { code message } } }',
      { code: `phone-${phone}` }, await aliceToken())
  })

  test('a marketer creates a coupon template and sees it in the list', async ({ page }) => {
    const check = watchProblems(page)
    await signIn(page, 'MARKETER')
    await page.goto(consolePath('/coupons'))
    await settled(page)
    await page.getByRole('button', { name: '新建优惠券' }).click()
    const form = page.locator('[data-test=template-form]')
    await field(form, 'template-name').fill(couponName)
    await field(form, 'template-threshold').fill('150')
    await field(form, 'template-amount-off').fill('20')
    await field(form, 'template-valid-days').fill('30')
    await field(form, 'template-stock').fill('100')
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
    await field(dialog, 'member-search').fill(phone)
    await dialog.locator('[data-test=member-search-button]').click()
    await expect(dialog.locator('[data-test=member-chosen]')).toContainText('小爱')
    await field(dialog, 'issue-reason').fill('端到端测试：老客关怀')
    await page.locator('[data-test=issue-submit]').click()
    await expect(page.locator('[data-test=issue-done]')).toContainText('已发放给 小爱')
    await page.getByRole('button', { name: '关闭', exact: true }).click()
    await expect(page.locator('[data-test=usage]')).toContainText('已发放1')
    await check()
  })

  test('at the till (through the API) the clerk scans 小爱\'s code and redeems the coupon', async () => {
    const alice = await aliceToken()
    const held = await ok('{ me { id coupons(status: USABLE, first: 50) { edges { node { id template { id name } } } } } }', {}, alice)
    const coupon = held.me.coupons.edges.map(e => e.node).find(c => c.template.id === templateId)
    expect(coupon, `小爱 holds ${couponName}`).toBeTruthy()
    const code = (await ok('{ memberCode { token } }', {}, alice)).memberCode.token
    const clerk = await staffToken('CLERK')
    const scan = await ok('mutation($t: String!) { scanMemberCode(input: { token: $t }) { tillProof { token } userErrors { code message } } }', { t: code }, clerk)
    const sale = await ok(`mutation($proof: String!, $orderNo: String!, $coupon: ID!) {
        recordPurchase(input: { tillProof: $proof, orderNo: $orderNo, amountCents: 18800, couponIds: [$coupon] }) {
          purchase { couponDiscountCents coupons { id status } } userErrors { field code message }
        }
      }`, { proof: scan.scanMemberCode.tillProof.token, orderNo: `E2E-COUPON-${run}`, coupon: coupon.id }, clerk)
    expect(sale.recordPurchase.purchase.couponDiscountCents).toBe(2000)
    const used = await ok('{ me { coupons(status: USED) { edges { node { id } } } } }', {}, alice)
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
  await field(form, 'package-name').fill(name)
  await field(form, 'package-pay').fill('88')
  await field(form, 'package-bonus').fill('8')
  await page.locator('[data-test=package-save]').click()
  await expect(page.locator('.el-message--success')).toContainText('充值套餐已创建')
  const row = page.locator('[data-test=package-table] .el-table__body tr', { hasText: name })
  await expect(row).toContainText('¥88.00')
  await expect(row).toContainText('¥8.00')
  await expect(row).toContainText('在售')
  await check()
})
