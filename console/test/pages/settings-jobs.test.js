import { describe, test, expect, afterEach } from 'vitest'
import Jobs from '../../src/pages/settings/Jobs.vue'
import { mountPage } from '../support/mount.js'
import { answerMessageBox, messageBoxText, click, clearBody } from './settings-ui.js'

const rowOf = text => [...document.querySelectorAll('.jobs tbody tr')].find(tr => tr.textContent.includes(text))

afterEach(clearBody)

// dialogs and Element Plus inputs make these slower than a plain page on a busy machine
describe('jobs', { timeout: 20000 }, () => {
  test('an admin sees every job with what it does, and nothing run yet', async () => {
    const { wrapper } = await mountPage(Jobs, { path: '/jobs' })
    const text = wrapper.find('.jobs').text()
    for (const job of ['积分过期', '等级评估', '优惠券到期提醒', '会员分群', '自动化规则', '发送通知', '数据汇总', '推荐规则', '储值赠送金过期', '活动启停']) {
      expect(text).toContain(job)
    }
    expect(wrapper.find('[data-state=empty]').text()).toContain('还没有在这里运行过任务')
  })

  test('running a job for the date in the URL shows what the run did', async () => {
    const { wrapper, calls } = await mountPage(Jobs, {
      path: '/jobs?asOf=2026-12-01',
      answers: { ConsoleRunJob: vars => ({ runJob: { job: vars.input.job, asOf: vars.input.asOf, summary: 'reviewed 120 members, 3 dropped', userErrors: [] } }) }
    })
    await click('立即运行', rowOf('等级评估'))
    expect(messageBoxText()).toContain('以 2026-12-01 为业务日期运行「等级评估」')
    await answerMessageBox()
    expect(calls.find(c => c.operationName === 'ConsoleRunJob').variables).toEqual({ input: { job: 'TIER_REVIEW', asOf: '2026-12-01' } })
    const runs = wrapper.find('.runs').text()
    expect(runs).toContain('完成')
    expect(runs).toContain('reviewed 120 members, 3 dropped')
    expect(runs).toContain('2026-12-01')
  })

  test('a refused run is listed as failed with the API\'s reason', async () => {
    const { wrapper } = await mountPage(Jobs, {
      path: '/jobs',
      answers: { ConsoleRunJob: { runJob: { job: 'POINTS_EXPIRY', asOf: '2026-12-09', summary: 'refused', userErrors: [{ field: ['input', 'asOf'], code: 'INVALID_INPUT', message: '不能为未来的日期运行任务：今天是 2026-12-07' }] } } }
    })
    await click('立即运行', rowOf('积分过期'))
    await answerMessageBox()
    const runs = wrapper.find('.runs').text()
    expect(runs).toContain('失败')
    expect(runs).toContain('不能为未来的日期运行任务')
  })
})
