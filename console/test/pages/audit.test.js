import { describe, test, expect } from 'vitest'
import AuditTrail from '../../src/pages/audit/AuditTrail.vue'
import { mountPage } from '../support/mount.js'

const action = (id, overrides = {}) => ({
  id, at: '2026-12-01T02:00:00Z', staffId: '14', staffUsername: 'admin', storeId: '1', action: 'ADJUST_POINTS',
  memberId: '7', detail: '补录积分', subject: null, subjectId: null, before: null, after: null, ...overrides
})
const page = (nodes, hasNextPage = false) => ({
  staffActions: { totalCount: nodes.length, pageInfo: { hasNextPage, endCursor: 'c1' }, edges: nodes.map(node => ({ node })) }
})

describe('audit trail', () => {
  test('an admin sees who did what to whom, with the store by name', async () => {
    const { wrapper } = await mountPage(AuditTrail, { path: '/audit', answers: { ConsoleStaffActions: page([action('1')]) } })
    const text = wrapper.text()
    expect(text).toContain('ADJUST_POINTS')
    expect(text).toContain('徐汇店')
    expect(text).toContain('补录积分')
    expect(text).toContain('共 1 条')
  })

  test('filters come from the URL, so a shared link shows the same list', async () => {
    const { calls } = await mountPage(AuditTrail, { path: '/audit?subject=CAMPAIGN&subjectId=5', answers: { ConsoleStaffActions: page([]) } })
    expect(calls.find(c => c.operationName === 'ConsoleStaffActions').variables).toMatchObject({ subject: 'CAMPAIGN', subjectId: '5' })
  })

  test('no matching action shows the empty state', async () => {
    const { wrapper } = await mountPage(AuditTrail, { path: '/audit?action=NOTHING', answers: { ConsoleStaffActions: page([]) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有符合条件的操作记录')
  })

  test('a failed load says so and retries', async () => {
    let fail = true
    const { wrapper } = await mountPage(AuditTrail, {
      path: '/audit',
      answers: { ConsoleStaffActions: () => (fail ? { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } : page([action('2')])) }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await new Promise(r => setTimeout(r, 10))
    expect(wrapper.text()).toContain('ADJUST_POINTS')
  })
})
