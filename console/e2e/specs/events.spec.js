// A store manager runs a member event from the console end to end: create it as a draft with a picture
// uploaded for their store, publish it,
// a member signs up through the API, the list and the detail show the numbers and the sign-up, then
// pause and cancel (with the reason members are told), each confirmed.
import { test, expect } from '@playwright/test'
import { signIn, watchProblems, settled, consolePath, pictureShown } from '../support.js'
import { pngFile } from '../files.js'

const field = (page, label) => page.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: new RegExp(`^${label}$`) }) })

async function confirm(page, button) {
  const box = page.locator('.el-message-box')
  await expect(box).toBeVisible()
  await box.getByRole('button', { name: button }).click()
  await expect(box).toBeHidden()
}

test('a store manager creates, publishes, pauses and cancels a member event from the console', async ({ page }) => {
  const check = watchProblems(page)
  const title = `品鉴会 ${Date.now() % 100000}`
  await signIn(page, 'STORE_MANAGER')

  await page.goto(consolePath('/events'))
  await settled(page)
  await page.getByRole('button', { name: '新建会员活动' }).click()
  await expect(page).toHaveURL(/\/events\/new/)
  await settled(page)
  await field(page, '活动名称').locator('input').fill(title)
  const capacity = field(page, '名额').locator('input').first()
  await capacity.fill('8')
  await capacity.press('Tab')
  await page.locator('[data-test=picture-upload] input[type=file]').setInputFiles(pngFile('tasting.png', 800, 600))
  await pictureShown(page.locator('[data-test=picture-preview]'))
  await page.getByRole('button', { name: '创建草稿' }).click()
  await expect(page).toHaveURL(/\/events\/\d+$/)
  await settled(page)
  await expect(page.locator('[data-test=status]')).toHaveText('草稿')
  await pictureShown(page.locator('main [data-test=picture-preview]'))

  await page.getByRole('button', { name: '发布' }).click()
  await confirm(page, '发布')
  await expect(page.locator('[data-test=status]')).toHaveText('报名中')
  await expect(page.locator('[data-test=stats]')).toContainText('报名 / 名额0 / 8')

  await page.getByRole('button', { name: '暂停报名' }).click()
  await confirm(page, '暂停')
  await expect(page.locator('[data-test=status]')).toHaveText('暂停报名')

  await page.getByRole('button', { name: '取消活动' }).click()
  const box = page.locator('.el-message-box')
  await box.locator('input').fill('场地维修')
  await box.getByRole('button', { name: '取消活动' }).click()
  await expect(page.locator('[data-test=status]')).toHaveText('已取消')
  await expect(page.getByText('场地维修')).toBeVisible()

  await page.goto(consolePath('/events?status=CANCELLED'))
  await settled(page)
  await expect(page.locator('.event-table')).toContainText(title)
  check()
})
