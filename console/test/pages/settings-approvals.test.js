import { describe, test, expect, afterEach } from 'vitest'
import PointsApprovals from '../../src/pages/settings/PointsApprovals.vue'
import { mountPage, settle } from '../support/mount.js'
import { connection, failure } from './settings-fixtures.js'
import { dialogText, click, clearBody } from './settings-ui.js'

const approval = (id, overrides = {}) => ({
  id, memberId: '7', member: { id: '7', nickname: '王小美', phone: '138****0001' }, delta: 5000, reason: '大客户补偿',
  requestedBy: '12', requestedByStaff: { id: '12', username: 'mgr-xuhui', displayName: '徐汇店长' }, requestedStoreId: '1', requestedAt: '2026-12-06T02:00:00Z', capReason: '超过单次 1000 积分上限',
  status: 'PENDING', decidedBy: null, decidedByStaff: null, decidedAt: null, decisionNote: null, balanceBefore: null, balanceAfter: null, ...overrides
})
const rowOf = text => [...document.querySelectorAll('.approvals tbody tr')].find(tr => tr.textContent.includes(text))

afterEach(clearBody)

// dialogs and Element Plus inputs make these slower than a plain page on a busy machine
describe('points approvals', { timeout: 20000 }, () => {
  test('an admin sees the pending requests first: who asked by name, for whom, how many points and which cap', async () => {
    const { wrapper, calls } = await mountPage(PointsApprovals, { path: '/approvals', answers: { ConsolePointsApprovals: connection('pointsApprovals', [approval('1')]) } })
    expect(calls.find(c => c.operationName === 'ConsolePointsApprovals').variables).toMatchObject({ status: 'PENDING' })
    const text = wrapper.find('.approvals').text()
    expect(text).toContain('王小美')
    expect(text).toContain('+5000')
    expect(text).toContain('徐汇店长（mgr-xuhui） · 徐汇店')
    expect(text).toContain('超过单次 1000 积分上限')
    expect(text).toContain('通过')
    expect(text).toContain('驳回')
  })

  test('an admin cannot decide their own request', async () => {
    const { wrapper } = await mountPage(PointsApprovals, { path: '/approvals', answers: { ConsolePointsApprovals: connection('pointsApprovals', [approval('1', { requestedBy: '14' })]) } })
    expect(wrapper.find('.approvals').text()).toContain('须由其他管理员审批')
    expect(wrapper.findAll('.approvals tbody button')).toHaveLength(0)
  })

  test('approving sends the note and the list reloads without the request', async () => {
    let decided = false
    const { wrapper, calls } = await mountPage(PointsApprovals, {
      path: '/approvals',
      answers: {
        ConsolePointsApprovals: () => connection('pointsApprovals', decided ? [] : [approval('1')]),
        ConsoleApprovePointsAdjustment: () => { decided = true; return { approvePointsAdjustment: { approval: approval('1', { status: 'APPROVED' }), userErrors: [] } } }
      }
    })
    await click('通过', rowOf('王小美'))
    expect(dialogText()).toContain('通过后立即为会员')
    const note = document.querySelector('.el-dialog textarea')
    note.value = '已核实'
    note.dispatchEvent(new Event('input'))
    await settle()
    await click('通过', document.querySelector('.el-dialog__footer'))
    expect(calls.find(c => c.operationName === 'ConsoleApprovePointsAdjustment').variables).toEqual({ input: { approvalId: '1', note: '已核实' } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有待审批的积分调整')
  })

  test('rejecting a request already decided by someone else shows the API\'s message', async () => {
    const { calls } = await mountPage(PointsApprovals, {
      path: '/approvals',
      answers: {
        ConsolePointsApprovals: connection('pointsApprovals', [approval('1')]),
        ConsoleRejectPointsAdjustment: { rejectPointsAdjustment: { approval: null, userErrors: [{ field: ['input', 'approvalId'], code: 'INVALID_INPUT', message: '该申请已处理' }] } }
      }
    })
    await click('驳回', rowOf('王小美'))
    await click('驳回', document.querySelector('.el-dialog__footer'))
    expect(calls.find(c => c.operationName === 'ConsoleRejectPointsAdjustment').variables).toEqual({ input: { approvalId: '1', note: null } })
    expect(document.body.textContent).toContain('该申请已处理')
  })

  test('the status is in the URL; decided requests show who decided by name, the note and the balance', async () => {
    const { wrapper, calls } = await mountPage(PointsApprovals, {
      path: '/approvals?status=APPROVED',
      answers: { ConsolePointsApprovals: connection('pointsApprovals', [approval('2', { status: 'APPROVED', decidedBy: '15', decidedByStaff: { id: '15', username: 'admin2', displayName: null }, decidedAt: '2026-12-06T03:00:00Z', decisionNote: '已核实', balanceBefore: 100, balanceAfter: 5100 })]) }
    })
    expect(calls.find(c => c.operationName === 'ConsolePointsApprovals').variables).toMatchObject({ status: 'APPROVED' })
    const text = wrapper.find('.approvals').text()
    expect(text).toContain('已通过')
    expect(text).toContain('admin2：已核实')
    expect(text).toContain('余额 100 → 5100')
  })

  test('a failed load says so', async () => {
    const { wrapper } = await mountPage(PointsApprovals, { path: '/approvals?status=ALL', answers: { ConsolePointsApprovals: failure } })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
  })
})
