/** The console's sources as the tests see them: schema, documents, routes and page files. */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSchema } from 'graphql'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const SRC = join(ROOT, 'src')
const SCHEMA_DIR = resolve(ROOT, '../schema')

export function loadSchema() {
  return buildSchema(readdirSync(SCHEMA_DIR).filter(f => f.endsWith('.graphqls')).sort()
    .map(f => readFileSync(join(SCHEMA_DIR, f), 'utf8')).join('\n'))
}

export function filesUnder(dir, suffix) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesUnder(path, suffix)
    return path.endsWith(suffix) ? [path] : []
  })
}

/** [module file, export name, document] of every document in src/graphql. */
export async function allDocuments() {
  const out = []
  for (const file of filesUnder(join(SRC, 'graphql'), '.js')) {
    const module = await import(file)
    for (const [name, document] of Object.entries(module)) {
      if (typeof document === 'string') out.push([file.slice(SRC.length + 1), name, document])
    }
  }
  return out
}

export function read(file) {
  return readFileSync(file, 'utf8')
}
