// Screenshot rows of the frame pages (see e2e/shots-runner/shots.spec.js).
export default [
  { name: 'signin', role: 'NONE', path: '/signin', title: '登录' },
  { name: 'password', role: 'STORE_MANAGER', path: '/password', title: '修改密码' },
  { name: 'clerk-home', role: 'CLERK', path: '/clerk', title: '店员首页' }
]
