// Screenshot rows of the dashboard and the analytics reports (demo data).
export default [
  { name: 'dashboard', role: 'MARKETER', path: '/dashboard', title: '经营概览' },
  { name: 'dashboard-manager', role: 'STORE_MANAGER', path: '/dashboard?period=7', title: '经营概览（店长）' },
  { name: 'analytics-sales', role: 'MARKETER', path: '/analytics/sales?by=WEEK', title: '销售分析' },
  { name: 'analytics-members', role: 'ADMIN', path: '/analytics/members', title: '会员分析' },
  { name: 'analytics-churn', role: 'MARKETER', path: '/analytics/members?tab=churn&by=MONTH', title: '会员流失' },
  { name: 'analytics-points', role: 'STORE_MANAGER', path: '/analytics/points?by=WEEK', title: '积分经济' },
  // the demo's tasting held last week (alice came, bob did not) and today's
  { name: 'analytics-events', role: 'STORE_MANAGER', path: '/analytics/events', title: '活动分析' },
  { name: 'analytics-tiers', role: 'MARKETER', path: '/analytics/tiers?by=WEEK', title: '等级分布' },
  { name: 'analytics-ltv', role: 'ADMIN', path: '/analytics/lifetime-value', title: '会员价值' },
  { name: 'analytics-basket', role: 'MARKETER', path: '/analytics/basket', title: '购物篮分析' }
]
