/**
 * The tab bar: every tab has an icon and a selected icon, 81x81 PNGs under src/, and the
 * committed files are what scripts/tab-icons.js draws (run it after changing a shape).
 */
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')
const { SIZE, ICONS, iconFiles } = require('../scripts/tab-icons')

const SRC = path.join(__dirname, '../src')
const app = JSON.parse(fs.readFileSync(path.join(SRC, 'app.json'), 'utf8'))
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** WeChat refuses tab icons above 40 KB. */
const MAX_BYTES = 40 * 1024

/** A PNG's chunks: [{ type, data }]. */
function chunks(bytes) {
  const list = []
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at)
    list.push({ type: bytes.toString('ascii', at + 4, at + 8), data: bytes.subarray(at + 8, at + 8 + length) })
    at += 12 + length
  }
  return list
}

const tabs = app.tabBar.list
const iconPaths = tabs.flatMap(tab => [[tab.text, 'iconPath', tab.iconPath], [tab.text, 'selectedIconPath', tab.selectedIconPath]])

test('theTabBarHasTheFourMemberTabsWithTheirIcons', () => {
  expect(tabs.map(t => t.text)).toEqual(['会员卡', '签到', '优惠券', '我的'])
  expect(tabs.map(t => t.pagePath)).toEqual(ICONS.map(i => i.page))
})

test.each(iconPaths)('%s has a %s that is an 81x81 PNG', (text, key, iconPath) => {
  expect(iconPath).toMatch(/^images\/tab\/[a-z-]+\.png$/)
  const bytes = fs.readFileSync(path.join(SRC, iconPath))
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(bytes.length).toBeLessThan(MAX_BYTES)
  const header = chunks(bytes)[0]
  expect(header.type).toBe('IHDR')
  expect([header.data.readUInt32BE(0), header.data.readUInt32BE(4)]).toEqual([81, 81])
})

test('theSelectedIconDiffersFromTheNormalOne', () => {
  for (const tab of tabs) {
    expect(fs.readFileSync(path.join(SRC, tab.iconPath)).equals(fs.readFileSync(path.join(SRC, tab.selectedIconPath)))).toBe(false)
  }
})

test.each(iconFiles().map(f => [f.file, f.rows]))('the committed %s is what scripts/tab-icons.js draws', (file, rows) => {
  expect(SIZE).toBe(81)
  const bytes = fs.readFileSync(path.join(SRC, 'images/tab', file))
  const data = Buffer.concat(chunks(bytes).filter(c => c.type === 'IDAT').map(c => c.data))
  expect(zlib.inflateSync(data).equals(rows)).toBe(true)
})
