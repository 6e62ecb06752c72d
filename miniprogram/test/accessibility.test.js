/**
 * Screen readers: a control that shows only an icon or a picture (✕, ›, an avatar) has an
 * aria-label saying what it does. Checked in the markup of every member page and shared
 * component (WeChat reads aria-label; miniprogram-simulate does not render it, so the WXML is
 * read as written).
 */
const { wxmlFiles } = require('./support/wxml-files')

const CONTROL = /\s(bind|catch)(tap|longpress)=|^<button\b/
const WORDS = /[\u4e00-\u9fffA-Za-z0-9]/

/** Every control of a WXML text: its opening tag and the markup inside it. */
function controls(text) {
  const found = []
  const stack = []
  const tagPattern = /<(\/?)([\w-]+)((?:\s[^>]*?)?)(\/?)>/g
  let match
  while ((match = tagPattern.exec(text))) {
    const [tag, closing, name, , selfClosing] = match
    if (closing) {
      const open = stack.pop()
      if (open && open.control) found.push({ tag: open.tag, inner: text.slice(open.end, match.index) })
    } else if (!selfClosing) {
      stack.push({ name, tag, end: match.index + tag.length, control: CONTROL.test(tag) })
    } else if (CONTROL.test(tag)) {
      found.push({ tag, inner: '' })
    }
  }
  return found
}

/**
 * Shows a picture (in some state), or no words once tags are dropped (only symbols, or nothing);
 * text from {{…}} counts as words.
 */
function iconOnly(inner) {
  if (/<image\b/.test(inner)) return true
  if (/\{\{/.test(inner.replace(/<[^>]*>/g, ''))) return false
  return !WORDS.test(inner.replace(/<[^>]*>/g, ''))
}

const hasLabel = tag => /\saria-label="[^"]+"/.test(tag)

const memberMarkup = wxmlFiles().filter(f => f.file.startsWith('pages/') || f.file.startsWith('components/'))
const iconControls = memberMarkup.flatMap(f => controls(f.text).filter(c => iconOnly(c.inner)).map(c => [f.file, c.tag]))

test('theMemberPagesHaveIconOnlyControlsToCheck', () => {
  expect(iconControls.map(([file]) => file)).toEqual(expect.arrayContaining(['pages/card/index.wxml', 'pages/mine/index.wxml']))
})

test.each(iconControls)('%s: %s says what it does (aria-label)', (file, tag) => {
  expect(hasLabel(tag)).toBe(true)
})

test('aCloseCrossOrAPictureButtonWithoutALabelIsCaught', () => {
  const found = controls('<view bindtap="close">✕</view><button open-type="chooseAvatar"><image src="{{a}}"/></button><view bindtap="go">下月 ›</view>')
  expect(found.map(c => iconOnly(c.inner))).toEqual([true, true, false])
  expect(found.map(c => hasLabel(c.tag))).toEqual([false, false, false])
})

test('theCalendarsDaysAreReadAsTheDateAndWhatHappenedThatDay', () => {
  const checkin = memberMarkup.find(f => f.file === 'pages/checkin/index.wxml').text
  const day = controls(checkin).find(c => /class="day /.test(c.tag))
  expect(day.tag).toContain('aria-label="{{item.day ? item.label + \'日 \' + item.mark : \'\'}}"')
  expect(day.tag).toContain('aria-role="{{item.day ? \'button\' : \'\'}}"')
})

// 我的 and 隐私与个人信息 in detail: the avatar chooser, chevrons, link rows, the marketing switch
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
