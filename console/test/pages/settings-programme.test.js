import { describe, test, expect, afterEach } from 'vitest'
import ProgrammeRules from '../../src/pages/settings/ProgrammeRules.vue'
import { mountPage, settle } from '../support/mount.js'
import { rules, version, connection, failure } from './settings-fixtures.js'
import { answerMessageBox, messageBoxText, dialogText, clearBody } from './settings-ui.js'

const current = (overrides = {}) => ({ programRules: { ...rules(), upcoming: null, ...overrides } })
const history = connection('programRulesVersions', [version(4, 'SCHEDULED', { effectiveFrom: '2027-01-01T00:00:00Z' }), version(3, 'IN_FORCE'), version(2, 'SUPERSEDED', { createdByStaff: null }), version(1, 'SUPERSEDED')])

afterEach(clearBody)

// dialogs and Element Plus inputs make these slower than a plain page on a busy machine
describe('programme rules', { timeout: 20000 }, () => {
  test('a marketer reads the rules in force: tiers with thresholds, the check-in streak and the other rules, but cannot change them', async () => {
    const { wrapper } = await mountPage(ProgrammeRules, { role: 'MARKETER', path: '/programme', answers: { ConsoleProgramRules: current() } })
    const text = wrapper.text()
    expect(text).toContain('第 3 版')
    expect(text).toContain('银卡')
    expect(text).toContain('¥500.00')
    expect(text).toContain('95 折')
    expect(text).toContain('第 7 天')
    expect(text).toContain('每月 8 日')
    expect(text).toContain('生日所在月')
    expect(text).toContain('获得当月后第 12 个月月底过期')
    expect(text).toContain('护肤 ×2')
    expect(text).toContain('欢迎加入')
    expect(text).not.toContain('调整规则')
  })

  test('an admin sees the coming version and may open the editor', async () => {
    const { wrapper, router } = await mountPage(ProgrammeRules, {
      path: '/programme',
      answers: { ConsoleProgramRules: current({ upcoming: { version: 4, effectiveFrom: '2027-01-01T00:00:00Z' } }) }
    })
    expect(wrapper.text()).toContain('第 4 版将于 2027/01/01 08:00 生效')
    await wrapper.findAll('button').find(b => b.text() === '调整规则').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/programme/edit')
  })

  test('the versions tab comes from the URL and lists each version with its status, author by name and reason', async () => {
    const { wrapper, calls } = await mountPage(ProgrammeRules, { role: 'MARKETER', path: '/programme?tab=versions', answers: { ConsoleProgramRules: current(), ConsoleProgramRulesVersions: history } })
    expect(calls.some(c => c.operationName === 'ConsoleProgramRulesVersions')).toBe(true)
    const text = wrapper.find('.versions').text()
    expect(text).toContain('待生效')
    expect(text).toContain('生效中')
    expect(text).toContain('已被取代')
    expect(text).toContain('李娜（ops-li）')
    // an author the API cannot name (no such account any more) still shows by id
    expect(text).toContain('员工 #14')
    expect(text).toContain('初始规则')
    expect(text).toContain('第 4 版的原因')
    expect(wrapper.text()).toContain('共 4 条')
    expect(text).not.toContain('撤销')
  })

  test('a shared link with ?version= opens that version in full', async () => {
    const { calls } = await mountPage(ProgrammeRules, {
      role: 'MARKETER',
      path: '/programme?tab=versions&version=2',
      answers: {
        ConsoleProgramRules: current(),
        ConsoleProgramRulesVersions: history,
        ConsoleProgramRulesVersion: { programRulesVersion: { ...version(2, 'SUPERSEDED'), rules: rules({ version: 2, pointsPerYuan: 5 }) } }
      }
    })
    expect(calls.find(c => c.operationName === 'ConsoleProgramRulesVersion').variables).toEqual({ version: 2 })
    const text = dialogText()
    expect(text).toContain('第 2 版规则')
    expect(text).toContain('已被取代')
    expect(text).toContain('5 积分')
    expect(text).toContain('第 2 版的原因')
    expect(text).toContain('李娜（ops-li）')
  })

  test('clicking 查看 puts the version in the URL', async () => {
    const { wrapper, router } = await mountPage(ProgrammeRules, {
      path: '/programme?tab=versions',
      answers: { ConsoleProgramRules: current(), ConsoleProgramRulesVersions: history, ConsoleProgramRulesVersion: { programRulesVersion: null } }
    })
    await wrapper.findAll('.versions button').find(b => b.text() === '查看').trigger('click')
    await settle()
    expect(router.currentRoute.value.query).toMatchObject({ tab: 'versions', version: '4' })
    expect(dialogText()).toContain('没有这个版本')
  })

  test('an admin cancels a scheduled version with a reason, and the list reloads', async () => {
    let cancelled = false
    const { wrapper, calls } = await mountPage(ProgrammeRules, {
      path: '/programme?tab=versions',
      answers: {
        ConsoleProgramRules: current(),
        ConsoleProgramRulesVersions: () => (cancelled
          ? connection('programRulesVersions', [version(4, 'CANCELLED'), version(3, 'IN_FORCE')])
          : history),
        ConsoleCancelScheduledProgramRules: vars => { cancelled = true; return { cancelScheduledProgramRules: { scheduled: { version: vars.input.version, status: 'CANCELLED', cancelledAt: '2026-12-07T01:00:00Z' }, userErrors: [] } } }
      }
    })
    const cancelButtons = wrapper.findAll('.versions button').filter(b => b.text() === '撤销')
    expect(cancelButtons).toHaveLength(1)
    await cancelButtons[0].trigger('click')
    await settle()
    expect(messageBoxText()).toContain('撤销第 4 版')
    await answerMessageBox({ input: '方案调整' })
    expect(calls.find(c => c.operationName === 'ConsoleCancelScheduledProgramRules').variables).toEqual({ input: { version: 4, reason: '方案调整' } })
    expect(wrapper.find('.versions').text()).toContain('已撤销')
  })

  test('a failed load says so and retries', async () => {
    let fail = true
    const { wrapper } = await mountPage(ProgrammeRules, { path: '/programme', answers: { ConsoleProgramRules: () => (fail ? failure : current()) } })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('银卡')
  })

  test('no versions yet shows the empty state', async () => {
    const { wrapper } = await mountPage(ProgrammeRules, { path: '/programme?tab=versions', answers: { ConsoleProgramRules: current(), ConsoleProgramRulesVersions: connection('programRulesVersions', []) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('还没有规则版本')
  })
})
