// Stamp cards and tier benefits against the real backend (dev profile, demo data): a marketer creates
// a stamp card, changes it (a new version, listed in its history), pauses, resumes and stops it, each
// seen in the list's status tabs; and sets 金卡's monthly benefit coupons (demo coupons 演示·…) and
// sees them listed with the new version.
import { test, expect } from '@playwright/test'
import { signIn, watchProblems, settled, consolePath } from '../support.js'

const run = Date.now().toString(36)
/** An Element Plus field by its data-test: the attribute is on the <input> or on its wrapper. */
const field = (within, name) => within.locator(`input[data-test=${name}], [data-test=${name}] input`).first()
const rowOf = (page, name) => page.locator('[data-test=stamp-card-table] .el-table__body tr', { hasText: name })

async function listed(page, status) {
  await page.goto(consolePath(`/stamp-cards?status=${status}`))
  await settled(page)
}

test('a marketer creates a stamp card, saves a new version, and pauses, resumes and stops it', async ({ page }) => {
  const check = watchProblems(page)
  const name = `E2E集章-${run}`
  await signIn(page, 'MARKETER')
  await listed(page, 'ACTIVE')

  await page.locator('[data-test=create-stamp-card]').click()
  const form = page.locator('[data-test=stamp-card-form]')
  await field(form, 'stamp-name').fill(name)
  await field(form, 'stamp-category').fill(`E2E咖啡${run}`)
  await page.locator('[data-test=stamp-save]').click()
  await expect(page.locator('.el-message--success').last()).toContainText('集章卡已创建')
  const row = rowOf(page, name)
  await expect(row).toContainText('5 个章 · 购买「E2E咖啡')
  await expect(row).toContainText('奖励 100 积分')
  await expect(row).toContainText('进行中')

  // a change of terms is a new version; members' running cards keep theirs
  await row.getByRole('button', { name: '编辑' }).click()
  const needed = field(form, 'stamp-needed')
  await needed.fill('6')
  await needed.press('Tab')
  await page.locator('[data-test=stamp-save]').click()
  await expect(page.locator('.el-message--success').last()).toContainText('已保存为新版本')
  await expect(row).toContainText('6 个章')
  await row.locator('.el-table__expand-icon').click()
  const versions = page.locator('[data-test=stamp-card-versions] [data-test=stamp-card-version]')
  await expect(versions).toHaveCount(2)
  await expect(versions.first()).toContainText('第 2 版')
  await expect(versions.first()).toContainText('当前版本')
  await expect(versions.first()).toContainText('集章数：5 个 → 6 个')
  await expect(versions.first()).toContainText('marketer-demo')
  await expect(versions.nth(1)).toContainText('首个版本：5 个章')

  await row.getByRole('button', { name: '暂停' }).click()
  await expect(page.locator('.el-message--success').last()).toContainText('已暂停')
  await expect(row).toHaveCount(0) // gone from 进行中
  await listed(page, 'PAUSED')
  await expect(row).toContainText('已暂停')

  await row.getByRole('button', { name: '恢复' }).click()
  await expect(page.locator('.el-message--success').last()).toContainText('已恢复集章')
  await listed(page, 'ACTIVE')
  await expect(row).toContainText('进行中')

  await row.getByRole('button', { name: '停止' }).click()
  const box = page.locator('.el-message-box')
  await expect(box).toContainText('不能恢复')
  await box.getByRole('button', { name: '停止' }).click()
  await expect(page.locator('.el-message--success').last()).toContainText('集章卡已停止')
  await listed(page, 'STOPPED')
  await expect(row).toContainText('已停止')
  await expect(row.getByRole('button', { name: '编辑' })).toHaveCount(0)
  await check()
})

test('a marketer sets 金卡\'s monthly benefit coupons and sees them listed', async ({ page }) => {
  const check = watchProblems(page)
  await signIn(page, 'MARKETER')
  await page.goto(consolePath('/tier-benefits'))
  await settled(page)
  const row = page.locator('[data-test=tier-benefit-table] .el-table__body tr', { hasText: '金卡' })
  const before = await row.textContent()
  const version = Number((before.match(/第 (\d+) 版/) || [0, 0])[1])

  await row.getByRole('button', { name: '设置' }).click()
  const form = page.locator('[data-test=tier-benefit-form]')
  // start from no coupon (a run before may have set some)
  while (await form.getByRole('button', { name: '移除' }).count()) await form.getByRole('button', { name: '移除' }).first().click()
  // the demo coupons allow one per member, so one of each a month
  for (const [coupon, quantity] of [['演示·满300减80', '1'], ['演示·满100减20', '1']]) {
    await form.getByRole('button', { name: '添加优惠券' }).click()
    const item = form.locator('.item').last()
    await item.locator('.choice').click()
    // in this select's own list: the one opened for the coupon before may still be fading out
    const list = await item.getByRole('combobox').getAttribute('aria-controls')
    await page.locator(`[id="${list}"]`).getByRole('option', { name: coupon, exact: true }).click()
    const count = item.locator('.el-input-number input')
    await count.fill(quantity)
    await count.press('Tab')
  }
  await page.locator('[data-test=tier-benefit-save]').click()
  await expect(page.locator('.el-message--success').last()).toContainText('已保存，下次发放起生效')

  await expect(row).toContainText('演示·满300减80 × 1')
  await expect(row).toContainText('演示·满100减20 × 1')
  await expect(row).toContainText(`第 ${version + 1} 版`)
  // and still so after a reload, as the API keeps it
  await page.reload()
  await settled(page)
  await expect(row).toContainText('演示·满300减80 × 1')
  await check()
})
