// Issue 26's "done": a manager who never saw GraphQL runs a monthly campaign end to end from the
// console. Signed in as the marketer: the step form (audience with its live count, control group,
// benefit, budget, monthly recurrence, SMS), 发布, the campaign RUNNING in the list, its numbers
// (treated against control, as the API counts them) with the uplift charts, then pause, resume and
// end, each confirmed. A launched campaign whose start has passed runs at once (the CAMPAIGNS job
// starts only scheduled ones and gives the monthly benefit on the 1st). And a store manager reads
// campaigns without any way to change them.
import { test, expect } from '@playwright/test'
import { signIn, watchProblems, settled, consolePath, api, staffToken } from '../support.js'

/** The form item labelled exactly `label`. */
const field = (page, label) => page.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: new RegExp(`^${label}$`) }) })

async function fillNumber(page, label, value) {
  const input = field(page, label).locator('input').first()
  await input.fill(String(value))
  await input.press('Tab')
  await expect(input).toHaveValue(String(value))
}

async function confirm(page, button) {
  const box = page.locator('.el-message-box')
  await expect(box).toBeVisible()
  await box.getByRole('button', { name: button }).click()
  await expect(box).toBeHidden()
}

const STATS = `query ($id: ID!) { campaign(id: $id) { status recurrence controlPercent budget message
  stats { audience treated control reached messagesQueued } } }`

test('a marketer runs a monthly campaign from the console: create, launch, see its numbers, pause, resume, end', async ({ page }) => {
  const check = watchProblems(page)
  const name = `每月老客回馈 ${Date.now()}`
  await signIn(page, 'MARKETER')

  await page.goto(consolePath('/campaigns'))
  await settled(page)
  await page.getByRole('button', { name: '新建活动' }).click()
  await expect(page).toHaveURL(/\/campaigns\/new/)
  await settled(page)

  // 1 受众: everyone, with the live count of who it would take
  await field(page, '活动名称').locator('input').fill(name)
  await page.getByText('按等级', { exact: true }).click()
  await expect(field(page, '预计人数')).toContainText('选择受众条件后显示预计人数')
  await page.getByText('全部会员', { exact: true }).click()
  const preview = page.locator('[data-test=audience-preview]')
  await expect(preview).toContainText(/现在符合条件 \d+ 人/)
  const previewed = Number((await preview.locator('.count').textContent()).trim())
  expect(previewed).toBeGreaterThan(0)
  await page.getByRole('button', { name: '下一步' }).click()

  // 2 对照组与权益: 50 points each, 20 % held out
  await fillNumber(page, '每人积分', 50)
  await fillNumber(page, '对照组', 20)
  await page.getByRole('button', { name: '下一步' }).click()

  // 3 预算与排期: budget, starting now, monthly
  await page.getByRole('button', { name: '下一步' }).click()
  await expect(field(page, '预算')).toContainText('请填写预算')
  await fillNumber(page, '预算', 500000)
  await page.getByText('每月（每月 1 日重新计算受众并发放）').click()
  await page.getByRole('button', { name: '下一步' }).click()

  // 4 短信
  await field(page, '短信内容').locator('textarea').fill('感谢您的支持，50 积分已到账')
  await page.getByRole('button', { name: '下一步' }).click()

  // 5 确认, then 发布
  const summary = page.locator('[data-test=summary]')
  await expect(summary).toContainText(name)
  await expect(summary).toContainText('每人 50 积分')
  await expect(summary).toContainText('20%')
  await expect(summary).toContainText('每月')
  await page.getByRole('button', { name: '发布' }).click()
  await confirm(page, '发布')
  await expect(page).toHaveURL(/\/campaigns\/\d+$/)
  const id = page.url().match(/\/campaigns\/(\d+)$/)[1]
  await settled(page)
  await expect(page.locator('[data-test=status]')).toHaveText('进行中')

  // RUNNING in the list
  await page.goto(consolePath('/campaigns?status=RUNNING'))
  await settled(page)
  const row = page.locator('.campaign-table tr', { hasText: name })
  await expect(row).toContainText('进行中')
  await expect(row).toContainText('普通活动 · 每月')

  // its numbers: treated and control as the API counts them, and the uplift charts
  const token = await staffToken('MARKETER')
  const { campaign } = await api(STATS, { id }, token)
  expect(campaign).toMatchObject({ status: 'RUNNING', recurrence: 'MONTHLY', controlPercent: 20, budget: 500000, message: '感谢您的支持，50 积分已到账' })
  expect(campaign.stats.treated).toBeGreaterThan(0)
  expect(campaign.stats.treated + campaign.stats.control).toBe(campaign.stats.audience)
  expect(campaign.stats.reached).toBe(campaign.stats.treated)
  // the CAMPAIGNS job (every five minutes) has nothing left to do for it this month: run by hand, no number moves
  const adminToken = await staffToken('ADMIN')
  await api('mutation { runJob(input: { job: CAMPAIGNS }) { summary userErrors { message } } }', {}, adminToken)
  expect((await api(STATS, { id }, token)).campaign.stats).toEqual(campaign.stats)
  await row.getByRole('link', { name }).click()
  await expect(page).toHaveURL(new RegExp(`/campaigns/${id}$`))
  await settled(page)
  const stats = page.locator('[data-test=stats]')
  await expect(stats).toContainText(`实验组${campaign.stats.treated} 人`)
  await expect(stats).toContainText(`对照组${campaign.stats.control} 人`)
  await expect(stats).toContainText(`获得权益${campaign.stats.reached} 人`)
  for (const n of [0, 1]) await expect(page.locator('.chart-panel').nth(n).locator('canvas').first()).toBeVisible()
  await page.locator('.chart-panel').first().getByRole('button', { name: '显示数据' }).click()
  await expect(page.locator('.chart-panel').first().locator('table')).toContainText('实验组')
  await expect(page.locator('.chart-panel').first().locator('table')).toContainText('对照组')

  // pause, resume, end: each asks first
  await page.getByRole('button', { name: '暂停' }).click()
  await confirm(page, '暂停')
  await expect(page.locator('[data-test=status]')).toHaveText('已暂停')
  await page.getByRole('button', { name: '恢复' }).click()
  await confirm(page, '恢复')
  await expect(page.locator('[data-test=status]')).toHaveText('进行中')
  await page.getByRole('button', { name: '结束' }).click()
  await confirm(page, '结束活动')
  await expect(page.locator('[data-test=status]')).toHaveText('已结束')
  await expect(page.getByRole('button', { name: '暂停' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0)
  expect((await api(STATS, { id }, token)).campaign.status).toBe('ENDED')
  await check()
})

test('a refusal from the API is shown at its field, on its step: points above the cap', async ({ page }) => {
  const check = watchProblems(page)
  await signIn(page, 'MARKETER')
  await page.goto(consolePath('/campaigns/new'))
  await settled(page)
  await field(page, '活动名称').locator('input').fill(`上限测试 ${Date.now()}`)
  await page.getByRole('button', { name: '下一步' }).click()
  await fillNumber(page, '每人积分', 2000000)
  await page.getByRole('button', { name: '下一步' }).click()
  await fillNumber(page, '预算', 1000)
  await page.getByRole('button', { name: '下一步' }).click()
  await page.getByRole('button', { name: '下一步' }).click()
  await page.getByRole('button', { name: '保存草稿' }).click()
  // points above loyalty.staff-caps.max-adjustment: the API names the field, the form opens its step
  await expect(field(page, '每人积分').locator('.el-form-item__error')).toBeVisible()
  await expect(page).toHaveURL(/\/campaigns\/new\?step=1/)
  await check()
})

test('a store manager reads campaigns and their numbers, without any way to change them', async ({ page }) => {
  const check = watchProblems(page)
  await signIn(page, 'STORE_MANAGER')
  await page.goto(consolePath('/campaigns'))
  await settled(page)
  await expect(page.locator('.campaign-table')).toContainText('每月消费前 20% 回馈')
  await expect(page.getByRole('button', { name: '新建活动' })).toHaveCount(0)
  await page.getByRole('link', { name: '每月消费前 20% 回馈' }).click()
  await settled(page)
  await expect(page.locator('[data-test=status]')).toHaveText('进行中')
  await expect(page.locator('[data-test=stats]')).toContainText('实验组')
  for (const action of ['编辑', '发布', '暂停', '恢复', '结束']) await expect(page.getByRole('button', { name: action, exact: true })).toHaveCount(0)
  await page.goto(consolePath('/campaigns/new'))
  await expect(page).toHaveURL(/\/forbidden/)
  await check()
})

test('a marketer tunes an automation rule, and the rules page and the API show the change', async ({ page }) => {
  const check = watchProblems(page)
  await signIn(page, 'MARKETER')
  await page.goto(consolePath('/automation'))
  await settled(page)
  const row = page.locator('.rule-table tr.el-table__row', { hasText: '30 天未消费唤醒' })
  await row.getByRole('button', { name: '编辑' }).click()
  const dialog = page.locator('.el-dialog', { hasText: '编辑：30 天未消费唤醒' })
  await expect(dialog).toBeVisible()
  const threshold = dialog.locator('.el-input-number input')
  await threshold.fill('35')
  await threshold.press('Tab')
  const text = `{nickname}，好久不见，回来看看吧 ${Date.now() % 1000}`
  await dialog.locator('textarea').fill(text)
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  await expect(row).toContainText('35 天未消费')
  await expect(row).toContainText(text)
  const { automationRule } = await api('query { automationRule(rule: DORMANT_30) { threshold message } }', {}, await staffToken('MARKETER'))
  expect(automationRule).toEqual({ threshold: 35, message: text })
  await check()
})

test('a clerk opens the store\'s call list from the home page; the status filter is in the URL', async ({ page }) => {
  const check = watchProblems(page)
  await signIn(page, 'CLERK')
  await page.getByRole('button', { name: '查看回访任务' }).click()
  await expect(page).toHaveURL(/\/tasks$/)
  await settled(page)
  await page.locator('.toolbar .el-select').first().click()
  await page.locator('.el-select-dropdown__item', { hasText: '全部状态' }).click()
  await expect(page).toHaveURL(/\/tasks\?status=ALL$/)
  await settled(page)
  await check()
})
