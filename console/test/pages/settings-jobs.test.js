import { describe, test, expect, afterEach } from 'vitest'
import Jobs from '../../src/pages/settings/Jobs.vue'
import { mountPage } from '../support/mount.js'
import { connection, failure } from './settings-fixtures.js'
import { answerMessageBox, messageBoxText, click, clearBody } from './settings-ui.js'
import { JOB_NAMES } from '../../src/graphql/settings.js'

const rowOf = text => [...document.querySelectorAll('.jobs tbody tr')].find(tr => tr.textContent.includes(text))
const jobRun = (id, job, overrides = {}) => ({
  id, job, asOf: '2026-12-06', startedAt: '2026-12-05T16:20:00Z', finishedAt: '2026-12-05T16:20:04Z', outcome: 'DONE',
  summary: 'reviewed 120 members, 3 dropped', ...overrides
})
/** ConsoleLastJobRuns: one alias per job, with the given last runs. */
const lastRuns = (runs = {}) => Object.fromEntries(JOB_NAMES.map(job => [job, { edges: runs[job] ? [{ node: runs[job] }] : [] }]))
const quiet = { ConsoleLastJobRuns: lastRuns(), ConsoleJobRuns: connection('jobRuns', []) }

afterEach(clearBody)

// dialogs and Element Plus inputs make these slower than a plain page on a busy machine
describe('jobs', { timeout: 20000 }, () => {
  test('an admin sees every job with what it does and how its last run ended', async () => {
    const { wrapper } = await mountPage(Jobs, {
      path: '/jobs',
      answers: {
        ...quiet,
        ConsoleLastJobRuns: lastRuns({
          TIER_REVIEW: jobRun('7', 'TIER_REVIEW', { asOf: '2026-12-01' }),
          POINTS_EXPIRY: jobRun('8', 'POINTS_EXPIRY', { outcome: 'FAILED', finishedAt: null, summary: 'failed: timeout' })
        })
      }
    })
    const text = wrapper.find('.jobs').text()
    for (const job of ['积分过期', '等级评估', '优惠券到期提醒', '会员分群', '自动化规则', '发送通知', '数据汇总', '积分与券汇总', '推荐规则', '储值赠送金过期', '注销账号清除', '日志保留期清理', '活动启停']) {
      expect(text).toContain(job)
    }
    expect(rowOf('等级评估').textContent).toContain('完成')
    expect(rowOf('等级评估').textContent).toContain('2026-12-01')
    expect(rowOf('积分过期').textContent).toContain('失败')
    expect(rowOf('优惠券到期提醒').textContent).toContain('从未运行')
    expect(wrapper.find('[data-state=empty]').text()).toContain('还没有运行记录')
  })

  test('the recorded runs are listed newest first with their date, outcome and summary', async () => {
    const { wrapper, calls } = await mountPage(Jobs, {
      path: '/jobs',
      answers: {
        ...quiet,
        ConsoleJobRuns: connection('jobRuns', [
          jobRun('9', 'SEND_NOTIFICATIONS', { asOf: '2026-12-07', finishedAt: null, outcome: 'UNFINISHED', summary: null }),
          jobRun('8', 'POINTS_EXPIRY', { outcome: 'FAILED', finishedAt: null, summary: 'failed: IllegalStateException: disk full' }),
          jobRun('7', 'TIER_REVIEW')
        ], { hasNextPage: true, totalCount: 41 })
      }
    })
    expect(calls.find(c => c.operationName === 'ConsoleJobRuns').variables).toEqual({ job: null, after: null })
    const rows = [...document.querySelectorAll('.runs tbody tr')].map(tr => tr.textContent)
    expect(rows[0]).toContain('发送通知')
    expect(rows[0]).toContain('未完成')
    expect(rows[0]).toContain('运行中，或所在实例中途停止')
    expect(rows[1]).toContain('积分过期')
    expect(rows[1]).toContain('失败')
    expect(rows[1]).toContain('disk full')
    expect(rows[2]).toContain('等级评估')
    expect(rows[2]).toContain('2026-12-06')
    expect(rows[2]).toContain('reviewed 120 members, 3 dropped')
    expect(wrapper.text()).toContain('共 41 条')
  })

  test('the job in the URL narrows the runs; 运行记录 on a row puts its job there', async () => {
    const { wrapper, calls, router } = await mountPage(Jobs, { path: '/jobs?job=TIER_REVIEW', answers: quiet })
    expect(calls.find(c => c.operationName === 'ConsoleJobRuns').variables).toEqual({ job: 'TIER_REVIEW', after: null })
    expect(wrapper.find('[data-state=empty]').text()).toContain('「等级评估」还没有运行记录')

    await click('运行记录', rowOf('储值赠送金过期'))
    expect(router.currentRoute.value.query.job).toBe('WALLET_BONUS_EXPIRY')
    expect(calls.filter(c => c.operationName === 'ConsoleJobRuns').at(-1).variables).toEqual({ job: 'WALLET_BONUS_EXPIRY', after: null })
  })

  test('running a job for the date in the URL says what the run did and reloads the runs', async () => {
    let ran = false
    const { wrapper, calls } = await mountPage(Jobs, {
      path: '/jobs?asOf=2026-12-01',
      answers: {
        ConsoleLastJobRuns: () => lastRuns(ran ? { TIER_REVIEW: jobRun('10', 'TIER_REVIEW', { asOf: '2026-12-01' }) } : {}),
        ConsoleJobRuns: () => connection('jobRuns', ran ? [jobRun('10', 'TIER_REVIEW', { asOf: '2026-12-01' })] : []),
        ConsoleRunJob: vars => { ran = true; return { runJob: { job: vars.input.job, asOf: vars.input.asOf, summary: 'reviewed 120 members, 3 dropped', userErrors: [] } } }
      }
    })
    expect(rowOf('等级评估').textContent).toContain('从未运行')
    await click('立即运行', rowOf('等级评估'))
    expect(messageBoxText()).toContain('以 2026-12-01 为业务日期运行「等级评估」')
    await answerMessageBox()
    expect(calls.find(c => c.operationName === 'ConsoleRunJob').variables).toEqual({ input: { job: 'TIER_REVIEW', asOf: '2026-12-01' } })
    expect(document.body.textContent).toContain('「等级评估」（2026-12-01）：reviewed 120 members, 3 dropped')
    expect(rowOf('等级评估').textContent).toContain('完成')
    expect(wrapper.find('.runs').text()).toContain('reviewed 120 members, 3 dropped')
  })

  test('a refused run shows the API\'s reason', async () => {
    await mountPage(Jobs, {
      path: '/jobs',
      answers: {
        ...quiet,
        ConsoleRunJob: { runJob: { job: 'POINTS_EXPIRY', asOf: '2026-12-09', summary: 'refused', userErrors: [{ field: ['input', 'asOf'], code: 'INVALID_INPUT', message: '不能为未来的日期运行任务：今天是 2026-12-07' }] } }
      }
    })
    await click('立即运行', rowOf('积分过期'))
    await answerMessageBox()
    expect(document.body.textContent).toContain('不能为未来的日期运行任务')
  })

  test('a failed load of the runs says so', async () => {
    const { wrapper } = await mountPage(Jobs, { path: '/jobs', answers: { ConsoleLastJobRuns: lastRuns(), ConsoleJobRuns: failure } })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
  })
})
