// Screenshot rows of the member pages (see e2e/shots-runner/shots.spec.js).
export default [
  { name: 'members', role: 'STORE_MANAGER', path: '/members', title: '会员查询' },
  { name: 'members-dormant', role: 'MARKETER', path: '/members?stages=DORMANT,CHURNED', title: '会员查询：沉睡与流失' },
  // member 1 is the demo member alice (小爱, 徐汇店): the first member the dev profile's demo data registers
  { name: 'member-detail', role: 'STORE_MANAGER', path: '/members/1', title: '会员详情', fullPage: true },
  { name: 'member-detail-segments', role: 'STORE_MANAGER', path: '/members/1?tab=segments', title: '会员详情：分群与生命周期' }
]
