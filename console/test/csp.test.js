/**
 * The backend serves the console under a Content-Security-Policy that allows scripts and styles
 * from files only. Inline style attributes written in templates would be refused in production
 * (Vue may render static parts as HTML), so they are kept out of every .vue file.
 */
import { test, expect } from 'vitest'
import { join } from 'node:path'
import { SRC, filesUnder, read } from './support/sources.js'

test('no template has an inline style attribute or inline script', () => {
  const offenders = filesUnder(SRC, '.vue').filter(file => {
    const template = (read(file).match(/<template>[\s\S]*<\/template>/) || [''])[0]
    return /\sstyle="/.test(template) || /<script(?![^>]*\bsetup\b)[^>]*>[^<]+<\/script>/.test(template)
  }).map(file => file.slice(SRC.length + 1))
  expect(offenders).toEqual([])
})

test('index.html loads its script from a file', () => {
  const html = read(join(SRC, '../index.html'))
  expect(html).toMatch(/<script type="module" src="\/src\/main.js"><\/script>/)
  expect(html).not.toMatch(/<style/)
})
