/** Who may open what: the sidebar and the route guard follow the role. */
import { describe, test, expect } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createConsoleRouter } from '../src/router/index.js'
import { session } from '../src/api/session.js'
import { menuFor } from '../src/router/menu.js'
import { pageRoutes } from './support/routes.js'
import { STAFF } from './support/mount.js'

function as(role, extra = {}) {
  session.ready = true
  session.accessToken = role ? 'a' : null
  session.staff = role ? { ...STAFF[role], ...extra } : null
  session.mustChangePassword = !!extra.mustChangePassword
  return createConsoleRouter(createMemoryHistory('/console/'))
}

describe('route guard', () => {
  test('someone not signed in goes to the sign-in page, keeping where they wanted to go', async () => {
    const router = as(null)
    await router.push('/audit?action=ADJUST_POINTS')
    expect(router.currentRoute.value.name).toBe('signin')
    expect(router.currentRoute.value.query.redirect).toBe('/audit?action=ADJUST_POINTS')
  })

  test('a role that may not open a page sees 无权访问 instead', async () => {
    const router = as('MARKETER')
    await router.push('/audit')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  test('an admin opens the audit trail', async () => {
    const router = as('ADMIN')
    await router.push('/audit')
    expect(router.currentRoute.value.path).toBe('/audit')
  })

  test('a reset password must be changed before anything else', async () => {
    const router = as('STORE_MANAGER', { mustChangePassword: true })
    await router.push('/audit')
    expect(router.currentRoute.value.name).toBe('password')
  })

  test('an unknown address shows 页面不存在', async () => {
    const router = as('ADMIN')
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('not-found')
  })

  test('each role starts on its own home page', async () => {
    for (const [role, home] of [['CLERK', '/clerk'], ['STORE_MANAGER', '/dashboard'], ['ADMIN', '/dashboard']]) {
      const router = as(role)
      await router.push('/')
      expect(router.currentRoute.value.path).toBe(home)
    }
  })
})

describe('sidebar', () => {
  test('shows a role only the pages it may open', () => {
    const forRole = role => menuFor(pageRoutes, role).flatMap(s => s.items.map(i => i.path))
    expect(forRole('ADMIN')).toContain('/audit')
    expect(forRole('MARKETER')).not.toContain('/audit')
    expect(forRole('STORE_MANAGER')).not.toContain('/audit')
  })
})
