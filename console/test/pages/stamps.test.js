import { describe, test, expect } from 'vitest'
import StampCards from '../../src/pages/stamps/StampCards.vue'
import TierBenefits from '../../src/pages/stamps/TierBenefits.vue'
import { settle } from '../support/mount.js'
import { mountPage, buttons, typeInto } from './coupons-fixtures.js'

const card = (id, overrides = {}) => ({
  id, name: '集五杯送一杯', status: 'ACTIVE', version: 1, storeId: null, stampsNeeded: 5, category: '咖啡', minPaidCents: null,
  period: 'CALENDAR_MONTH', periodDays: null, rewardPoints: 300, rewardCouponTemplateId: null, rule: '购买「咖啡」类商品',
  periodText: '自然月内（当月底结束）', reward: '奖励 300 积分', createdAt: '2026-11-01T02:00:00Z', updatedAt: '2026-11-02T02:00:00Z',
  stats: { running: 12, completed: 3, stamps: 48 }, ...overrides
})
const cards = nodes => ({ stampCards: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map(node => ({ node })) } })
const choices = { couponTemplates: { edges: [{ node: { id: '7', name: '生日蛋糕8折', status: 'ACTIVE', kind: 'PERCENT_OFF', storeIds: null } }] } }
const answers = (list, more = {}) => ({ ConsoleStampCards: cards(list), ConsoleCouponTemplateChoices: choices, ...more })

describe('stamp cards', () => {
  test('each card shows its store, rule, reward, members progress and status', async () => {
    const { wrapper, calls } = await mountPage(StampCards, {
      role: 'MARKETER', path: '/stamp-cards', answers: answers([card('1'), card('2', { name: '徐汇店烘焙卡', storeId: '1', status: 'ACTIVE', reward: '奖励「生日蛋糕8折」' })])
    })
    const rows = wrapper.findAll('[data-test=stamp-card-table] .el-table__body tr').map(r => r.text())
    expect(rows[0]).toContain('集五杯送一杯')
    expect(rows[0]).toContain('全部门店')
    expect(rows[0]).toContain('5 个章 · 购买「咖啡」类商品')
    expect(rows[0]).toContain('奖励 300 积分')
    expect(rows[0]).toContain('12 / 3')
    expect(rows[0]).toContain('进行中')
    expect(rows[1]).toContain('徐汇店')
    expect(calls.find(c => c.operationName === 'ConsoleStampCards').variables.filter).toEqual({ status: 'ACTIVE' })
    expect(buttons(wrapper, '暂停')).toHaveLength(2)
  })

  test('no cards and a failed load say so', async () => {
    const empty = await mountPage(StampCards, { role: 'ADMIN', path: '/stamp-cards', answers: answers([]) })
    expect(empty.wrapper.find('[data-state=empty]').text()).toContain('还没有进行中的集章卡')
    const failed = await mountPage(StampCards, {
      role: 'ADMIN', path: '/stamp-cards?status=PAUSED',
      answers: { ConsoleStampCards: { errors: [{ message: 'no', extensions: { classification: 'INTERNAL_ERROR' } }] }, ConsoleCouponTemplateChoices: choices }
    })
    expect(failed.wrapper.find('[data-state=error]').exists()).toBe(true)
  })

  test('a store manager runs only their own store’s cards', async () => {
    const { wrapper } = await mountPage(StampCards, {
      role: 'STORE_MANAGER', path: '/stamp-cards', answers: answers([card('1'), card('2', { storeId: '1', name: '本店卡' })])
    })
    expect(buttons(wrapper, '编辑')).toHaveLength(1)
    expect(buttons(wrapper, '停止')).toHaveLength(1)
  })

  test('pausing and resuming send the card and reload the list', async () => {
    const { wrapper, calls } = await mountPage(StampCards, {
      role: 'ADMIN', path: '/stamp-cards',
      answers: answers([card('4')], { ConsolePauseStampCard: { pauseStampCard: { stampCard: { id: '4', status: 'PAUSED' }, userErrors: [] } } })
    })
    await buttons(wrapper, '暂停')[0].trigger('click')
    await settle()
    expect(calls.find(c => c.operationName === 'ConsolePauseStampCard').variables).toEqual({ input: { id: '4' } })
    expect(calls.filter(c => c.operationName === 'ConsoleStampCards')).toHaveLength(2)
  })

  test('a marketer makes a card of a category with a points reward, and a card without a condition is not sent', async () => {
    const { wrapper, calls } = await mountPage(StampCards, {
      role: 'MARKETER', path: '/stamp-cards',
      answers: answers([], { ConsoleCreateStampCard: v => ({ createStampCard: { stampCard: card('9', v.input), userErrors: [] } }) })
    })
    await wrapper.find('[data-test=create-stamp-card]').trigger('click')
    await settle()
    const form = document.body.querySelector('[data-test=stamp-card-form]')
    await typeInto(form, 'stamp-name', '集五杯送一杯')
    document.body.querySelector('[data-test=stamp-save]').click()
    await settle()
    expect(form.textContent).toContain('请设置集章条件')
    expect(calls.find(c => c.operationName === 'ConsoleCreateStampCard')).toBeUndefined()

    await typeInto(form, 'stamp-category', '咖啡')
    document.body.querySelector('[data-test=stamp-save]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleCreateStampCard').variables.input).toEqual({
      name: '集五杯送一杯', storeId: null, stampsNeeded: 5, category: '咖啡', minPaidCents: null, period: 'CALENDAR_MONTH',
      periodDays: null, rewardPoints: 100, rewardCouponTemplateId: null
    })
  })

  test('editing saves a new version with the conditions left out cleared', async () => {
    const { wrapper, calls } = await mountPage(StampCards, {
      role: 'ADMIN', path: '/stamp-cards',
      answers: answers([card('3')], { ConsoleUpdateStampCard: v => ({ updateStampCard: { stampCard: card('3', { version: 2 }), userErrors: [] } }) })
    })
    await buttons(wrapper, '编辑')[0].trigger('click')
    await settle()
    const form = document.body.querySelector('[data-test=stamp-card-form]')
    expect(form.textContent).toContain('保存后成为新版本')
    await typeInto(form, 'stamp-min-paid', '30')
    document.body.querySelector('[data-test=stamp-save]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleUpdateStampCard').variables.input).toEqual({
      id: '3', name: '集五杯送一杯', stampsNeeded: 5, period: 'CALENDAR_MONTH', periodDays: null, category: '咖啡',
      minPaidCents: 3000, rewardPoints: 300
    })
  })
})

describe('a stamp card\'s version history', () => {
  const versions = [
    { version: 3, current: true, effectiveFrom: '2026-12-01T02:00:00Z', effectiveUntil: null,
      changedBy: { id: '14', username: 'admin', displayName: '管理员' }, stampsNeeded: 4, rule: '购买「咖啡」类商品',
      periodText: '自然月内（当月底结束）', reward: '奖励 500 积分', changes: ['奖励：300 积分 → 500 积分'], runningCards: 2 },
    { version: 2, current: false, effectiveFrom: '2026-11-15T02:00:00Z', effectiveUntil: '2026-12-01T02:00:00Z',
      changedBy: { id: '13', username: 'marketer', displayName: '市场小李' }, stampsNeeded: 4, rule: '购买「咖啡」类商品',
      periodText: '自然月内（当月底结束）', reward: '奖励 300 积分', changes: ['集章数：5 个 → 4 个'], runningCards: 7 },
    { version: 1, current: false, effectiveFrom: '2026-11-01T02:00:00Z', effectiveUntil: '2026-11-15T02:00:00Z',
      changedBy: null, stampsNeeded: 5, rule: '购买「咖啡」类商品', periodText: '自然月内（当月底结束）',
      reward: '奖励 300 积分', changes: [], runningCards: 0 }
  ]
  const open = async wrapper => {
    await wrapper.find('[data-test=stamp-card-table] .el-table__expand-icon').trigger('click')
    await settle()
  }

  test('opening a card lists every version, newest first: the current one, from when, who changed what', async () => {
    const { wrapper, calls } = await mountPage(StampCards, {
      role: 'MARKETER', path: '/stamp-cards',
      answers: answers([card('5', { version: 3 })], { ConsoleStampCardVersions: { stampCard: { id: '5', versions } } })
    })
    expect(calls.find(c => c.operationName === 'ConsoleStampCardVersions')).toBeUndefined()
    await open(wrapper)
    expect(calls.find(c => c.operationName === 'ConsoleStampCardVersions').variables).toEqual({ id: '5' })
    const items = wrapper.findAll('[data-test=stamp-card-version]').map(v => v.text())
    expect(items).toHaveLength(3)
    expect(items[0]).toContain('第 3 版')
    expect(items[0]).toContain('当前版本')
    expect(items[0]).toContain('2026/12/01 10:00 起')
    expect(items[0]).not.toContain('至')
    expect(items[0]).toContain('管理员（admin） 保存')
    expect(items[0]).toContain('奖励：300 积分 → 500 积分')
    expect(items[0]).toContain('2 张会员进行中的卡按此版本')
    expect(items[1]).not.toContain('当前版本')
    expect(items[1]).toContain('2026/11/15 10:00 起，至 2026/12/01 10:00')
    expect(items[1]).toContain('市场小李（marketer） 保存')
    expect(items[1]).toContain('集章数：5 个 → 4 个')
    expect(items[1]).toContain('7 张会员进行中的卡按此版本')
    expect(items[2]).toContain('首个版本：5 个章 · 购买「咖啡」类商品 · 自然月内（当月底结束） · 奖励 300 积分')
    expect(items[2]).toContain('未知 保存')
    expect(items[2]).toContain('没有会员进行中的卡按此版本')
  })

  test('while the history loads it says so, and a failed load offers 重试', async () => {
    let answer = () => new Promise(() => {})
    const { wrapper } = await mountPage(StampCards, {
      role: 'ADMIN', path: '/stamp-cards',
      answers: answers([card('5')], { ConsoleStampCardVersions: () => answer() })
    })
    await open(wrapper)
    const history = () => wrapper.find('[data-test=stamp-card-versions]')
    expect(history().find('[data-state=loading]').exists()).toBe(true)
    wrapper.unmount()

    answer = () => ({ errors: [{ message: 'no', extensions: { classification: 'INTERNAL_ERROR' } }] })
    const failed = await mountPage(StampCards, {
      role: 'ADMIN', path: '/stamp-cards',
      answers: answers([card('5')], { ConsoleStampCardVersions: () => answer() })
    })
    await open(failed.wrapper)
    const panel = failed.wrapper.find('[data-test=stamp-card-versions]')
    expect(panel.find('[data-state=error]').exists()).toBe(true)
    answer = () => ({ stampCard: { id: '5', versions: versions.slice(2) } })
    await panel.find('[data-state=error] button').trigger('click')
    await settle()
    expect(failed.wrapper.findAll('[data-test=stamp-card-version]')).toHaveLength(1)
  })
})

describe('tier benefits', () => {
  const tiers = { tierBenefits: [
    { tierLevel: 0, tierName: '普通', version: 0, changedBy: null, changedAt: null, items: [] },
    { tierLevel: 2, tierName: '金卡', version: 3, changedBy: '13', changedAt: '2026-11-02T02:00:00Z',
      items: [{ couponTemplateId: '7', couponName: '生日蛋糕8折', quantity: 2 }] }] }

  test('each tier shows its monthly coupons and version, and a marketer sets them', async () => {
    const { wrapper, calls } = await mountPage(TierBenefits, {
      role: 'MARKETER', path: '/tier-benefits',
      answers: { ConsoleTierBenefits: tiers, ConsoleCouponTemplateChoices: choices,
        ConsoleSetTierBenefits: v => ({ setTierBenefits: { benefits: tiers.tierBenefits[1], userErrors: [] } }) }
    })
    const rows = wrapper.findAll('[data-test=tier-benefit-table] .el-table__body tr').map(r => r.text())
    expect(rows[0]).toContain('未设置')
    expect(rows[1]).toContain('生日蛋糕8折 × 2')
    expect(rows[1]).toContain('第 3 版')
    await buttons(wrapper, '设置')[1].trigger('click')
    await settle()
    document.body.querySelector('[data-test=tier-benefit-save]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleSetTierBenefits').variables.input)
      .toEqual({ tierLevel: 2, items: [{ couponTemplateId: '7', quantity: 2 }] })
  })

  test('a store manager reads them without changing, and a failed load says so', async () => {
    const { wrapper } = await mountPage(TierBenefits, {
      role: 'STORE_MANAGER', path: '/tier-benefits', answers: { ConsoleTierBenefits: tiers, ConsoleCouponTemplateChoices: choices }
    })
    expect(buttons(wrapper, '设置')).toHaveLength(0)
    const failed = await mountPage(TierBenefits, {
      role: 'ADMIN', path: '/tier-benefits',
      answers: { ConsoleTierBenefits: { errors: [{ message: 'no', extensions: { classification: 'INTERNAL_ERROR' } }] }, ConsoleCouponTemplateChoices: choices }
    })
    expect(failed.wrapper.find('[data-state=error]').exists()).toBe(true)
  })
})
