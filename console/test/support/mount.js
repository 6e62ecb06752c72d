/**
 * Mounts a console page as a signed-in role, the way the browser would show it, with /graphql
 * answered by `answers` (by operation name: an object, or a function of the variables; throw or
 * return { errors } to fail). Component tests assert what the person sees; the end-to-end tests in
 * e2e/ run the same pages against the real backend.
 */
import { mount, flushPromises } from '@vue/test-utils'
import { createRouter, createMemoryHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import * as Icons from '@element-plus/icons-vue'
import { vi } from 'vitest'
import { session } from '../../src/api/session.js'

export const STAFF = {
  CLERK: { id: '11', username: 'clerk-a', displayName: '店员小张', role: 'CLERK', storeId: '1', mustChangePassword: false },
  STORE_MANAGER: { id: '12', username: 'manager-a', displayName: '店长老王', role: 'STORE_MANAGER', storeId: '1', mustChangePassword: false },
  MARKETER: { id: '13', username: 'marketer', displayName: '市场小李', role: 'MARKETER', storeId: null, mustChangePassword: false },
  ADMIN: { id: '14', username: 'admin', displayName: '管理员', role: 'ADMIN', storeId: null, mustChangePassword: false }
}

const STORES = { stores: { edges: [{ node: { id: '1', name: '徐汇店', status: 'OPEN' } }, { node: { id: '2', name: '静安店', status: 'OPEN' } }] } }

/** Answers /graphql by operation name; records each call as { operationName, variables }. */
export function answerGraphql(answers) {
  const calls = []
  globalThis.fetch = vi.fn(async (url, init) => {
    const body = JSON.parse(init.body)
    const operationName = (body.query.match(/(?:query|mutation)\s+(\w+)/) || [])[1]
    calls.push({ operationName, variables: body.variables })
    const all = { ConsoleStoreNames: STORES, ...answers }
    let answer = all[operationName]
    if (answer === undefined) throw new Error(`test gave no answer for ${operationName}`)
    if (typeof answer === 'function') answer = await answer(body.variables)
    const json = answer && answer.errors ? answer : { data: answer }
    return { ok: true, status: 200, json: async () => json }
  })
  return calls
}

/**
 * @param page the page component
 * @param options { role, path ('/x?y=1'), routePath (pattern, e.g. '/campaigns/:id'), answers }
 */
export async function mountPage(page, { role = 'ADMIN', path = '/', routePath, answers = {} } = {}) {
  session.staff = STAFF[role]
  session.accessToken = 'test-token'
  session.ready = true
  const calls = answerGraphql(answers)
  const router = createRouter({
    history: createMemoryHistory('/console/'),
    routes: [
      { path: routePath || path.split('?')[0], component: page },
      { path: '/:rest(.*)*', component: { template: '<div class="elsewhere" />' } }
    ]
  })
  router.push(path)
  await router.isReady()
  const wrapper = mount({ template: '<router-view />' }, {
    global: { plugins: [ElementPlus, router], components: Icons },
    attachTo: document.body
  })
  await settle()
  return { wrapper, router, calls }
}

/** Lets pending answers and re-renders finish. */
export async function settle() {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise(resolve => setTimeout(resolve, 0))
  }
}
