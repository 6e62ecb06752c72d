// Screenshot rows of the import and export pages of 系统对接 (see e2e/shots-runner/shots.spec.js).
export default [
  { name: 'integration-import', role: 'ADMIN', path: '/integration/import', title: '会员导入' },
  { name: 'integration-export', role: 'ADMIN', path: '/integration/export', title: '数据导出' },
  { name: 'integration-export-manager', role: 'STORE_MANAGER', path: '/integration/export', title: '数据导出（店长）' }
]
