// Settings against the real backend (dev profile, fresh database with the demo brand): an admin
// edits a tier threshold and a member's progress changes; an admin opens a store (its mini-program
// code loads), hires a clerk there and resets the clerk's password; a store manager's staff list holds their store only.
import { test, expect } from '@playwright/test'
import { signIn, watchProblems, settled, consolePath } from '../support.js'

const API = `${process.env.CONSOLE_API_URL}/graphql`

/** One GraphQL request straight to the API (not through the page). */
async function api(query, variables = {}, token = null) {
  const response = await fetch(API, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables })
  })
  const json = await response.json()
  if (json.errors) throw new Error(JSON.stringify(json.errors))
  return json.data
}

async function staffLogin(username, password) {
  const { staffLogin: payload } = await api(`mutation ($u: String!, $p: String!) {
    staffLogin(input: { username: $u, password: $p }) { accessToken mustChangePassword userErrors { code message } }
  }`, { u: username, p: password })
  expect(payload.userErrors).toEqual([])
  return payload
}

/** The demo member 阿博 (bob)'s progress towards the next tier, as the API computes it now. */
async function bobsProgress(token) {
  const { findMembers } = await api('query { findMembers(search: { nickname: "阿博" }) { edges { node { id } } } }', {}, token)
  const id = findMembers.edges[0].node.id
  const { member } = await api(`query ($id: ID!) {
    member(id: $id) { member { tierProgress { current { name } next { name thresholdCents } spendNeededCents } } }
  }`, { id }, token)
  return member.member.tierProgress
}

test('an admin lowers 银卡\'s threshold from now on, and a member\'s progress shows the new amount still needed', async ({ page }) => {
  const check = watchProblems(page)
  const admin = await staffLogin('admin', 'admin-dev-password')
  const before = await bobsProgress(admin.accessToken)
  expect(before.next.name).toBe('银卡')
  const { programRules } = await api('query { programRules { tierWindowMonths } }')

  await signIn(page, 'ADMIN')
  // the demo scheduled version 2 for next month; a version from now needs it out of the way
  await page.goto(consolePath('/programme?tab=versions'))
  await settled(page)
  const scheduledRow = page.locator('.versions tbody tr', { hasText: '待生效' })
  await expect(scheduledRow).toHaveCount(1)
  await scheduledRow.getByRole('button', { name: '撤销' }).click()
  await page.locator('.el-message-box input').fill('改为立即下调银卡门槛')
  await page.locator('.el-message-box').getByRole('button', { name: '撤销' }).click()
  await expect(page.locator('.versions tbody tr', { hasText: '已撤销' })).toHaveCount(1)

  await page.getByRole('button', { name: '调整规则' }).click()
  await expect(page).toHaveURL(/\/programme\/edit$/)
  await settled(page)
  const threshold = page.locator('[data-test=tier-threshold-1] input')
  await threshold.fill('200')
  await threshold.blur()
  await page.locator('[data-test=reason]').fill('下调银卡门槛，吸引更多会员升级')
  await expect(page.locator('.changes')).toContainText('银卡 · 门槛（月均消费）')
  await expect(page.locator('.changes')).toContainText('¥200.00')
  await page.getByRole('button', { name: '发布新版本' }).click()
  await expect(page.locator('.el-message-box')).toContainText('新版本将立即生效')
  await page.getByRole('button', { name: '确认发布' }).click()

  await expect(page).toHaveURL(/\/programme$/)
  await settled(page)
  await expect(page.locator('.in-force')).toContainText('第 3 版')
  await expect(page.locator('.tiers tbody tr', { hasText: '银卡' })).toContainText('¥200.00')

  const after = await bobsProgress(admin.accessToken)
  expect(after.next).toEqual({ name: '银卡', thresholdCents: 20000 })
  expect(after.spendNeededCents).toBe(before.spendNeededCents - (before.next.thresholdCents - 20000) * programRules.tierWindowMonths)
  await check()
})

test('an admin opens a store, shows its mini-program code, hires a clerk there and resets the clerk\'s password', async ({ page }) => {
  const check = watchProblems(page)
  await signIn(page, 'ADMIN')
  await page.goto(consolePath('/stores'))
  await settled(page)
  await page.getByRole('button', { name: '新增门店' }).click()
  await page.locator('[data-test=store-name]').fill('长宁店')
  await page.locator('[data-test=store-address]').fill('上海市长宁区长宁路 1 号')
  await page.locator('.el-dialog').getByRole('button', { name: '保存' }).click()
  const storeRow = page.locator('.stores tbody tr', { hasText: '长宁店' })
  await expect(storeRow).toContainText('营业中')
  // its mini-program code for the counter: an image the backend serves
  await storeRow.getByRole('button', { name: '小程序码' }).click()
  const code = page.locator('.code-image')
  await expect(code).toBeVisible()
  await expect.poll(() => code.evaluate(img => img.complete && img.naturalWidth)).toBeGreaterThan(0)
  await page.keyboard.press('Escape')
  await expect(code).toBeHidden()

  await page.goto(consolePath('/staff'))
  await settled(page)
  await page.getByRole('button', { name: '新增员工' }).click()
  await page.locator('[data-test=new-username]').fill('e2e-clerk-changning')
  await page.locator('[data-test=new-password]').fill('first-password-1')
  await page.locator('[data-test=new-display-name]').fill('长宁店员')
  await page.locator('.el-dialog [data-test=new-store]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '长宁店' }).click()
  await page.locator('.el-dialog').getByRole('button', { name: '创建' }).click()
  const row = page.locator('.staff tbody tr', { hasText: 'e2e-clerk-changning' })
  await expect(row).toContainText('长宁店')
  await expect(row).toContainText('店员')

  await row.getByRole('button', { name: '重置密码' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '重置' }).click()
  const shown = page.locator('[data-test=temporary-password]')
  await expect(shown).not.toBeEmpty()
  const temporary = (await shown.textContent()).trim()
  await page.getByRole('button', { name: '我已记下' }).click()
  await expect(page.locator('[data-test=temporary-password]')).toHaveCount(0)

  const signedIn = await staffLogin('e2e-clerk-changning', temporary)
  expect(signedIn.mustChangePassword).toBe(true)
  await expect(row).toContainText('待改密码')
  await check()
})

test('a store manager\'s staff list holds their own store\'s staff only, and they manage its clerks', async ({ page }) => {
  const check = watchProblems(page)
  await signIn(page, 'STORE_MANAGER')
  await page.goto(consolePath('/staff?storeId=2'))
  await settled(page)
  const rows = page.locator('.staff tbody tr')
  await expect(rows.filter({ hasText: 'clerk-xuhui' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'manager-xuhui' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'jingan' })).toHaveCount(0)
  for (const text of await rows.allTextContents()) expect(text).toContain('徐汇店')
  await expect(rows.filter({ hasText: 'clerk-xuhui' }).getByRole('button', { name: '重置密码' })).toBeVisible()
  await expect(rows.filter({ hasText: 'manager-xuhui' }).getByRole('button')).toHaveCount(0)
  await expect(page.getByRole('button', { name: '调店' })).toHaveCount(0)
  await check()
})
