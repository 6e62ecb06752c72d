/** The route files of src/router/routes read without Vite (import.meta.glob is Vite's). */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { SRC } from './sources.js'

const dir = join(SRC, 'router/routes')
const files = readdirSync(dir).filter(f => f.endsWith('.js') && f !== 'index.js').sort()
export const pageRoutes = (await Promise.all(files.map(f => import(join(dir, f))))).flatMap(m => m.default)
