// Screenshot rows of automation, the call list and the sent messages.
export default [
  { name: 'automation', role: 'MARKETER', path: '/automation', title: '自动化规则' },
  { name: 'tasks', role: 'STORE_MANAGER', path: '/tasks?status=ALL', title: '回访任务' },
  { name: 'notifications', role: 'ADMIN', path: '/notifications', title: '消息记录' }
]
