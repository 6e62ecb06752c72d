// Screenshot rows of the webhook pages (see e2e/shots-runner/shots.spec.js). The demo data has no
// subscription: the list shows its empty state and the way to create one.
export default [
  { name: 'webhooks', role: 'ADMIN', path: '/integration/webhooks', title: 'Webhooks' }
]
