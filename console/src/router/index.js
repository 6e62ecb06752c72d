import { createRouter, createWebHistory } from 'vue-router'
import { pageRoutes } from './routes/index.js'
import { session, restore, signedIn } from '../api/session.js'
import AppLayout from '../layout/AppLayout.vue'
import SignIn from '../layout/SignIn.vue'
import NotFound from '../layout/NotFound.vue'
import Forbidden from '../layout/Forbidden.vue'

const pages = import.meta.glob('../pages/**/*.vue')

function component(route) {
  const load = pages[`../pages/${route.file}`]
  if (!load) throw new Error(`route ${route.path}: no page src/pages/${route.file}`)
  return load
}

/** Where a role starts: the first page of its sidebar that it may open. */
export const HOME = { CLERK: '/clerk', STORE_MANAGER: '/dashboard', MARKETER: '/dashboard', ADMIN: '/dashboard' }

export function createConsoleRouter(history = createWebHistory('/console/')) {
  const router = createRouter({
    history,
    routes: [
      { path: '/signin', name: 'signin', component: SignIn, meta: { public: true, title: '登录' } },
      {
        path: '/',
        component: AppLayout,
        children: [
          { path: '', name: 'home', redirect: () => HOME[session.staff && session.staff.role] || '/password' },
          ...pageRoutes.map(({ file, ...route }) => ({ ...route, path: route.path.replace(/^\//, ''), component: component({ file, path: route.path }) })),
          { path: 'forbidden', name: 'forbidden', component: Forbidden, meta: { title: '无权访问' } },
          { path: ':rest(.*)*', name: 'not-found', component: NotFound, meta: { title: '页面不存在' } }
        ]
      }
    ]
  })

  let restoring = null
  router.beforeEach(async to => {
    if (!session.ready) {
      restoring = restoring || restore()
      await restoring
    }
    if (to.meta.public) return signedIn() && to.name === 'signin' ? { path: to.query.redirect || '/' } : true
    if (!signedIn()) return { name: 'signin', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    if (session.mustChangePassword && to.name !== 'password') return { name: 'password' }
    const roles = to.meta.roles
    if (roles && !roles.includes(session.staff.role)) return { name: 'forbidden', query: { from: to.fullPath } }
    return true
  })
  router.afterEach(to => {
    document.title = to.meta.title ? `${to.meta.title} · 会员运营管理台` : '会员运营管理台'
  })
  return router
}
