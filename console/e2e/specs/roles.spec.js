// Every role signs in and opens every page of its sidebar: each page settles without a script
// error, a CSP refusal, or an API answer of FORBIDDEN (the console never calls what the role may not).
import { test, expect } from '@playwright/test'
import { signIn, watchProblems, settled } from '../support.js'

for (const role of ['STORE_MANAGER', 'MARKETER', 'ADMIN', 'CLERK']) {
  test(`a ${role} opens every page of their sidebar without an error`, async ({ page }) => {
    const check = watchProblems(page)
    await signIn(page, role)
    const links = await page.locator('.el-menu-item').evaluateAll(items => items.map(i => i.textContent.trim()))
    expect(links.length).toBeGreaterThan(0)
    for (const name of links) {
      await page.locator('.el-menu-item', { hasText: name }).first().click()
      await expect(page.locator('.page-title')).not.toBeEmpty()
      await settled(page)
    }
    await check()
  })
}

test('a person who is not signed in is sent to the sign-in page, and back after signing in', async ({ page }) => {
  await page.goto('dashboard?period=30')
  await expect(page).toHaveURL(/\/console\/signin\?redirect=/)
  await page.getByLabel('用户名').fill('marketer-demo')
  await page.getByLabel('密码', { exact: true }).fill('demo-password')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/console\/dashboard\?period=30$/)
})

test('a wrong password is refused with the API\'s message', async ({ page }) => {
  await page.goto('signin')
  await page.getByLabel('用户名').fill('marketer-demo')
  await page.getByLabel('密码', { exact: true }).fill('not-the-password')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.locator('.el-alert--error')).toBeVisible()
  await expect(page).toHaveURL(/signin/)
})
