// The points mall against the real backend (dev profile, demo data, fake WeChat): a marketer creates
// goods in the console with a picture uploaded from the form, and puts them on sale; through the API, as the mini-program would, 小爱
// (alice) redeems one for pickup at 徐汇店 and clerk-xuhui hands it over with her pickup code; back
// in the console the 徐汇店 manager sees the pickup and the marketer the redemption counted.
import { test, expect } from '@playwright/test'
import { signIn, watchProblems, settled, consolePath, api, staffToken, pictureShown } from '../support.js'
import { pngFile } from '../files.js'

const run = Date.now().toString(36)
const goodsName = `E2E保温杯-${run}`
let goodsId = null

async function ok(query, variables, token) {
  const data = await api(query, variables, token)
  for (const payload of Object.values(data)) {
    if (payload && payload.userErrors) expect(payload.userErrors).toEqual([])
  }
  return data
}
const field = (within, name) => within.locator(`input[data-test=${name}], [data-test=${name}] input`).first()

test.describe.serial('goods from the console, redeemed and picked up', () => {
  test('a marketer creates goods and puts them on sale', async ({ page }) => {
    const check = watchProblems(page)
    await signIn(page, 'MARKETER')
    await page.goto(consolePath('/mall'))
    await settled(page)
    await page.locator('[data-test=create-goods]').click()
    const form = page.locator('[data-test=goods-form]')
    await field(form, 'goods-name').fill(goodsName)
    await field(form, 'goods-points').fill('100')
    await field(form, 'goods-stock').fill('5')
    await form.locator('[data-test=picture-upload] input[type=file]').setInputFiles(pngFile('cup.png', 1600, 1200))
    // stored re-encoded (at most 1280 pixels a side) and shown from the server, not from the file
    await pictureShown(form.locator('[data-test=picture-preview]'))
    await expect.poll(() => form.locator('[data-test=picture-preview]').evaluate(img => img.naturalWidth)).toBe(1280)
    await page.locator('[data-test=goods-save]').click()
    await expect(page.locator('.el-message--success')).toContainText('商品已创建')
    await page.getByPlaceholder('按名称搜索').fill(goodsName)
    await page.getByPlaceholder('按名称搜索').blur()
    const row = page.locator('[data-test=goods-table] .el-table__body tr', { hasText: goodsName })
    await expect(row).toContainText('草稿')
    await row.getByRole('link', { name: goodsName }).click()
    await expect(page).toHaveURL(/\/mall\/\d+$/)
    goodsId = page.url().match(/\/mall\/(\d+)$/)[1]
    await pictureShown(page.locator('main [data-test=picture-preview]'))
    await page.locator('[data-test=publish]').click()
    await expect(page.locator('main')).toContainText('兑换中')
    await check()
  })

  test('小爱 redeems it for pickup at 徐汇店 and the clerk hands it over with her code (through the API)', async () => {
    const alice = (await ok('mutation { login(input: { code: "dev-alice" }) { accessToken userErrors { code message } } }')).login.accessToken
    const item = await ok('query($id: ID!) { mallItem(id: $id) { version pictureUrl pickupStores { storeId storeName } } }', { id: goodsId }, alice)
    // the member sees the uploaded picture's address (the mini-program shows it)
    expect(item.mallItem.pictureUrl).toMatch(/\/media\/[A-Za-z0-9_-]{43}\.jpg$/)
    const xuhui = item.mallItem.pickupStores.find(s => s.storeName === '徐汇店')
    const redeemed = await ok(`mutation($input: RedeemMallGoodsInput!) { redeemMallGoods(input: $input) {
        redemption { pickupCode state } userErrors { code message } } }`,
      { input: { goodsId, expectedVersion: item.mallItem.version, storeId: xuhui.storeId, idempotencyKey: `e2e-${run}` } }, alice)
    expect(redeemed.redeemMallGoods.redemption.state).toBe('AWAITING_PICKUP')
    const clerk = await staffToken('CLERK')
    const picked = await ok(`mutation($code: String!) { completeMallPickup(input: { code: $code }) {
        redemption { state } userErrors { code message } } }`, { code: redeemed.redeemMallGoods.redemption.pickupCode }, clerk)
    expect(picked.completeMallPickup.redemption.state).toBe('PICKED_UP')
  })

  test('the 徐汇店 manager sees the pickup, and the marketer the redemption counted', async ({ page, browser }) => {
    const check = watchProblems(page)
    await signIn(page, 'STORE_MANAGER')
    await page.goto(consolePath('/mall-redemptions?state=PICKED_UP'))
    await settled(page)
    await expect(page.locator('[data-test=redemption-table] .el-table__body tr', { hasText: goodsName })).toContainText('已提货')
    await check()

    const marketer = await (await browser.newContext()).newPage()
    const marketerCheck = watchProblems(marketer)
    await signIn(marketer, 'MARKETER')
    await marketer.goto(consolePath(`/mall/${goodsId}`))
    await settled(marketer)
    await expect(marketer.locator('[data-test=redeemed]')).toHaveText('1')
    await expect(marketer.locator('[data-test=stock]')).toHaveText('剩 4')
    await marketerCheck()
  })
})
