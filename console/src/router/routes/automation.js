/** Automation rules (brand-wide), the stores' call list, and the messages sent to members. */
export default [
  {
    path: '/automation',
    name: 'automation',
    file: 'automation/AutomationRules.vue',
    meta: { title: '自动化规则', roles: ['STORE_MANAGER', 'MARKETER', 'ADMIN'], menu: { section: 'marketing', order: 20 } }
  },
  {
    path: '/tasks',
    name: 'tasks',
    file: 'automation/FollowUpTasks.vue',
    meta: { title: '回访任务', roles: ['CLERK', 'STORE_MANAGER', 'ADMIN'], menu: { section: 'members', order: 60 } }
  },
  {
    path: '/notifications',
    name: 'notifications',
    file: 'automation/SentNotifications.vue',
    meta: { title: '消息记录', roles: ['STORE_MANAGER', 'MARKETER', 'ADMIN'], menu: { section: 'marketing', order: 30 } }
  }
]
