import { describe, test, expect, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import ImportMembers from '../../src/pages/integration/ImportMembers.vue'
import ExportData from '../../src/pages/integration/ExportData.vue'
import { mountPage } from '../support/mount.js'

const file = { id: '3', filename: '会员.csv', format: 'CSV', kind: 'MEMBERS', sizeBytes: 2048, uploadedAt: '2026-12-07T02:00:00Z' }
const job = (overrides = {}) => ({
  id: '9', kind: 'MEMBERS', dryRun: true, status: 'DONE', rowsRead: 3, imported: 2, matched: 0, skipped: 0, failed: 1,
  pointsTotal: 1200, storedValueCents: 8850, error: null, startedAt: '2026-12-07T02:00:00Z', finishedAt: '2026-12-07T02:00:01Z',
  file, problemCount: 1, problems: [{ row: 4, field: '手机号', message: '手机号格式不正确：「12345」' }], ...overrides
})
const history = nodes => ({ bulkJobs: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map(node => ({ node })) } })

/** Lets the page's own requests to /bulk/* through a fake beside the GraphQL answers; records them. */
function answerFiles(handler) {
  const graphql = globalThis.fetch
  const requests = []
  globalThis.fetch = vi.fn(async (url, init) => {
    if (String(url).startsWith('/bulk/')) {
      requests.push({ url, init })
      return handler(url, init)
    }
    return graphql(url, init)
  })
  return requests
}

const json = body => ({ ok: true, status: 200, json: async () => body, headers: { get: () => null } })

describe('会员导入', () => {
  test('an admin uploads a file, checks it and sees every problem row before importing', async () => {
    const { wrapper, calls } = await mountPage(ImportMembers, {
      path: '/integration/import',
      answers: {
        ConsoleBulkJobs: history([]),
        ConsoleStartBulkJob: { startBulkJob: { job: { id: '9', status: 'RUNNING' }, userErrors: [] } },
        ConsoleBulkJob: { bulkJob: job() }
      }
    })
    const requests = answerFiles(() => json({ fileId: '3', filename: '会员.csv', format: 'CSV', kind: 'MEMBERS', sizeBytes: 2048 }))
    expect(wrapper.find('[data-test=template]').attributes('href')).toBe('/bulk/templates/members.csv')
    expect(wrapper.find('[data-test=import]').attributes('disabled')).toBeDefined()

    const input = wrapper.find('[data-test=file]')
    Object.defineProperty(input.element, 'files', { value: [new File(['手机号\n'], '会员.csv', { type: 'text/csv' })] })
    await input.trigger('change')
    await wrapper.find('[data-test=upload]').trigger('click')
    await flushPromises()
    expect(requests[0].url).toBe('/bulk/uploads?kind=MEMBERS')
    expect(requests[0].init.headers.Authorization).toBe('Bearer test-token')
    expect(wrapper.find('[data-test=uploaded]').text()).toContain('会员.csv')

    await wrapper.find('[data-test=dry-run]').trigger('click')
    await flushPromises()
    expect(calls.find(c => c.operationName === 'ConsoleStartBulkJob').variables).toEqual({ input: { fileId: '3', dryRun: true } })
    const result = wrapper.find('[data-test=job]').text()
    expect(result).toContain('检查结果')
    expect(result).toContain('已完成')
    expect(result).toContain('将新增')
    expect(wrapper.find('[data-test=problems]').text()).toContain('手机号格式不正确：「12345」')
    expect(wrapper.find('[data-test=import]').attributes('disabled')).toBeUndefined()
  })

  test('earlier imports are listed, and an empty history says how to start', async () => {
    const listed = await mountPage(ImportMembers, { path: '/integration/import', answers: { ConsoleBulkJobs: history([job({ dryRun: false, imported: 1000, status: 'DONE' })]) } })
    expect(listed.wrapper.find('[data-test=history]').text()).toContain('会员.csv')
    expect(listed.wrapper.find('[data-test=history]').text()).toContain('导入')
    const empty = await mountPage(ImportMembers, { path: '/integration/import', answers: { ConsoleBulkJobs: history([]) } })
    expect(empty.wrapper.find('[data-state=empty]').text()).toContain('还没有导入记录')
  })

  test('a file the server refuses shows its reason', async () => {
    const { wrapper } = await mountPage(ImportMembers, { path: '/integration/import', answers: { ConsoleBulkJobs: history([]) } })
    answerFiles(() => ({ ok: false, status: 413, json: async () => ({ errors: [{ message: '文件太大，请不超过 300MB，或拆成几个文件', extensions: { code: 'UPLOAD_TOO_LARGE' } }] }) }))
    const input = wrapper.find('[data-test=file]')
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'big.csv')] })
    await input.trigger('change')
    await wrapper.find('[data-test=upload]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('文件太大')
    expect(wrapper.find('[data-test=uploaded]').exists()).toBe(false)
  })

  test('a failed history load says so', async () => {
    const { wrapper } = await mountPage(ImportMembers, {
      path: '/integration/import',
      answers: { ConsoleBulkJobs: { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
  })
})

describe('数据导出', () => {
  test('an admin downloads the members with the choice of whole phones', async () => {
    const { wrapper } = await mountPage(ExportData, { path: '/integration/export' })
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const requests = answerFiles(() => ({ ok: true, status: 200, blob: async () => new Blob(['会员ID']),
      headers: { get: () => "attachment; filename*=UTF-8''members-brand.csv" } }))
    expect(wrapper.find('[data-test=scope]').text()).toContain('全品牌')
    await wrapper.find('[data-test=full-phones] input').setValue(true)
    await wrapper.find('[data-test=export-members] button').trigger('click')
    await flushPromises()
    expect(requests[0].url).toBe('/bulk/exports/members.csv?phones=full')
    expect(wrapper.find('[data-test=export-members] [data-test=done]').text()).toContain('members-brand.csv')
  })

  test('a store manager exports their store, phones masked, orders by date range', async () => {
    const { wrapper } = await mountPage(ExportData, { role: 'STORE_MANAGER', path: '/integration/export' })
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const requests = answerFiles(() => ({ ok: true, status: 200, blob: async () => new Blob(['订单ID']), headers: { get: () => null } }))
    expect(wrapper.find('[data-test=scope]').text()).toContain('本门店')
    expect(wrapper.find('[data-test=full-phones]').exists()).toBe(false)
    await wrapper.find('[data-test=export-orders] button').trigger('click')
    await flushPromises()
    expect(requests[0].url).toMatch(/^\/bulk\/exports\/orders\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/)
  })
})
