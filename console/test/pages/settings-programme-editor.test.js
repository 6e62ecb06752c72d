import { describe, test, expect, afterEach } from 'vitest'
import ProgrammeEditor from '../../src/pages/settings/ProgrammeEditor.vue'
import { mountPage, settle } from '../support/mount.js'
import { rules, version, failure } from './settings-fixtures.js'
import { answerMessageBox, messageBoxText, type, clearBody } from './settings-ui.js'

const newest = (...versions) => ({ programRulesVersions: { edges: versions.map(node => ({ node })) } })
const inForce = () => ({ ...version(3, 'IN_FORCE'), rules: rules() })
const scheduled = (vars) => ({ scheduleProgramRules: { scheduled: { version: 4, status: vars.input.effectiveFrom ? 'SCHEDULED' : 'IN_FORCE', effectiveFrom: '2026-12-07T01:00:00Z', reason: vars.input.reason }, userErrors: [] } })
const publish = wrapper => wrapper.findAll('button').find(b => b.text() === '发布新版本')

afterEach(clearBody)

// dialogs and Element Plus inputs make these slower than a plain page on a busy machine
describe('programme rules editor', { timeout: 20000 }, () => {
  test('lowering 银卡\'s threshold lists the change and publishes the whole rule set, effective now, based on the newest version', async () => {
    const { wrapper, calls, router } = await mountPage(ProgrammeEditor, {
      path: '/programme/edit',
      answers: { ConsoleNewestProgramRulesVersions: newest({ ...version(5, 'CANCELLED'), rules: rules() }, inForce()), ConsoleScheduleProgramRules: scheduled }
    })
    expect(wrapper.text()).toContain('基于第 3 版')
    expect(wrapper.text()).toContain('还没有改动')
    expect(publish(wrapper).attributes('disabled')).toBeDefined()

    await type('[data-test=tier-threshold-1]', '300')
    await type('[data-test=reason]', '下调银卡门槛')
    const changes = wrapper.find('.changes').text()
    expect(wrapper.text()).toContain('将要变更（1 项）')
    expect(changes).toContain('银卡 · 门槛（月均消费）')
    expect(changes).toContain('¥500.00')
    expect(changes).toContain('¥300.00')

    await publish(wrapper).trigger('click')
    await settle()
    expect(messageBoxText()).toContain('共 1 项改动，新版本将立即生效')
    await answerMessageBox()
    const input = calls.find(c => c.operationName === 'ConsoleScheduleProgramRules').variables.input
    expect(input).toMatchObject({ basedOnVersion: 3, effectiveFrom: null, reason: '下调银卡门槛' })
    expect(input.rules.tiers.map(t => t.thresholdCents)).toEqual([0, 30000, 100000, 200000])
    expect(input.rules.tiers[1].benefits).toEqual(['积分 1.2 倍', '生日礼券'])
    expect(input.rules.checkIn.rewards).toEqual([1, 2, 3, 4, 5, 6, 10])
    expect(input.rules).not.toHaveProperty('version')
    expect(router.currentRoute.value.fullPath).toBe('/programme')
  })

  test('a change to the check-in streak and the member days is listed in words', async () => {
    const { wrapper } = await mountPage(ProgrammeEditor, { path: '/programme/edit', answers: { ConsoleNewestProgramRulesVersions: newest(inForce()) } })
    await wrapper.findAll('button').find(b => b.text() === '加一天').trigger('click')
    await settle()
    const text = wrapper.find('.changes').text()
    expect(text).toContain('连续签到奖励')
    expect(text).toContain('第 8 天 0')
  })

  test('without a reason nothing is sent and the page says why', async () => {
    const { wrapper, calls } = await mountPage(ProgrammeEditor, { path: '/programme/edit', answers: { ConsoleNewestProgramRulesVersions: newest(inForce()) } })
    await type('[data-test=tier-threshold-2]', '900')
    await publish(wrapper).trigger('click')
    await settle()
    expect(wrapper.text()).toContain('请填写调整原因')
    expect(calls.some(c => c.operationName === 'ConsoleScheduleProgramRules')).toBe(false)
  })

  test('the API\'s refusal (another admin changed the rules) is shown next to the button', async () => {
    const { wrapper } = await mountPage(ProgrammeEditor, {
      path: '/programme/edit',
      answers: {
        ConsoleNewestProgramRulesVersions: newest(inForce()),
        ConsoleScheduleProgramRules: { scheduleProgramRules: { scheduled: null, userErrors: [{ field: ['input', 'basedOnVersion'], code: 'RULES_VERSION_CONFLICT', message: '规则已被修改（最新为第 4 版），请刷新后再改' }] } }
      }
    })
    await type('[data-test=tier-threshold-1]', '300')
    await type('[data-test=reason]', '下调银卡门槛')
    await publish(wrapper).trigger('click')
    await answerMessageBox()
    expect(wrapper.find('.problem').text()).toContain('规则已被修改（最新为第 4 版）')
    expect(wrapper.find('.problem').text()).toContain('basedOnVersion')
  })

  test('when the newest version is still to come, the new one cannot take effect now and starts from its time', async () => {
    const { wrapper } = await mountPage(ProgrammeEditor, {
      path: '/programme/edit',
      answers: { ConsoleNewestProgramRulesVersions: newest({ ...version(4, 'SCHEDULED', { effectiveFrom: '2099-01-01T00:00:00Z' }), rules: rules({ version: 4 }) }, inForce()) }
    })
    expect(wrapper.text()).toContain('基于第 4 版（待生效')
    const now = wrapper.findAll('.el-radio').find(r => r.text() === '立即生效')
    expect(now.classes()).toContain('is-disabled')
    const picker = document.querySelector('[data-test=effective-from]')
    expect((picker.matches('input') ? picker : picker.querySelector('input')).value).toContain('2099-01-01')
  })

  test('a version for later is sent with its time and then shown in the history', async () => {
    const { wrapper, calls, router } = await mountPage(ProgrammeEditor, {
      path: '/programme/edit',
      answers: {
        ConsoleNewestProgramRulesVersions: newest({ ...version(4, 'SCHEDULED', { effectiveFrom: '2099-01-01T00:00:00Z' }), rules: rules({ version: 4 }) }),
        ConsoleScheduleProgramRules: vars => ({ scheduleProgramRules: { scheduled: { version: 5, status: 'SCHEDULED', effectiveFrom: vars.input.effectiveFrom, reason: vars.input.reason }, userErrors: [] } })
      }
    })
    await type('[data-test=tier-threshold-3]', '1800')
    await type('[data-test=reason]', '黑钻门槛下调')
    await publish(wrapper).trigger('click')
    await settle()
    expect(messageBoxText()).toContain('新版本将2099/01/01 08:00 生效')
    await answerMessageBox()
    expect(calls.find(c => c.operationName === 'ConsoleScheduleProgramRules').variables.input).toMatchObject({ basedOnVersion: 4, effectiveFrom: '2099-01-01T00:00:00.000Z' })
    expect(router.currentRoute.value.fullPath).toBe('/programme?tab=versions&version=5')
  })

  test('a failed load says so and retries', async () => {
    let fail = true
    const { wrapper } = await mountPage(ProgrammeEditor, { path: '/programme/edit', answers: { ConsoleNewestProgramRulesVersions: () => (fail ? failure : newest(inForce())) } })
    expect(wrapper.find('[data-state=error]').exists()).toBe(true)
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('基于第 3 版')
  })
})
