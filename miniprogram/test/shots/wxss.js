/**
 * The CSS a browser needs to show a page rendered by miniprogram-simulate as the phone would:
 * the app's and the page's WXSS and those of the components it uses (with their @imports), with
 * classes prefixed the way simulate names them in the DOM ("main--card" for a page's "card",
 * "qr-code--qr" inside <qr-code>), rpx turned into px for a 375 px wide screen, `page` into
 * `body`, and tag selectors (view, button, ...) into the wx-* elements simulate renders.
 */
const fs = require('fs')
const path = require('path')
const simulateWxss = require('miniprogram-simulate/src/wxss')

const SRC = path.join(__dirname, '../../src')
const SCREEN_WIDTH = 375

/** WeChat's built-in components, rendered by simulate as <wx-view>, <wx-button>, ... */
const BUILT_INS = ['view', 'text', 'button', 'image', 'input', 'textarea', 'picker', 'picker-view',
  'scroll-view', 'swiper', 'swiper-item', 'navigator', 'canvas', 'icon', 'switch', 'checkbox', 'radio',
  'label', 'form', 'slider', 'progress', 'rich-text', 'block', 'video', 'map', 'web-view', 'movable-view',
  'movable-area', 'cover-view', 'cover-image']

const TAG = new RegExp(`(^|[\\s>+~,(])(page|${BUILT_INS.join('|')})(?=$|[\\s>+~,.:#\\[)])`, 'g')

/** "24rpx" → "12px" at 375 px (750 rpx make the screen's width). */
function rpxToPx(css) {
  return css.replace(/(-?\d*\.?\d+)rpx/g, (all, n) => `${+(Number(n) * SCREEN_WIDTH / 750).toFixed(3)}px`)
}

/** Rewrites the tag names of selectors; class names (".main--view-x") are left alone. */
function rewriteTags(css) {
  // selectors are everything before a "{"; declarations are left as they are
  return css.replace(/(^|})([^{}]+)\{/g, (all, close, selectors) => {
    const rewritten = selectors.replace(TAG, (m, before, tag) => before + (tag === 'page' ? 'body' : `wx-${tag}`))
    return close + rewritten + '{'
  })
}

/** One WXSS file (imports resolved) compiled for the elements of a component named `prefix`. */
function compile(file, prefix) {
  const wxss = simulateWxss.getContent(file)
  if (!wxss) return ''
  return rewriteTags(rpxToPx(simulateWxss.compile(wxss, { prefix })))
}

function readJson(file) {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
}

/** Whether a component lets the app's classes style it (addGlobalClass or a shared isolation). */
function takesGlobalClasses(componentPath) {
  const js = fs.existsSync(componentPath + '.js') ? fs.readFileSync(componentPath + '.js', 'utf8') : ''
  return /addGlobalClass\s*:\s*true|styleIsolation\s*:\s*['"](apply-shared|shared)['"]/.test(js)
}

/**
 * The CSS of a page of src/ ("pages/card/index") and of every component it uses, recursively,
 * keyed by the tag name simulate gives each component.
 */
function pageCss(pagePath) {
  const appWxss = path.join(SRC, 'app.wxss')
  const parts = [compile(appWxss, 'main'), compile(path.join(SRC, pagePath + '.wxss'), 'main')]
  const seen = new Set()
  const visit = (componentPath) => {
    const using = readJson(componentPath + '.json').usingComponents || {}
    for (const [tag, target] of Object.entries(using)) {
      const resolved = target.startsWith('/') ? path.join(SRC, target) : path.join(path.dirname(componentPath), target)
      if (seen.has(tag + resolved)) continue
      seen.add(tag + resolved)
      if (takesGlobalClasses(resolved)) parts.push(compile(appWxss, tag))
      parts.push(compile(resolved + '.wxss', tag))
      visit(resolved)
    }
  }
  visit(path.join(SRC, pagePath))
  return parts.filter(Boolean).join('\n')
}

module.exports = { pageCss, rpxToPx, rewriteTags, BUILT_INS, SCREEN_WIDTH }
