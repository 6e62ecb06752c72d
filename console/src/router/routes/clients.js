/**
 * 系统对接 → API 客户端: the brand's machine clients (a store's POS, the online shop, the ERP), their
 * credentials, scopes and stores. Admins only (who-may-call.txt: apiClients and the mutations).
 */
export default [
  {
    path: '/integration/clients',
    name: 'api-clients',
    file: 'integration/ClientList.vue',
    meta: { title: 'API 客户端', roles: ['ADMIN'], menu: { section: 'integration', order: 10 } }
  },
  {
    path: '/integration/clients/:id',
    name: 'api-client',
    file: 'integration/ClientDetail.vue',
    meta: { title: 'API 客户端详情', roles: ['ADMIN'] }
  }
]
