export default [
  {
    path: '/audit',
    name: 'audit',
    file: 'audit/AuditTrail.vue',
    meta: { title: '操作日志', roles: ['ADMIN'], menu: { section: 'settings', order: 90 } }
  }
]
