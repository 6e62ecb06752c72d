/**
 * Screen readers (WeChat's 读屏): on 我的 and 隐私与个人信息, controls without readable text carry an
 * aria-label, and decorative chevrons are hidden. miniprogram-simulate does not render aria-*
 * attributes, so this reads the pages' WXML.
 */
const fs = require('fs')
const path = require('path')

const wxml = page => fs.readFileSync(path.join(__dirname, '../src', page), 'utf8')
/** Every opening tag of `name` (e.g. button, switch, image) in the source, attributes included. */
const tags = (source, name) => source.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) || []

test('theAvatarChooserAndTheAvatarSayWhatTheyAre', () => {
  const mine = wxml('pages/mine/index.wxml')
  expect(tags(mine, 'button').find(t => t.includes('chooseAvatar'))).toContain('aria-label="选择头像"')
  for (const tag of tags(mine, 'image')) expect(tag).toContain('aria-label="头像"')
})

test('chevronsAreHiddenAndLinkRowsNamedOnMine', () => {
  const mine = wxml('pages/mine/index.wxml')
  const chevrons = mine.match(/<text[^>]*>›<\/text>/g)
  expect(chevrons.length).toBeGreaterThan(0)
  for (const chevron of chevrons) expect(chevron).toContain('aria-hidden="true"')
  for (const row of tags(mine, 'view').filter(t => /class="link /.test(t))) {
    expect(row).toContain('aria-role="link"')
    expect(row).toMatch(/aria-label="[^"]+"/)
  }
})

test('theMarketingSwitchIsNamedAndTappableLinesAreButtons', () => {
  const privacy = wxml('pages/privacy/index.wxml')
  expect(tags(privacy, 'switch')[0]).toContain('aria-label="接收营销消息与短信"')
  for (const page of ['pages/privacy/index.wxml', 'pages/mine/index.wxml']) {
    for (const tag of tags(wxml(page), 'view').filter(t => t.includes('bindtap=') && !/class="link /.test(t))) {
      expect(tag).toContain('aria-role="button"')
    }
  }
})
