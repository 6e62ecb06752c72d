import { describe, test, expect, afterEach } from 'vitest'
import AutomationRules from '../../src/pages/automation/AutomationRules.vue'
import FollowUpTasks from '../../src/pages/automation/FollowUpTasks.vue'
import SentNotifications from '../../src/pages/automation/SentNotifications.vue'
import { mountPage as mountOnce, settle } from '../support/mount.js'

// Each test's page is taken down after it, so a page left mounted never answers the next test's calls.
const mounted = []
const mountPage = async (...args) => { const page = await mountOnce(...args); mounted.push(page.wrapper); return page }
afterEach(() => { for (const wrapper of mounted.splice(0)) if (wrapper.vm) try { wrapper.unmount() } catch (e) { /* unmounted by the test */ } })

/** The dialog just opened (Element Plus puts dialogs at the end of the body). */
const lastDialog = () => [...document.body.querySelectorAll('.el-dialog')].at(-1)
const wait = ms => new Promise(resolve => setTimeout(resolve, ms))
const run = (asOf, acted) => ({ asOf, acted, ranAt: `${asOf}T00:30:00Z`, skippedNoConsent: 3, skippedPackArchived: 0 })
const rule = (name, overrides = {}) => ({
  id: String(name.length), rule: name, enabled: true, threshold: 30, packId: '3', message: '{nickname}，我们想您了', lastRuns: [], ...overrides
})
const RULES = {
  automationRules: [
    rule('DORMANT_30', { lastRuns: [run('2026-12-07', 14), run('2026-12-06', 9)] }),
    rule('DORMANT_60', { threshold: 60, packId: '4' }),
    rule('BIRTHDAY', { enabled: false, packId: null }),
    rule('PACK_FOLLOW_UP', { threshold: 7, packId: null, message: '回流券包 7 天未使用，请致电' }),
    rule('REPURCHASE', { threshold: 120, packId: null })
  ]
}
const PACKS = { couponPacks: { edges: [{ node: { id: '3', name: '回店礼包', status: 'ACTIVE' } }, { node: { id: '4', name: '国庆礼包', status: 'ARCHIVED' } }] } }
const rulesPage = (role, answers = {}, path = '/automation') =>
  mountPage(AutomationRules, { role, path, answers: { ConsoleAutomationRules: RULES, ConsoleAutomationPacks: PACKS, ...answers } })

describe('automation rules', () => {
  test('each rule shows its setting, pack, message and latest run', async () => {
    const { wrapper } = await rulesPage('MARKETER')
    const rows = wrapper.findAll('.rule-table > .el-table__inner-wrapper .el-table__body-wrapper tr.el-table__row').map(r => r.text())
    expect(rows[0]).toContain('30 天未消费唤醒')
    expect(rows[0]).toContain('30 天未消费')
    expect(rows[0]).toContain('回店礼包')
    expect(rows[0]).toContain('2026-12-07 触达 14 人')
    expect(rows[1]).toContain('国庆礼包（已下架）')
    expect(rows[2]).toContain('停用')
    expect(rows[2]).toContain('不送券（仅短信）')
    expect(rows[2]).toContain('还没有运行过')
    expect(rows[0]).toContain('编辑')
    expect(rows[3]).toContain('7 天未使用券包且未消费')
    expect(rows[3]).toContain('生成门店回访任务')
    expect(rows[4]).toContain('120%的平时购买间隔')
  })

  test('a store manager reads the rules but cannot edit them', async () => {
    const { wrapper } = await rulesPage('STORE_MANAGER')
    expect(wrapper.text()).toContain('30 天未消费唤醒')
    expect(wrapper.findAll('button').map(b => b.text())).not.toContain('编辑')
  })

  test('the enabled filter is in the URL', async () => {
    const { wrapper } = await rulesPage('MARKETER', {}, '/automation?enabled=false')
    expect(wrapper.text()).toContain('生日关怀')
    expect(wrapper.text()).not.toContain('30 天未消费唤醒')
  })

  test('editing a rule sends what changed; taking the pack away sends clearPack', async () => {
    const { wrapper, calls } = await rulesPage('MARKETER', {
      ConsoleUpdateAutomationRule: vars => ({ updateAutomationRule: { rule: rule(vars.input.rule), userErrors: [] } })
    })
    await wrapper.findAll('button').find(b => b.text() === '编辑').trigger('click')
    await settle()
    const dialog = lastDialog()
    expect(dialog.textContent).toContain('编辑：30 天未消费唤醒')
    const threshold = dialog.querySelector('.el-input-number input')
    threshold.value = '45'
    threshold.dispatchEvent(new Event('input'))
    threshold.dispatchEvent(new Event('change'))
    await settle()
    // clear the pack (the select's clear icon shows only under a hovering mouse)
    const select = wrapper.findAllComponents({ name: 'ElSelect' }).find(s => s.props('modelValue') === '3')
    select.vm.$emit('update:modelValue', '')
    await settle()
    ;[...dialog.querySelectorAll('button')].find(b => b.textContent.trim() === '保存').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleUpdateAutomationRule').variables.input).toEqual({
      rule: 'DORMANT_30', enabled: true, message: '{nickname}，我们想您了', threshold: 45, clearPack: true
    })
  })

  test('a refused change is shown at its field', async () => {
    const { wrapper } = await rulesPage('MARKETER', {
      ConsoleUpdateAutomationRule: { updateAutomationRule: { rule: null, userErrors: [{ field: ['input', 'message'], code: 'INVALID_INPUT', message: '短信内容须为 1 到 200 个字' }] } }
    })
    await wrapper.findAll('button').find(b => b.text() === '编辑').trigger('click')
    await settle()
    const dialog = lastDialog()
    ;[...dialog.querySelectorAll('button')].find(b => b.textContent.trim() === '保存').click()
    await settle()
    await wait(150)
    expect(dialog.querySelector('.el-form-item__error').textContent).toContain('短信内容须为 1 到 200 个字')
  })

  test('no rule set up shows the empty state; a failed load the error', async () => {
    const empty = await rulesPage('ADMIN', { ConsoleAutomationRules: { automationRules: [] } })
    expect(empty.wrapper.find('[data-state=empty]').text()).toContain('还没有设置自动化规则')
    empty.wrapper.unmount()
    const failed = await rulesPage('ADMIN', { ConsoleAutomationRules: { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } })
    expect(failed.wrapper.find('[data-state=error]').exists()).toBe(true)
  })
})

const task = (id, overrides = {}) => ({
  id, storeId: '1', reason: '60 天回流券包 7 天未使用', status: 'OPEN', note: null, dueOn: '2026-12-10',
  createdAt: '2026-12-03T01:00:00Z', updatedAt: null, member: { id: `m${id}`, nickname: `会员${id}`, phone: '138****1234' }, ...overrides
})
const tasks = nodes => ({ followUpTasks: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map(node => ({ node })) } })

describe('call list', () => {
  test('a clerk sees their store\'s open calls and records how one went', async () => {
    const { wrapper, calls } = await mountPage(FollowUpTasks, {
      role: 'CLERK', path: '/tasks',
      answers: {
        ConsoleFollowUpTasks: tasks([task('1')]),
        ConsoleUpdateFollowUpTask: { updateFollowUpTask: { task: { id: '1', status: 'REACHED', note: '下周到店', updatedAt: '2026-12-07T02:00:00Z' }, userErrors: [] } }
      }
    })
    expect(calls.find(c => c.operationName === 'ConsoleFollowUpTasks').variables).toEqual({ storeId: null, status: 'OPEN', after: null })
    const text = wrapper.text()
    expect(text).toContain('会员1')
    expect(text).toContain('138****1234')
    expect(text).toContain('待回访')
    expect(text).not.toContain('查看号码')
    await wrapper.findAll('button').find(b => b.text() === '记录回访').trigger('click')
    await settle()
    const dialog = lastDialog()
    const note = dialog.querySelector('textarea')
    note.value = '下周到店'
    note.dispatchEvent(new Event('input'))
    await settle()
    ;[...dialog.querySelectorAll('button')].find(b => b.textContent.trim() === '保存').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleUpdateFollowUpTask').variables.input).toEqual({ taskId: '1', status: 'REACHED', note: '下周到店' })
  })

  test('a manager may show the member\'s full number to call', async () => {
    const { wrapper, calls } = await mountPage(FollowUpTasks, {
      role: 'STORE_MANAGER', path: '/tasks',
      answers: { ConsoleFollowUpTasks: tasks([task('1')]), ConsoleRevealTaskPhone: { revealMemberPhone: { phone: '13812341234', userErrors: [] } } }
    })
    await wrapper.findAll('button').find(b => b.text() === '查看号码').trigger('click')
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleRevealTaskPhone').variables.input).toEqual({ memberId: 'm1', followUpTaskId: '1' })
    expect(wrapper.text()).toContain('13812341234')
  })

  test('an admin picks a store, kept in the URL with the status', async () => {
    const { wrapper, calls } = await mountPage(FollowUpTasks, { role: 'ADMIN', path: '/tasks?storeId=2&status=ALL', answers: { ConsoleFollowUpTasks: tasks([task('4', { storeId: '2', status: 'DONE' })]) } })
    expect(calls.find(c => c.operationName === 'ConsoleFollowUpTasks').variables).toEqual({ storeId: '2', status: null, after: null })
    expect(wrapper.text()).toContain('静安店')
    expect(wrapper.text()).toContain('完成')
  })

  test('no open call shows the empty state', async () => {
    const { wrapper } = await mountPage(FollowUpTasks, { role: 'STORE_MANAGER', path: '/tasks', answers: { ConsoleFollowUpTasks: tasks([]) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有待回访的会员')
  })
})

const message = (id, overrides = {}) => ({
  id, memberId: '12', recipient: '138****1234', purpose: 'CAMPAIGN_SMS', channel: 'SMS', status: 'SKIPPED', attempts: 0,
  dueAt: '2026-12-07T01:00:00Z', sentAt: null, lastError: 'no marketing consent', createdAt: '2026-12-07T01:00:00Z', ...overrides
})
const sent = nodes => ({ sentNotifications: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map(node => ({ node })) } })

describe('sent messages', () => {
  test('each message shows what it was for, where it went and why it was not sent', async () => {
    const { wrapper } = await mountPage(SentNotifications, { role: 'MARKETER', path: '/notifications', answers: { ConsoleSentNotifications: sent([message('1')]) } })
    const text = wrapper.text()
    expect(text).toContain('活动短信')
    expect(text).toContain('138****1234')
    expect(text).toContain('未发送')
    expect(text).toContain('no marketing consent')
  })

  test("an SMS shows the provider's delivery receipt, a template message its channel", async () => {
    const { wrapper } = await mountPage(SentNotifications, {
      role: 'ADMIN', path: '/notifications', answers: { ConsoleSentNotifications: sent([
        message('2', { status: 'SENT', lastError: null, delivery: { status: 'NOT_DELIVERED', at: '2026-12-07T10:00:05+08:00', note: 'MK:0001 空号' } }),
        message('3', { status: 'SENT', lastError: null, channel: 'OFFICIAL_ACCOUNT', purpose: 'POINTS_EXPIRING', delivery: null })
      ]) }
    })
    const receipts = wrapper.findAll('[data-delivery]').map(cell => cell.text())
    expect(receipts).toEqual(['未送达（MK:0001 空号）'])
    expect(wrapper.text()).toContain('公众号模板消息')
  })

  test('filters and days come from the URL; the last day is counted whole', async () => {
    const { calls } = await mountPage(SentNotifications, {
      role: 'ADMIN', path: '/notifications?status=FAILED&purpose=DORMANT_30&from=2026-12-01&to=2026-12-07', answers: { ConsoleSentNotifications: sent([]) }
    })
    expect(calls.find(c => c.operationName === 'ConsoleSentNotifications').variables.filter).toEqual({
      status: 'FAILED', channel: null, purpose: 'DORMANT_30', memberId: null, from: '2026-12-01T00:00:00+08:00', to: '2026-12-08T00:00:00+08:00'
    })
  })

  test('nothing sent shows the empty state', async () => {
    const { wrapper } = await mountPage(SentNotifications, { role: 'STORE_MANAGER', path: '/notifications', answers: { ConsoleSentNotifications: sent([]) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有符合条件的消息')
  })
})
