// One screenshot per row of e2e/shots/*.js: { name, role, path, title, prepare(page)? }, signed in as
// the row's role (one sign-in per role), the page settled, saved as docs/console/<name>.png.
import { test } from '@playwright/test'
import { readdirSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { signIn, settled, consolePath } from '../support.js'

const here = dirname(fileURLToPath(import.meta.url))
const tableDir = join(here, '../shots')
const rows = (await Promise.all(readdirSync(tableDir).filter(f => f.endsWith('.js')).sort()
  .map(f => import(join(tableDir, f))))).flatMap(m => m.default)
const out = process.env.SHOTS_DIR || join(here, '../../../docs/console')
/** SHOTS_ONLY=event (or event,stamp): only the pictures whose name contains one of them (the index still lists every row). */
const only = (process.env.SHOTS_ONLY || '').split(',').map(s => s.trim()).filter(Boolean)

test('every console page, as pictures in docs/console', async ({ browser }) => {
  const pages = {}
  for (const row of rows.filter(r => !only.length || only.some(o => r.name.includes(o)))) {
    if (!pages[row.role]) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
      pages[row.role] = await context.newPage()
      if (row.role !== 'NONE') await signIn(pages[row.role], row.role)
    }
    const page = pages[row.role]
    await page.goto(consolePath(row.path))
    if (row.role !== 'NONE') await settled(page)
    if (row.prepare) await row.prepare(page)
    await page.waitForTimeout(400) // charts finish their entry animation
    await page.screenshot({ path: join(out, `${row.name}.png`), fullPage: !!row.fullPage })
  }
  writeFileSync(join(out, 'README.md'), index(rows))
})

const ROLE_NAMES = { NONE: '未登录', CLERK: '店员', STORE_MANAGER: '店长', MARKETER: '市场', ADMIN: '管理员' }

/** docs/console/README.md: every picture with its page, address and role. */
function index(rows) {
  return ['# The console, page by page', '',
    'Rendered from the demo data by `scripts/console-shots` (one row each in `console/e2e/shots/*.js`); re-run it when a page changes.', '',
    '| page | address | seen as | picture |', '| --- | --- | --- | --- |',
    ...rows.map(r => `| ${r.title} | \`/console${r.path}\` | ${ROLE_NAMES[r.role]} | [<img src="${r.name}.png" width="360">](${r.name}.png) |`),
    ''].join('\n')
}
