/**
 * No console page calls an operation its role cannot use. For every route, each document its page
 * (and the components it imports) uses must be callable by every role the route admits
 * (who-may-call.txt, the list the API's AuthorizationMatrixTest enforces) — unless the page shows
 * that action only behind `can('<field>')`, the role check of src/api/permissions.js.
 */
import { describe, test, expect } from 'vitest'
import { join, dirname, resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { SRC, read, allDocuments } from './support/sources.js'
import { readWhoMayCall } from '../who-may-call.js'
import { operationOf } from '../src/api/documents.js'
import { pageRoutes } from './support/routes.js'

const rules = readWhoMayCall()
const documents = await allDocuments()
const byName = new Map(documents.map(([file, name, document]) => [`${file}#${name}`, document]))

/** The page file and every .vue/.js file under src it imports, transitively. */
function sourcesOf(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return seen
  seen.add(file)
  for (const [, path] of read(file).matchAll(/import\s[^'"]*['"]([^'"]+)['"]/g)) {
    if (!path.startsWith('.') && !path.startsWith('@/')) continue
    const target = path.startsWith('@/') ? join(SRC, path.slice(2)) : resolve(dirname(file), path)
    if (target.startsWith(join(SRC, 'graphql')) || target.startsWith(join(SRC, 'api'))) continue
    sourcesOf(target, seen)
  }
  return seen
}

/** [document, source text] of each document a file imports by name from src/graphql. */
function documentsUsedBy(file) {
  const text = read(file)
  const used = []
  for (const [, names, path] of text.matchAll(/import\s*\{([^}]+)\}\s*from\s*['"]([^'"]*graphql\/[^'"]+)['"]/g)) {
    const target = path.startsWith('@/') ? join(SRC, path.slice(2)) : resolve(dirname(file), path)
    const module = target.slice(SRC.length + 1).replace(/(\.js)?$/, '.js')
    for (const name of names.split(',').map(n => n.trim().split(/\s+as\s+/)[0]).filter(Boolean)) {
      const document = byName.get(`${module}#${name}`)
      if (!document) throw new Error(`${file}: ${name} is not a document of ${module}`)
      used.push({ name, document, text })
    }
  }
  return used
}

const ruleKey = (kind, field) => `${kind === 'mutation' ? 'Mutation' : 'Query'}.${field}`

describe('every page calls only what its roles may call', () => {
  test('there are routes to check', () => {
    expect(pageRoutes.length).toBeGreaterThan(2)
  })

  test.each(pageRoutes.map(r => [r.path, r]))('%s', (path, route) => {
    const roles = route.meta.roles
    expect(roles && roles.length, `${path} names its roles`).toBeTruthy()
    const problems = []
    for (const file of sourcesOf(join(SRC, 'pages', route.file))) {
      for (const { name, document, text } of documentsUsedBy(file)) {
        const { kind, rootFields } = operationOf(document)
        for (const field of rootFields) {
          const allowed = rules[ruleKey(kind, field)]
          if (!allowed) { problems.push(`${name}: ${field} has no rule in who-may-call.txt`); continue }
          const refused = roles.filter(role => !allowed.includes(role))
          const guard = kind === 'mutation' ? `can('${field}')` : `can('Query.${field}')`
          if (refused.length && !text.includes(guard)) {
            problems.push(`${file.slice(SRC.length + 1)} ${name}: ${refused.join(', ')} may not call ${field} (show it only when ${guard})`)
          }
        }
      }
    }
    expect(problems).toEqual([])
  })

  test('a route that lets a role in to a page it cannot use is caught', () => {
    const allowed = rules['Query.pointsApprovals']
    expect(allowed).toEqual(['ADMIN'])
  })
})
