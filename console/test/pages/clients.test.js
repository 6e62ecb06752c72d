import { describe, test, expect, afterEach } from 'vitest'
import ClientList from '../../src/pages/integration/ClientList.vue'
import ClientDetail from '../../src/pages/integration/ClientDetail.vue'
import { mountPage, settle } from '../support/mount.js'
import { connection, failure } from './settings-fixtures.js'
import { answerMessageBox, messageBoxText, dialogText, type, click, clearBody } from './settings-ui.js'

const client = (id, name, overrides = {}) => ({
  id, name, kind: 'POS', status: 'ACTIVE', scopes: ['purchases:write', 'purchases:refund'], storeIds: ['1'],
  createdAt: '2026-12-01T02:00:00Z', updatedAt: '2026-12-01T02:00:00Z', lastUsedAt: '2026-12-07T01:00:00Z',
  revokedAt: null, previousSecretExpiresAt: null, ...overrides
})
const SCOPES = { apiClientScopes: [
  { scope: 'purchases:write', description: '记录消费（含扫会员码后的积分抵现、储值支付）' },
  { scope: 'purchases:refund', description: '退货退款' },
  { scope: 'coupons:redeem', description: '消费时核销会员的优惠券，查询订单可用券' },
  { scope: 'orders:read', description: '查询所属门店的订单' },
  { scope: 'members:read', description: '按会员码或会员编号查询会员（打码手机号、昵称、等级、积分、储值余额、可用券）' }
] }
const list = (...clients) => connection('apiClients', clients)
const two = list(client('3', '徐汇店收银机'), client('2', '官方网店', { kind: 'SHOP', storeIds: [], lastUsedAt: null, status: 'REVOKED', revokedAt: '2026-12-05T02:00:00Z' }))
const actions = { staffActions: { totalCount: 1, edges: [{ node: { id: '90', at: '2026-12-07T01:00:00Z', storeId: '1', action: 'RECORD_PURCHASE', memberId: '42', detail: 'POS-1 25800 cents' } }] } }

afterEach(clearBody)

describe('API clients', { timeout: 20000 }, () => {
  test('an admin sees every client with its kind, scopes, stores, last token and status', async () => {
    const { wrapper } = await mountPage(ClientList, { path: '/integration/clients', answers: { ConsoleApiClients: two, ConsoleApiClientScopes: SCOPES } })
    const text = wrapper.find('.clients').text()
    expect(text).toContain('徐汇店收银机')
    expect(text).toContain('收银系统')
    expect(text).toContain('purchases:refund')
    expect(text).toContain('徐汇店')
    expect(text).toContain('所有门店')
    expect(text).toContain('从未')
    expect(text).toContain('已吊销')
    expect(wrapper.text()).toContain('新建 API 客户端')
  })

  test('filters come from the URL, and an empty list says what clients are for', async () => {
    const { wrapper, calls } = await mountPage(ClientList, { path: '/integration/clients?status=REVOKED&kind=SHOP', answers: { ConsoleApiClients: list(), ConsoleApiClientScopes: SCOPES } })
    expect(calls.find(c => c.operationName === 'ConsoleApiClients').variables).toMatchObject({ filter: { status: 'REVOKED', kind: 'SHOP' } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有符合条件的 API 客户端')
  })

  test('a failed load says so and offers to retry', async () => {
    const { wrapper } = await mountPage(ClientList, { path: '/integration/clients', answers: { ConsoleApiClients: failure, ConsoleApiClientScopes: SCOPES } })
    expect(wrapper.find('[data-state=error]').exists()).toBe(true)
  })

  test('creating a client shows its secret once, with a warning and a copy button', async () => {
    const { calls } = await mountPage(ClientList, {
      path: '/integration/clients',
      answers: {
        ConsoleApiClients: list(),
        ConsoleApiClientScopes: SCOPES,
        ConsoleCreateApiClient: vars => ({ createApiClient: { clientId: '9', clientSecret: 'lcs_secret-shown-once', client: client('9', vars.input.name), userErrors: [] } })
      }
    })
    await click('新建 API 客户端')
    await type('[data-test=client-name]', '静安店收银机')
    document.querySelector('[data-test="scope-purchases:write"]').click()
    await settle()
    await click('创建', document.querySelector('.el-dialog'))
    expect(calls.find(c => c.operationName === 'ConsoleCreateApiClient').variables).toEqual({
      input: { name: '静安店收银机', kind: 'POS', scopes: ['purchases:write'], storeIds: [] }
    })
    const shown = dialogText()
    expect(shown).toContain('lcs_secret-shown-once')
    expect(shown).toContain('密钥只显示这一次')
    expect(shown).toContain('复制密钥')
  })

  test('a POS may be allowed to look members up: members:read is a checkbox with what it allows', async () => {
    const { calls } = await mountPage(ClientList, {
      path: '/integration/clients',
      answers: {
        ConsoleApiClients: list(),
        ConsoleApiClientScopes: SCOPES,
        ConsoleCreateApiClient: vars => ({ createApiClient: { clientId: '9', clientSecret: 'lcs_secret-shown-once', client: client('9', vars.input.name, { scopes: vars.input.scopes }), userErrors: [] } })
      }
    })
    await click('新建 API 客户端')
    const box = document.querySelector('[data-test="scope-members:read"]')
    expect(box.textContent).toContain('members:read：按会员码或会员编号查询会员（打码手机号、昵称、等级、积分、储值余额、可用券）')
    await type('[data-test=client-name]', '静安店收银机')
    document.querySelector('[data-test="scope-purchases:write"]').click()
    await settle()
    box.click()
    await settle()
    await click('创建', document.querySelector('.el-dialog'))
    expect(calls.find(c => c.operationName === 'ConsoleCreateApiClient').variables.input.scopes).toEqual(['purchases:write', 'members:read'])
  })

  test('the detail shows scopes with what they allow, stores, last use and recent calls', async () => {
    const { wrapper } = await mountPage(ClientDetail, {
      path: '/integration/clients/3', routePath: '/integration/clients/:id',
      answers: { ConsoleApiClient: { apiClient: client('3', '徐汇店收银机', { previousSecretExpiresAt: '2026-12-08T01:00:00Z' }) }, ConsoleApiClientScopes: SCOPES, ConsoleApiClientActions: actions }
    })
    const text = wrapper.text()
    expect(text).toContain('徐汇店收银机')
    expect(text).toContain('退货退款')
    expect(text).toContain('旧密钥有效至')
    expect(wrapper.find('.calls').text()).toContain('RECORD_PURCHASE')
    expect(wrapper.find('.calls').text()).toContain('POS-1 25800 cents')
    expect(['编辑', '轮换密钥', '吊销'].every(b => text.includes(b))).toBe(true)
  })

  test('rotating asks first, then shows the new secret', async () => {
    const { calls } = await mountPage(ClientDetail, {
      path: '/integration/clients/3', routePath: '/integration/clients/:id',
      answers: {
        ConsoleApiClient: { apiClient: client('3', '徐汇店收银机') }, ConsoleApiClientScopes: SCOPES, ConsoleApiClientActions: actions,
        ConsoleRotateApiClientSecret: { rotateApiClientSecret: { clientId: '3', clientSecret: 'lcs_rotated', client: client('3', '徐汇店收银机'), userErrors: [] } }
      }
    })
    await click('轮换密钥')
    expect(messageBoxText()).toContain('旧密钥在 24 小时内仍可使用')
    await answerMessageBox()
    expect(calls.find(c => c.operationName === 'ConsoleRotateApiClientSecret').variables).toEqual({ input: { id: '3' } })
    expect(dialogText()).toContain('lcs_rotated')
  })

  test('revoking is confirmed with a reason; a revoked client offers no action', async () => {
    let revoked = false
    const { wrapper, calls } = await mountPage(ClientDetail, {
      path: '/integration/clients/3', routePath: '/integration/clients/:id',
      answers: {
        ConsoleApiClient: () => ({ apiClient: client('3', '徐汇店收银机', revoked ? { status: 'REVOKED', revokedAt: '2026-12-07T02:00:00Z' } : {}) }),
        ConsoleApiClientScopes: SCOPES, ConsoleApiClientActions: actions,
        ConsoleRevokeApiClient: () => { revoked = true; return { revokeApiClient: { client: client('3', '徐汇店收银机', { status: 'REVOKED' }), userErrors: [] } } }
      }
    })
    await click('吊销')
    expect(messageBoxText()).toContain('立即失效')
    await answerMessageBox({ input: '收银机报废' })
    expect(calls.find(c => c.operationName === 'ConsoleRevokeApiClient').variables).toEqual({ input: { id: '3', reason: '收银机报废' } })
    expect(wrapper.text()).toContain('已吊销')
    expect(wrapper.text()).not.toContain('轮换密钥')
  })

  test('an edit refused by the API shows its words and keeps the dialog open', async () => {
    await mountPage(ClientDetail, {
      path: '/integration/clients/3', routePath: '/integration/clients/:id',
      answers: {
        ConsoleApiClient: { apiClient: client('3', '徐汇店收银机') }, ConsoleApiClientScopes: SCOPES, ConsoleApiClientActions: actions,
        ConsoleUpdateApiClient: { updateApiClient: { client: null, userErrors: [{ field: ['input', 'name'], code: 'API_CLIENT_NAME_TAKEN', message: '已有同名的 API 客户端' }] } }
      }
    })
    await click('编辑')
    await type('[data-test=client-name]', '官方网店')
    await click('保存', document.querySelector('.el-dialog'))
    expect(document.body.textContent).toContain('已有同名的 API 客户端')
    expect(dialogText()).toContain('编辑：徐汇店收银机')
  })
})
