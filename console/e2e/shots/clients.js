// Screenshot rows of 系统对接 → API 客户端. The demo data has one client, 徐汇店收银机 (id 1).
export default [
  { name: 'api-clients', role: 'ADMIN', path: '/integration/clients', title: 'API 客户端' },
  { name: 'api-client', role: 'ADMIN', path: '/integration/clients/1', title: 'API 客户端详情' }
]
