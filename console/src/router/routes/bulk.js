/** 系统对接: importing members and order history from the old system (admins), exporting data (admins, store managers). */
export default [
  {
    path: '/integration/import',
    name: 'integration-import',
    file: 'integration/ImportMembers.vue',
    meta: { title: '会员导入', roles: ['ADMIN'], menu: { section: 'integration', order: 50 } }
  },
  {
    path: '/integration/export',
    name: 'integration-export',
    file: 'integration/ExportData.vue',
    meta: { title: '数据导出', roles: ['STORE_MANAGER', 'ADMIN'], menu: { section: 'integration', order: 60 } }
  }
]
