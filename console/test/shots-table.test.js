/** Every page has a picture in docs/console: each route's path is shot by some row of e2e/shots/*.js. */
import { test, expect } from 'vitest'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './support/sources.js'
import { pageRoutes } from './support/routes.js'

const dir = join(ROOT, 'e2e/shots')
const rows = (await Promise.all(readdirSync(dir).filter(f => f.endsWith('.js')).map(f => import(join(dir, f))))).flatMap(m => m.default)

test('shot names are unique file names', () => {
  const names = rows.map(r => r.name)
  expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
  expect(names.filter(n => !/^[a-z0-9-]+$/.test(n))).toEqual([])
  expect(rows.filter(r => !r.title).map(r => r.name)).toEqual([])
})

test('every route has a screenshot, taken as a role the route admits', () => {
  const pattern = path => new RegExp(`^${path.replace(/:[a-zA-Z]+/g, '[^/?]+')}(\\?.*)?$`)
  const missing = pageRoutes.filter(route => !rows.some(row =>
    pattern(route.path).test(row.path) && route.meta.roles.includes(row.role)))
  expect(missing.map(r => r.path)).toEqual([])
})
