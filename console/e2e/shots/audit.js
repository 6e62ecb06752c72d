export default [
  { name: 'audit', role: 'ADMIN', path: '/audit', title: '操作日志' }
]
