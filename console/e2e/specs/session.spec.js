// The staff session in the browser: the refresh token is an httpOnly cookie script never sees, a
// reload keeps the sign-in, signing out ends it, 退出所有设备 ends the other browsers' too, and a reset
// password must be changed first.
import { test, expect } from '@playwright/test'
import { signIn, watchProblems, api, staffToken, ACCOUNTS } from '../support.js'

test('a reload keeps the sign-in, and no token is readable by script', async ({ page, context }) => {
  const check = watchProblems(page)
  await signIn(page, 'MARKETER')
  await page.reload()
  await expect(page.locator('[data-test=account-menu]')).toContainText('市场')
  const stored = await page.evaluate(() => ({ cookie: document.cookie, local: Object.entries(localStorage), session: Object.entries(sessionStorage).filter(([key]) => key !== 'vue-router:scroll') }))
  expect(stored).toEqual({ cookie: '', local: [], session: [] })
  const cookie = (await context.cookies()).find(c => c.name === 'loyalty_console_refresh')
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console/session' })
  await check()
})

test('退出登录 ends the sign-in: a reload asks to sign in again', async ({ page }) => {
  await signIn(page, 'MARKETER')
  await page.locator('[data-test=account-menu]').click()
  await page.getByRole('menuitem', { name: '退出登录' }).click()
  await expect(page).toHaveURL(/\/console\/signin/)
  await page.goto('audit')
  await expect(page).toHaveURL(/\/console\/signin/)
})

test('退出所有设备 ends the sign-in in another browser too', async ({ browser }) => {
  // an account of its own: the demo manager's sign-ins are used by the other tests
  const account = await newStaff('STORE_MANAGER', '分店长')
  const office = await (await browser.newContext()).newPage()
  const laptop = await (await browser.newContext()).newPage()
  await signIn(office, 'STORE_MANAGER', { account })
  await signIn(laptop, 'STORE_MANAGER', { account })
  await office.locator('[data-test=account-menu]').click()
  await office.getByRole('menuitem', { name: '退出所有设备' }).click()
  await office.getByRole('button', { name: '全部退出' }).click()
  await expect(office).toHaveURL(/\/console\/signin/)
  await laptop.reload()
  await expect(laptop).toHaveURL(/\/console\/signin/)
})

/** A new staff account at the first store, made by the admin through the API. */
async function newStaff(role, displayName) {
  const admin = await staffToken('ADMIN')
  const username = `e2e-${role.toLowerCase().replace('_', '-')}-${Date.now() % 1000000}`
  const stores = await api('{ stores(first: 1) { edges { node { id } } } }', {}, admin)
  const password = 'first-password-1'
  const created = await api(`mutation ($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } userErrors { message } } }`,
    { input: { username, password, role, storeId: stores.stores.edges[0].node.id, displayName } }, admin)
  return { id: created.createStaff.staff.id, username, password }
}

test('a clerk whose password was reset must change it before anything else', async ({ page }) => {
  const admin = await staffToken('ADMIN')
  const { id, username } = await newStaff('CLERK', '新店员')
  const reset = await api(`mutation ($input: ResetStaffPasswordInput!) { resetStaffPassword(input: $input) { temporaryPassword userErrors { message } } }`,
    { input: { staffId: id } }, admin)
  await signIn(page, 'CLERK', { account: { username, password: reset.resetStaffPassword.temporaryPassword } })
  await expect(page).toHaveURL(/\/console\/password/)
  await expect(page.getByText('你的密码已被重置，请先设置新密码')).toBeVisible()
  await page.goto('clerk')
  await expect(page).toHaveURL(/\/console\/password/)
  await page.getByLabel('当前密码').fill(reset.resetStaffPassword.temporaryPassword)
  await page.getByLabel('新密码', { exact: true }).fill('second-password-2')
  await page.getByLabel('确认新密码').fill('second-password-2')
  await page.getByRole('button', { name: '修改密码' }).click()
  await expect(page).toHaveURL(/\/console\/clerk/)
  await expect(page.getByText('你好，新店员')).toBeVisible()
  expect(ACCOUNTS.CLERK.username).not.toBe(username)
})
