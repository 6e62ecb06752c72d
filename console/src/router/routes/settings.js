/**
 * Settings: the programme's rules (read by marketers, changed by admins), stores, staff accounts,
 * points approvals and the scheduled jobs. Roles follow who-may-call.txt: stores are read by every
 * role that runs a store or the brand, staff by store managers (their store) and admins.
 */
export default [
  {
    path: '/programme',
    name: 'programme',
    file: 'settings/ProgrammeRules.vue',
    meta: { title: '会员规则', roles: ['MARKETER', 'ADMIN'], menu: { section: 'settings', order: 10 } }
  },
  {
    path: '/programme/edit',
    name: 'programme-edit',
    file: 'settings/ProgrammeEditor.vue',
    meta: { title: '调整会员规则', roles: ['ADMIN'] }
  },
  {
    path: '/stores',
    name: 'stores',
    file: 'settings/StoreList.vue',
    meta: { title: '门店', roles: ['STORE_MANAGER', 'MARKETER', 'ADMIN'], menu: { section: 'settings', order: 20 } }
  },
  {
    path: '/staff',
    name: 'staff',
    file: 'settings/StaffAccounts.vue',
    meta: { title: '员工账号', roles: ['STORE_MANAGER', 'ADMIN'], menu: { section: 'settings', order: 30 } }
  },
  {
    path: '/approvals',
    name: 'approvals',
    file: 'settings/PointsApprovals.vue',
    meta: { title: '积分审批', roles: ['ADMIN'], menu: { section: 'settings', order: 40 } }
  },
  {
    path: '/jobs',
    name: 'jobs',
    file: 'settings/Jobs.vue',
    meta: { title: '定时任务', roles: ['ADMIN'], menu: { section: 'settings', order: 80 } }
  }
]
