// Screenshot rows of the campaign pages (see e2e/shots-runner/shots.spec.js). The demo data has a
// running monthly campaign; campaign ids of the dev database are small, 2 is the running one.
export default [
  { name: 'campaigns', role: 'MARKETER', path: '/campaigns', title: '营销活动' },
  { name: 'campaigns-manager', role: 'STORE_MANAGER', path: '/campaigns?status=RUNNING', title: '营销活动' },
  { name: 'campaign-new', role: 'MARKETER', path: '/campaigns/new', title: '新建活动' },
  { name: 'campaign-edit', role: 'MARKETER', path: '/campaigns/1/edit', title: '编辑活动' },
  { name: 'campaign', role: 'MARKETER', path: '/campaigns/2', title: '活动详情' }
]
