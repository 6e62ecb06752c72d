import { describe, test, expect } from 'vitest'
import WebhookList from '../../src/pages/integration/WebhookList.vue'
import { mountPage, settle } from '../support/mount.js'

const subscription = (id, overrides = {}) => ({
  id, clientId: '3', clientName: '总部 ERP', url: `https://erp.example.com/hooks/${id}`,
  events: ['PURCHASE_RECORDED', 'POINTS_CHANGED'], description: null, status: 'ACTIVE', consecutiveFailures: 0,
  disabledAt: null, disabledReason: null, secretRotatedAt: null, createdAt: '2026-12-01T02:00:00Z', ...overrides
})
const list = (nodes, disabled = []) => ({
  webhookSubscriptions: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map(node => ({ node })) },
  disabled: { totalCount: disabled.length, edges: disabled.map(node => ({ node })) }
})
const choices = {
  webhookEventTypes: [
    { type: 'PURCHASE_RECORDED', name: 'purchase.recorded', label: '消费登记' },
    { type: 'POINTS_CHANGED', name: 'points.changed', label: '积分变动' }
  ],
  webhookClients: [{ id: '3', name: '总部 ERP', kind: 'ERP', storeIds: [] }]
}
const delivery = (id, overrides = {}) => ({
  id, eventId: `evt_${id}`, eventType: 'purchase.recorded', status: 'FAILED', attempts: 7, nextAttemptAt: null,
  lastAttemptAt: '2026-12-02T02:00:00Z', deliveredAt: null, lastStatusCode: 500, lastError: 'HTTP 500',
  createdAt: '2026-12-01T02:00:00Z', payload: '{"id":"evt_1","type":"purchase.recorded"}',
  attemptLog: [{ attemptedAt: '2026-12-02T02:00:00Z', durationMs: 35, statusCode: 500, error: 'HTTP 500', responseSnippet: '数据库维护中' }],
  ...overrides
})
const detail = (sub, deliveries) => ({
  webhookSubscription: { ...sub, deliveries: { totalCount: deliveries.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: deliveries.map(node => ({ node })) } }
})

describe('webhooks', () => {
  test('an admin sees each subscription: its system, address, events in Chinese and state', async () => {
    const { wrapper } = await mountPage(WebhookList, {
      path: '/integration/webhooks',
      answers: { ConsoleWebhookSubscriptions: list([subscription('1'), subscription('2', { status: 'PAUSED' })]), ConsoleWebhookChoices: choices }
    })
    const text = wrapper.find('[data-test=webhook-table]').text()
    expect(text).toContain('总部 ERP')
    expect(text).toContain('https://erp.example.com/hooks/1')
    expect(text).toContain('消费登记、积分变动')
    expect(text).toContain('已暂停')
    expect(wrapper.text()).toContain('共 2 条')
  })

  test('subscriptions disabled after repeated failure are announced with the reason', async () => {
    const broken = subscription('5', { status: 'DISABLED', consecutiveFailures: 5, disabledAt: '2026-12-03T02:00:00Z', disabledReason: '连续 5 条推送重试用尽仍失败，已自动停用' })
    const { wrapper } = await mountPage(WebhookList, {
      path: '/integration/webhooks',
      answers: { ConsoleWebhookSubscriptions: list([broken], [broken]), ConsoleWebhookChoices: choices }
    })
    const notice = wrapper.find('[data-test=disabled-notice]').text()
    expect(notice).toContain('1 个 Webhook 订阅因连续推送失败已自动停用')
    expect(notice).toContain('已自动停用')
    expect(wrapper.find('[data-test=webhook-table]').text()).toContain('恢复')
  })

  test('no subscription shows the empty state that says what to do', async () => {
    const { wrapper } = await mountPage(WebhookList, {
      path: '/integration/webhooks', answers: { ConsoleWebhookSubscriptions: list([]), ConsoleWebhookChoices: choices }
    })
    expect(wrapper.find('[data-state=empty]').text()).toContain('还没有 Webhook 订阅')
  })

  test('a failed load says so and retries', async () => {
    let fail = true
    const { wrapper } = await mountPage(WebhookList, {
      path: '/integration/webhooks',
      answers: {
        ConsoleWebhookSubscriptions: () => (fail ? { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } : list([subscription('1')])),
        ConsoleWebhookChoices: choices
      }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('加载失败')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('https://erp.example.com/hooks/1')
  })

  test('creating a subscription sends the chosen events and shows the secret once', async () => {
    const { wrapper, calls } = await mountPage(WebhookList, {
      path: '/integration/webhooks',
      answers: {
        ConsoleWebhookSubscriptions: list([]),
        ConsoleWebhookChoices: choices,
        ConsoleCreateWebhookSubscription: { createWebhookSubscription: { subscription: subscription('9'), secret: 'whsec_abc123', userErrors: [] } }
      }
    })
    await wrapper.find('[data-test=create-webhook]').trigger('click')
    await settle()
    const form = document.body.querySelector('[data-test=webhook-form]')
    expect(form.textContent).toContain('消费登记')
    document.body.querySelector('[data-test=webhook-save]').click()
    await settle()
    expect([...form.querySelectorAll('.el-form-item.is-error > .el-form-item__label')].map(l => l.textContent))
      .toEqual(['对接系统', '推送地址', '事件'])
    expect(calls.some(c => c.operationName === 'ConsoleCreateWebhookSubscription')).toBe(false)

    const formWrapper = wrapper.findComponent({ name: 'WebhookForm' })
    Object.assign(formWrapper.vm.$.setupState.form, { clientId: '3', url: 'https://erp.example.com/hooks/9', events: ['PURCHASE_RECORDED'] })
    document.body.querySelector('[data-test=webhook-save]').click()
    await settle()
    const sent = calls.find(c => c.operationName === 'ConsoleCreateWebhookSubscription').variables.input
    expect(sent).toMatchObject({ clientId: '3', url: 'https://erp.example.com/hooks/9', events: ['PURCHASE_RECORDED'] })
    expect(document.body.querySelector('[data-test=webhook-secret]').value).toBe('whsec_abc123')
    expect(document.body.textContent).toContain('关闭后无法再次查看')
  })

  test('the detail shows the delivery log with each answer, and a failed delivery can be sent again', async () => {
    const sub = subscription('1')
    const { calls } = await mountPage(WebhookList, {
      path: '/integration/webhooks?id=1',
      answers: {
        ConsoleWebhookSubscriptions: list([sub]),
        ConsoleWebhookChoices: choices,
        ConsoleWebhookSubscription: detail(sub, [delivery('41'), delivery('40', { status: 'DELIVERED', attempts: 1, lastStatusCode: 200, lastError: null })]),
        ConsoleReplayWebhookDelivery: { replayWebhookDelivery: { delivery: delivery('41', { status: 'PENDING' }), userErrors: [] } }
      }
    })
    const drawer = document.body.querySelector('[data-test=webhook-detail]')
    expect(drawer.textContent).toContain('推送记录')
    const log = document.body.querySelector('[data-test=delivery-table]').textContent
    expect(log).toContain('purchase.recorded')
    expect(log).toContain('失败')
    expect(log).toContain('已送达')
    expect(log).toContain('HTTP 500')
    const resend = [...document.body.querySelectorAll('[data-test=delivery-table] button')].find(b => b.textContent.includes('重发'))
    resend.click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleReplayWebhookDelivery').variables).toEqual({ input: { deliveryId: '41' } })
  })

  test('pausing asks first, then pauses', async () => {
    const { wrapper, calls } = await mountPage(WebhookList, {
      path: '/integration/webhooks',
      answers: {
        ConsoleWebhookSubscriptions: list([subscription('1')]),
        ConsoleWebhookChoices: choices,
        ConsolePauseWebhookSubscription: { pauseWebhookSubscription: { subscription: { id: '1', status: 'PAUSED' }, userErrors: [] } }
      }
    })
    const pause = wrapper.findAll('[data-test=webhook-table] button').find(b => b.text() === '暂停')
    await pause.trigger('click')
    await settle()
    expect(document.body.textContent).toContain('暂停期间发生的事件不会推送给它')
    const confirm = [...document.body.querySelectorAll('.el-message-box button')].find(b => b.textContent.includes('暂停'))
    confirm.click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsolePauseWebhookSubscription').variables).toEqual({ input: { subscriptionId: '1' } })
  })
})
