// Members end to end, against the real backend: a store manager finds a member of their store by
// phone, opens the 360° page, tags them and adjusts their points within the cap (and sees a larger
// grant go for approval); a marketer creates
// a rule tag and sees its member count. The member is made through the API as the mini-program would:
// WeChat sign-in at 徐汇店 (the fake WeChat: dev-<name>), the privacy notice, a bound phone, a purchase.
import { test, expect } from '@playwright/test'
import { signIn, watchProblems, settled, consolePath, api, staffToken } from '../support.js'

const run = Date.now().toString().slice(-8)
const phone = `139${run}`
const manualTag = `E2E常客${run}`
let memberId

test.beforeAll(async () => {
  const clerk = await staffToken('CLERK')
  const { currentStaff } = await api('{ currentStaff { storeId } }', {}, clerk)
  const { login } = await api('mutation($input: LoginInput!) { login(input: $input) { accessToken member { id } userErrors { code } } }',
    { input: { code: `dev-e2e${run}`, storeId: currentStaff.storeId } })
  memberId = login.member.id
  const member = login.accessToken
  const { myConsents } = await api('{ myConsents { currentNoticeVersion } }', {}, member)
  await api('mutation($input: UpdateConsentsInput!) { updateConsents(input: $input) { userErrors { code } } }',
    { input: { acceptNoticeVersion: myConsents.currentNoticeVersion } }, member)
  const { updateProfile } = await api('mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { userErrors { code } } }',
    { input: { nickname: `端到端${run}` } }, member)
  expect(updateProfile.userErrors).toEqual([])
  const { bindPhone } = await api('mutation($input: BindPhoneInput!) { bindPhone(input: $input) { userErrors { code message } } }',
    { input: { code: `phone-${phone}` } }, member)
  expect(bindPhone.userErrors).toEqual([])
  const { recordPurchase } = await api('mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { userErrors { code message } } }',
    { input: { memberId, orderNo: `E2E-${run}`, amountCents: 12800 } }, clerk)
  expect(recordPurchase.userErrors).toEqual([])
  const marketer = await staffToken('MARKETER')
  const { createTag } = await api('mutation($input: CreateTagInput!) { createTag(input: $input) { userErrors { code } } }',
    { input: { name: manualTag } }, marketer)
  expect(createTag.userErrors).toEqual([])
})

test('a store manager finds a member by phone, tags them and adjusts their points within the cap', async ({ page }) => {
  const check = watchProblems(page)
  await signIn(page, 'STORE_MANAGER')
  await page.goto(consolePath('/members'))
  await settled(page)
  await page.locator('input[data-test=member-search]').fill(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`)
  await page.locator('[data-test=member-search-button]').click()
  await expect(page).toHaveURL(/\/members\?q=/)
  await expect(page.locator('main')).toContainText('共 1 条')
  await expect(page.locator('main')).toContainText(`${phone.slice(0, 3)}****${phone.slice(7)}`)
  await page.locator('.member-link', { hasText: `端到端${run}` }).click()

  await expect(page).toHaveURL(new RegExp(`/members/${memberId}$`))
  await settled(page)
  await expect(page.locator('[data-test=member-name]')).toContainText(`端到端${run}`)
  const before = Number(await page.locator('[data-test=points-balance]').textContent())

  await page.getByRole('tab', { name: '标签' }).click()
  await expect(page).toHaveURL(/tab=tags/)
  await page.locator('.el-select', { hasText: '选择手动标签' }).click()
  await page.locator('.el-select-dropdown__item', { hasText: manualTag }).click()
  await page.getByLabel('添加原因').fill('端到端测试')
  await page.locator('[data-test=tag-add]').click()
  await expect(page.locator('[data-test=member-tags]')).toContainText(manualTag)

  await page.locator('[data-test=adjust-points]').click()
  await page.getByLabel('积分数').fill('100')
  await page.getByLabel('调整原因').fill(`端到端补发${run}`)
  await page.locator('[data-test=adjust-submit]').click()
  await expect(page.locator('[data-test=points-balance]')).toHaveText(String(before + 100))
  await page.getByRole('tab', { name: '积分明细' }).click()
  await expect(page.locator('[data-test=points-ledger]')).toContainText(`端到端补发${run}`)
  await expect(page.locator('[data-test=points-ledger]')).toContainText('+100')

  // above a store manager's cap (500 a grant) nothing moves: the API files it for an admin's approval
  await page.locator('[data-test=adjust-points]').click()
  await page.getByLabel('积分数').fill('600')
  await page.getByLabel('调整原因').fill(`端到端大额${run}`)
  await page.locator('[data-test=adjust-submit]').click()
  await expect(page.locator('[data-test=adjust-pending]')).toContainText('已提交审批')
  await expect(page.locator('[data-test=adjust-pending]')).toContainText('单次超过 500 积分')
  await page.getByRole('button', { name: '知道了' }).click()
  await expect(page.locator('[data-test=pending-alert]')).toContainText('+600 积分超过你的额度')
  await expect(page.locator('[data-test=points-balance]')).toHaveText(String(before + 100))

  // a reload shows the same: the tag and the balance are the API's, not the page's
  await page.reload()
  await settled(page)
  await expect(page.locator('[data-test=points-balance]')).toHaveText(String(before + 100))
  await page.getByRole('tab', { name: '标签' }).click()
  await expect(page.locator('[data-test=member-tags]')).toContainText(manualTag)
  await check()
})

test('a marketer creates a rule tag and sees how many members it has', async ({ page }) => {
  const check = watchProblems(page)
  const name = `E2E近30天消费${run}`
  await signIn(page, 'MARKETER')
  await page.goto(consolePath('/tags'))
  await settled(page)
  await page.locator('[data-test=tag-create]').click()
  await page.locator('input[data-test=tag-name]').fill(name)
  await page.getByLabel('天数').fill('30')
  await page.getByLabel('单数').fill('1')
  await page.locator('[data-test=tag-save]').click()
  await expect(page.locator('.el-message--success')).toContainText(`已创建标签“${name}”`)

  const marketer = await staffToken('MARKETER')
  const { tags } = await api('query($search: String) { tags(search: $search, first: 5) { edges { node { name memberCount } } } }', { search: name }, marketer)
  const count = tags.edges[0].node.memberCount
  expect(count).toBeGreaterThanOrEqual(1) // the member who bought in beforeAll, at least
  await expect(page.locator(`[data-tag="${name}"]`)).toHaveText(String(count))
  await expect(page.locator('[data-test=tag-table]')).toContainText('30 天内至少消费 1 单')

  await page.locator(`[data-tag="${name}"]`).click()
  await expect(page).toHaveURL(/\/members\?tags=\d+/)
  await settled(page)
  await expect(page.locator('main')).toContainText(`共 ${count} 条`)
  await check()
})
