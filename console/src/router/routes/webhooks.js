/** Webhooks to the brand's other systems (系统对接): admins only (who-may-call.txt). */
export default [
  {
    path: '/integration/webhooks',
    name: 'webhooks',
    file: 'integration/WebhookList.vue',
    meta: { title: 'Webhooks', roles: ['ADMIN'], menu: { section: 'integration', order: 20 } }
  }
]
