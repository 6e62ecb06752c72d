/** Member events (会员活动): store managers run their store's, marketers and admins any store's. */
export default [
  {
    path: '/events',
    name: 'events',
    file: 'events/EventList.vue',
    meta: { title: '会员活动', roles: ['STORE_MANAGER', 'MARKETER', 'ADMIN'], menu: { section: 'marketing', order: 15 } }
  },
  {
    path: '/events/new',
    name: 'event-new',
    file: 'events/EventForm.vue',
    meta: { title: '新建会员活动', roles: ['STORE_MANAGER', 'MARKETER', 'ADMIN'] }
  },
  {
    path: '/events/:id/edit',
    name: 'event-edit',
    file: 'events/EventForm.vue',
    meta: { title: '编辑会员活动', roles: ['STORE_MANAGER', 'MARKETER', 'ADMIN'] }
  },
  {
    path: '/events/:id',
    name: 'event',
    file: 'events/EventDetail.vue',
    meta: { title: '会员活动详情', roles: ['STORE_MANAGER', 'MARKETER', 'ADMIN'] }
  }
]
