/**
 * WXSS as the browser gets it for the pictures and the layout test: rpx at a 375 px screen, tag
 * selectors as simulate's wx-* elements, `page` as body, classes prefixed as simulate names them.
 */
const { rpxToPx, rewriteTags, pageCss } = require('./shots/wxss')

test('rpxBecomeHalfAPixelOnA375PixelScreen', () => {
  expect(rpxToPx('.a{margin:24rpx 0 -8rpx;width:750rpx;border:1rpx solid #eee;font-size:28.5rpx}'))
    .toBe('.a{margin:12px 0 -4px;width:375px;border:0.5px solid #eee;font-size:14.25px}')
})

test('tagSelectorsBecomeWxElementsAndPageTheBody', () => {
  expect(rewriteTags('page{color:red}.main--actions button,.main--field input{margin:0}.main--text-muted{text-align:left}view>text{x:y}'))
    .toBe('body{color:red}.main--actions wx-button,.main--field wx-input{margin:0}.main--text-muted{text-align:left}wx-view>wx-text{x:y}')
})

test('aPageGetsTheAppsStylesItsOwnAndItsComponentsWithTheirPrefixes', () => {
  const css = pageCss('pages/card/index')
  expect(css).toContain('body{background:#f5f5f7')
  expect(css).toContain('.main--section{margin:12px;padding:12px')
  expect(css).toContain('.main--card{margin:12px;padding:16px')
  expect(css).toContain('.qr-code--qr{')
  expect(css).toContain('.tier-progress--tp-bar{')
  // staff pages import the shared staff styles
  expect(pageCss('staff/till/index')).toContain('.main--field-error{')
})
