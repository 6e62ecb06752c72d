/** Pages every staff member has: the start page and their own password. */
export const ALL_STAFF = ['CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN']

export default [
  { path: '/password', name: 'password', file: 'core/ChangePassword.vue', meta: { title: '修改密码', roles: ALL_STAFF } },
  { path: '/clerk', name: 'clerk-home', file: 'core/ClerkHome.vue', meta: { title: '店员', roles: ['CLERK'] } }
]
