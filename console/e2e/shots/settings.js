export default [
  { name: 'programme', role: 'MARKETER', path: '/programme', title: '会员规则' },
  { name: 'programme-version', role: 'ADMIN', path: '/programme?version=1', title: '会员规则' },
  { name: 'programme-edit', role: 'ADMIN', path: '/programme/edit', title: '调整会员规则' },
  { name: 'stores', role: 'ADMIN', path: '/stores', title: '门店' },
  { name: 'staff', role: 'ADMIN', path: '/staff', title: '员工账号' },
  { name: 'staff-manager', role: 'STORE_MANAGER', path: '/staff', title: '员工账号' },
  { name: 'approvals', role: 'ADMIN', path: '/approvals', title: '积分审批' },
  { name: 'jobs', role: 'ADMIN', path: '/jobs', title: '定时任务' }
]
