/** The dashboard and the analytics reports: every role that may read the analytics queries (who-may-call.txt). */
const READERS = ['STORE_MANAGER', 'MARKETER', 'ADMIN']

export default [
  { path: '/dashboard', name: 'dashboard', file: 'analytics/Dashboard.vue', meta: { title: '经营概览', roles: READERS, menu: { section: 'overview', order: 1 } } },
  { path: '/analytics/sales', name: 'analytics-sales', file: 'analytics/Sales.vue', meta: { title: '销售分析', roles: READERS, menu: { section: 'analytics', order: 10 } } },
  { path: '/analytics/members', name: 'analytics-members', file: 'analytics/Members.vue', meta: { title: '会员分析', roles: READERS, menu: { section: 'analytics', order: 20 } } },
  { path: '/analytics/points', name: 'analytics-points', file: 'analytics/Points.vue', meta: { title: '积分经济', roles: READERS, menu: { section: 'analytics', order: 30 } } },
  { path: '/analytics/events', name: 'analytics-events', file: 'analytics/Events.vue', meta: { title: '活动分析', roles: READERS, menu: { section: 'analytics', order: 35 } } },
  { path: '/analytics/tiers', name: 'analytics-tiers', file: 'analytics/Tiers.vue', meta: { title: '等级分布', roles: READERS, menu: { section: 'analytics', order: 40 } } },
  { path: '/analytics/lifetime-value', name: 'analytics-ltv', file: 'analytics/LifetimeValue.vue', meta: { title: '会员价值', roles: READERS, menu: { section: 'analytics', order: 50 } } },
  { path: '/analytics/basket', name: 'analytics-basket', file: 'analytics/Basket.vue', meta: { title: '购物篮分析', roles: READERS, menu: { section: 'analytics', order: 60 } } }
]
