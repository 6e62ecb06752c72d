/**
 * Buttons wear the brand (gold and ink, as the tab bar and navigation bar in app.json), never
 * WeChat's default green (type="primary") or grey: every <button> in src/ carries one of the
 * brand classes of app.wxss, and those classes use the brand's colours.
 */
const fs = require('fs')
const path = require('path')
const { SRC, wxmlFiles, openingTags } = require('./support/wxml-files')

const BRAND_CLASSES = ['primary-button', 'secondary-button', 'plain-button']
const app = JSON.parse(fs.readFileSync(path.join(SRC, 'app.json'), 'utf8'))
const GOLD = app.tabBar.selectedColor
const INK = app.window.navigationBarBackgroundColor
const appWxss = fs.readFileSync(path.join(SRC, 'app.wxss'), 'utf8')

/** The declarations of a class's own rule in app.wxss ("" when there is none). */
function rule(className) {
  const match = appWxss.match(new RegExp(`(^|\\n)\\.${className}\\s*\\{([^}]*)\\}`))
  return match ? match[2] : ''
}

const buttons = wxmlFiles().flatMap(({ file, text }) => openingTags(text, 'button').map(b => [file, b.tag, b.attributes]))

test('theAppHasButtonsToCheck', () => {
  expect(buttons.length).toBeGreaterThan(10)
  // every <button written in the WXML was read as a tag (none skipped by the attribute parser)
  const written = wxmlFiles().reduce((n, { text }) => n + (text.match(/<button[\s>]/g) || []).length, 0)
  expect(buttons).toHaveLength(written)
})

test('theBrandClassesUseTheBrandsGoldAndInk', () => {
  expect([GOLD, INK]).toEqual(['#c8a253', '#1f1f2e'])
  expect(rule('primary-button')).toContain(`background: ${GOLD}`)
  expect(rule('primary-button')).toContain(`color: ${INK}`)
  expect(rule('secondary-button')).toContain(`color: ${INK}`)
  expect(rule('secondary-button')).toContain(`border: 1rpx solid ${INK}`)
  expect(rule('plain-button')).toContain('background: none')
})

test.each(buttons)('%s: %s wears a brand class and not WeChat\'s green', (file, tag, attributes) => {
  const classes = String(attributes.class || '').split(/\s+/)
  expect(BRAND_CLASSES.filter(c => classes.includes(c))).toHaveLength(1)
  expect(attributes.type === 'primary' || attributes.type === 'warn').toBe(false)
})

test('aButtonWithoutABrandClassOrWithTypePrimaryIsCaught', () => {
  const [plain, green] = openingTags('<button class="save" bindtap="x">保存</button><button type="primary" class="primary-button">好</button>', 'button')
  expect(String(plain.attributes.class).split(/\s+/).some(c => BRAND_CLASSES.includes(c))).toBe(false)
  expect(green.attributes.type).toBe('primary')
})
