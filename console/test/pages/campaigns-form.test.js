import { describe, test, expect, afterEach } from 'vitest'
import CampaignForm from '../../src/pages/campaigns/CampaignForm.vue'
import { mountPage as mountOnce, settle } from '../support/mount.js'

// Each test's page is taken down after it, so a page left mounted never answers the next test's calls.
const mounted = []
const mountPage = async (...args) => { const page = await mountOnce(...args); mounted.push(page.wrapper); return page }
afterEach(() => { for (const wrapper of mounted.splice(0)) if (wrapper.vm) try { wrapper.unmount() } catch (e) { /* unmounted by the test */ } })

const OPTIONS = {
  tiers: [{ level: 0, name: '普通' }, { level: 1, name: '银卡' }, { level: 2, name: '金卡' }],
  tags: { edges: [{ node: { id: '5', name: '咖啡爱好者' } }] },
  couponPacks: { edges: [{ node: { id: '3', name: '回店礼包' } }] },
  savedMemberFilters: { edges: [{ node: { id: '9', name: '三个月没来的老客', memberCount: 42 } }] }
}
const PREVIEW = { campaignAudiencePreview: { count: 120, withoutMarketingConsent: 20, sample: [{ id: '1', nickname: '小*' }] } }
const campaign = (overrides = {}) => ({
  id: '7', name: '每月老客回馈', status: 'DRAFT', kind: 'STANDARD', benefit: 'POINTS', audience: 'EVERYONE', recurrence: 'MONTHLY',
  startsAt: '2026-12-01T00:00:00Z', endsAt: '2027-03-01T15:59:59Z', launchedAt: null, endedAt: null, memberDay: null, multiplier: null,
  controlPercent: 10, budget: 5000, topPercent: null, windowDays: null, message: '感谢支持', messageChannel: 'SMS',
  tiers: null, memberIds: null, tagIds: null, stages: null, segments: null, filter: null, packId: null, points: 50, ...overrides
})
const FILTER = {
  tags: ['5'], tiers: [1], stages: null, rfmSegments: null, quadrants: ['HIGH_FREQUENCY_HIGH_VALUE'],
  lastPurchaseBefore: null, lastPurchaseAfter: '2026-09-01T00:00:00+08:00', registeredAfter: null, registeredBefore: null,
  storeId: null, birthdayMonth: 3
}
const saved = (c = campaign()) => ({ campaign: c, userErrors: [] })

async function open(path = '/campaigns/new', answers = {}, role = 'MARKETER') {
  return mountPage(CampaignForm, {
    role, path, routePath: path.includes('/edit') ? '/campaigns/:id/edit' : '/campaigns/new',
    answers: { ConsoleCampaignFormOptions: OPTIONS, ConsoleCampaignAudiencePreview: PREVIEW, ...answers }
  })
}
const wait = ms => new Promise(resolve => setTimeout(resolve, ms))
const button = (wrapper, text) => wrapper.findAll('button').find(b => b.text() === text)
async function click(wrapper, text) {
  const found = button(wrapper, text)
  if (!found) throw new Error(`no button ${text}: ${wrapper.text()}`)
  await found.trigger('click')
  await settle()
}
async function choose(wrapper, label) {
  const option = wrapper.findAll('label').find(l => l.text() === label)
  if (!option) throw new Error(`no choice ${label}`)
  await option.find('input').setValue(true)
  await settle()
}
/** The error under a field (Element Plus shows it after a 100 ms debounce). */
async function errorAt(wrapper, label) {
  await wait(150)
  const error = field(wrapper, label).find('.el-form-item__error')
  return error.exists() ? error.text() : ''
}
const field = (wrapper, label) => wrapper.findAll('.el-form-item').find(f => f.find('.el-form-item__label').text() === label)
async function fillNumber(wrapper, label, value) {
  const input = field(wrapper, label).find('input')
  await input.setValue(String(value))
  await input.trigger('change')
  await settle()
}
async function confirmDialog() {
  await settle()
  const ok = document.body.querySelector('.el-message-box__btns .el-button--primary')
  ok.click()
  await wait(10)
  await settle()
}

describe('campaign step form', () => {
  test('the audience shows a live count of who it would take, asked once the choice settles', async () => {
    const { wrapper, calls } = await open()
    await choose(wrapper, '按等级')
    await choose(wrapper, '银卡')
    await choose(wrapper, '金卡')
    await wait(450)
    await settle()
    const previews = calls.filter(c => c.operationName === 'ConsoleCampaignAudiencePreview')
    expect(previews.at(-1).variables.input).toEqual({ audience: 'TIERS', tiers: [1, 2] })
    expect(previews.some(c => JSON.stringify(c.variables.input) === JSON.stringify({ audience: 'TIERS', tiers: [1] }))).toBe(false)
    const text = wrapper.find('[data-test=audience-preview]').text()
    expect(text).toContain('120')
    expect(text).toContain('20 人未同意营销')
    expect(text).toContain('小*')
  })

  test('a step with a missing field says so and stays', async () => {
    const { wrapper } = await open()
    await click(wrapper, '下一步')
    expect(await errorAt(wrapper, '活动名称')).toBe('请填写活动名称')
    expect(field(wrapper, '每人积分')).toBeUndefined()
  })

  test('a monthly points campaign goes through the steps and is saved as a draft', async () => {
    const { wrapper, calls, router } = await open('/campaigns/new', { ConsoleCreateCampaign: { createCampaign: saved() } })
    await field(wrapper, '活动名称').find('input').setValue('每月老客回馈')
    await click(wrapper, '下一步')
    await fillNumber(wrapper, '每人积分', 200)
    await fillNumber(wrapper, '对照组', 15)
    await click(wrapper, '下一步')
    await fillNumber(wrapper, '预算', 5000)
    await choose(wrapper, '每月（每月 1 日重新计算受众并发放）')
    await click(wrapper, '下一步')
    await field(wrapper, '短信内容').find('textarea').setValue('感谢您的支持，200 积分已到账')
    await click(wrapper, '下一步')
    const summary = wrapper.find('[data-test=summary]').text()
    expect(summary).toContain('每人 200 积分')
    expect(summary).toContain('每月')
    expect(summary).toContain('15%')
    await click(wrapper, '保存草稿')
    const input = calls.find(c => c.operationName === 'ConsoleCreateCampaign').variables.input
    expect(input).toMatchObject({
      name: '每月老客回馈', audience: 'EVERYONE', benefit: 'POINTS', points: 200, controlPercent: 15, budget: 5000,
      recurrence: 'MONTHLY', kind: 'STANDARD', message: '感谢您的支持，200 积分已到账', messageChannel: 'SMS'
    })
    expect(input.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+08:00$/)
    expect(calls.some(c => c.operationName === 'ConsoleLaunchCampaign')).toBe(false)
    expect(router.currentRoute.value.path).toBe('/campaigns/7')
  })

  test('发布 saves the draft and launches it after a confirmation', async () => {
    const { wrapper, calls, router } = await open('/campaigns/new', {
      ConsoleCreateCampaign: { createCampaign: saved() },
      ConsoleLaunchCampaign: { launchCampaign: { ...saved(campaign({ status: 'RUNNING' })), launch: { reached: 90, skippedHoldingCoupon: 0, skippedNotEligible: 0, leftOutByBudget: 0, budgetUsed: 18000 } } }
    })
    await field(wrapper, '活动名称').find('input').setValue('老客回馈')
    await goto(wrapper, '/campaigns/new?step=2')
    await fillNumber(wrapper, '预算', 100000)
    await goto(wrapper, '/campaigns/new?step=4')
    await click(wrapper, '发布')
    await confirmDialog()
    expect(calls.map(c => c.operationName).filter(n => /Create|Launch/.test(n))).toEqual(['ConsoleCreateCampaign', 'ConsoleLaunchCampaign'])
    expect(calls.find(c => c.operationName === 'ConsoleLaunchCampaign').variables).toEqual({ campaignId: '7' })
    expect(router.currentRoute.value.path).toBe('/campaigns/7')
  })

  test('a draft may not be saved without its budget: the form opens that step', async () => {
    const { wrapper, calls } = await open('/campaigns/new')
    await field(wrapper, '活动名称').find('input').setValue('老客回馈')
    await goto(wrapper, '/campaigns/new?step=4')
    await click(wrapper, '保存草稿')
    expect(await errorAt(wrapper, '预算')).toBe('请填写预算')
    expect(calls.some(c => c.operationName === 'ConsoleCreateCampaign')).toBe(false)
  })

  test('the API\'s refusal is shown at its field, on its step', async () => {
    const { wrapper } = await open('/campaigns/new', {
      ConsoleCreateCampaign: { createCampaign: { campaign: null, userErrors: [{ field: ['input', 'budget'], code: 'INVALID_INPUT', message: '预算须在 1 到 10^12 之间' }] } }
    })
    await field(wrapper, '活动名称').find('input').setValue('大促')
    await goto(wrapper, '/campaigns/new?step=2')
    await fillNumber(wrapper, '预算', 5)
    await goto(wrapper, '/campaigns/new?step=4')
    await click(wrapper, '保存草稿')
    expect(await errorAt(wrapper, '预算')).toBe('预算须在 1 到 10^12 之间')
  })

  test('a running campaign changes only its name, end, budget and message, and sends only what changed', async () => {
    const { wrapper, calls, router: r } = await open('/campaigns/7/edit?step=2', {
      ConsoleCampaign: { campaign: { ...campaign({ status: 'RUNNING', launchedAt: '2026-12-01T00:00:00Z' }), stats: {} } },
      ConsoleUpdateCampaign: { updateCampaign: saved(campaign({ status: 'RUNNING', budget: 8000 })) }
    })
    expect(wrapper.text()).toContain('活动已开始：只能修改名称、结束时间、预算和短信内容')
    expect(field(wrapper, '发放周期').findAll('input').every(i => i.element.disabled)).toBe(true)
    expect(field(wrapper, '开始时间').find('input').element.disabled).toBe(true)
    await fillNumber(wrapper, '预算', 8000)
    await goto(wrapper, '/campaigns/7/edit?step=4')
    expect(button(wrapper, '发布')).toBeUndefined()
    await click(wrapper, '保存修改')
    expect(calls.find(c => c.operationName === 'ConsoleUpdateCampaign').variables.input).toEqual({ campaignId: '7', budget: 8000 })
    expect(r.currentRoute.value.path).toBe('/campaigns/7')
  })

  test('editing a draft starts from every field it was set up with, and saving it unchanged sends nothing', async () => {
    const draft = campaign({ audience: 'TAGS', tagIds: ['5'], benefit: 'COUPON_PACK', packId: '3', points: null, recurrence: 'NONE' })
    const { wrapper, calls, router: r } = await open('/campaigns/7/edit', { ConsoleCampaign: { campaign: { ...draft, stats: {} } } })
    expect(field(wrapper, '活动名称').find('input').element.value).toBe('每月老客回馈')
    expect(field(wrapper, '标签').text()).toContain('咖啡爱好者')
    expect(wrapper.text()).not.toContain('不变')
    await goto(wrapper, '/campaigns/7/edit?step=1')
    expect(field(wrapper, '券包').text()).toContain('回店礼包')
    await goto(wrapper, '/campaigns/7/edit?step=4')
    const summary = wrapper.find('[data-test=summary]').text()
    expect(summary).toContain('咖啡爱好者')
    expect(summary).toContain('券包：回店礼包')
    await click(wrapper, '保存草稿')
    expect(calls.some(c => c.operationName === 'ConsoleUpdateCampaign')).toBe(false)
    expect(r.currentRoute.value.path).toBe('/campaigns/7')
  })

  test('a draft\'s points and member list are filled in; changing the points sends only them', async () => {
    const draft = campaign({ audience: 'MEMBERS', memberIds: ['101', '102'], points: 80 })
    const { wrapper, calls } = await open('/campaigns/7/edit', {
      ConsoleCampaign: { campaign: { ...draft, stats: {} } },
      ConsoleUpdateCampaign: { updateCampaign: saved(campaign({ points: 120 })) }
    })
    expect(field(wrapper, '会员 ID').text()).toContain('101')
    expect(field(wrapper, '会员 ID').text()).toContain('102')
    await goto(wrapper, '/campaigns/7/edit?step=1')
    expect(field(wrapper, '每人积分').find('input').element.value).toBe('80')
    await fillNumber(wrapper, '每人积分', 120)
    await goto(wrapper, '/campaigns/7/edit?step=4')
    await click(wrapper, '保存草稿')
    expect(calls.find(c => c.operationName === 'ConsoleUpdateCampaign').variables.input).toEqual({ campaignId: '7', points: 120 })
  })

  test('a draft for a member filter shows its conditions to edit, and a change sends the whole filter, conditions the form does not edit included', async () => {
    const draft = campaign({ audience: 'FILTER', filter: FILTER })
    const { wrapper, calls } = await open('/campaigns/7/edit', {
      ConsoleCampaign: { campaign: { ...draft, stats: {} } },
      ConsoleUpdateCampaign: { updateCampaign: saved(draft) }
    })
    expect(field(wrapper, '条件来源').find('input[value=inline]').element.checked).toBe(true)
    expect(field(wrapper, '等级').find('input[value="1"]').element.checked).toBe(true)
    expect(field(wrapper, '标签').text()).toContain('咖啡爱好者')
    expect(field(wrapper, '最近消费').find('input').element.value).toBe('2026-09-01')
    expect(field(wrapper, '生日月份').text()).toContain('3 月')
    await choose(wrapper, '金卡')
    await goto(wrapper, '/campaigns/7/edit?step=4')
    await click(wrapper, '保存草稿')
    expect(calls.find(c => c.operationName === 'ConsoleUpdateCampaign').variables.input).toEqual({
      campaignId: '7',
      filter: { tags: ['5'], tiers: [1, 2], lastPurchaseAfter: '2026-09-01T00:00:00+08:00', birthdayMonth: 3, quadrants: ['HIGH_FREQUENCY_HIGH_VALUE'] }
    })
  })

  test('an ended campaign cannot be edited', async () => {
    const { wrapper } = await open('/campaigns/7/edit', { ConsoleCampaign: { campaign: { ...campaign({ status: 'ENDED' }), stats: {} } } })
    expect(wrapper.find('[data-test=ended]').text()).toContain('活动已结束，不能修改')
  })

  test('a failed load of the form\'s choices says so and retries', async () => {
    let fail = true
    const { wrapper } = await open('/campaigns/new', {
      ConsoleCampaignFormOptions: () => (fail ? { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } : OPTIONS)
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(field(wrapper, '活动名称')).toBeDefined()
  })

  test('a campaign that does not exist says so', async () => {
    const { wrapper } = await open('/campaigns/99/edit', { ConsoleCampaign: { campaign: null } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('活动不存在')
  })
})

async function goto(wrapper, path) {
  await wrapper.vm.$router.replace(path)
  await settle()
}
