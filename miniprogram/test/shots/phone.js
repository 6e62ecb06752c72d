/**
 * Turns a page rendered by miniprogram-simulate (jsdom, wx-* elements) into a standalone HTML
 * document that looks like the phone: the page's DOM with the attributes of built-in components
 * that change their look (button size/type/disabled, input values, image sources, QR canvases),
 * the page's CSS (./wxss.js), WeChat's default look of the built-in components, the navigation
 * bar with the page's title and, on tab pages, the tab bar. The picture is as long as the page
 * (at least the phone's 812 px): bars at the top and bottom, the page between them.
 */
const fs = require('fs')
const path = require('path')
const { pageCss } = require('./wxss')
const qr = require('../../src/lib/qr')

const SRC = path.join(__dirname, '../../src')
const APP = JSON.parse(fs.readFileSync(path.join(SRC, 'app.json'), 'utf8'))

/** Attributes of built-in components kept on their elements (for the CSS below) or drawn. */
const SHOWN_ATTRIBUTES = ['size', 'type', 'disabled', 'loading', 'plain', 'checked', 'password', 'mode']

/** WeChat's default look of its built-in components (style v2), roughly, at 375 px. */
const BASE_CSS = `
html { -webkit-text-size-adjust: none; }
body { margin: 0; font-family: "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif;
  font-size: 16px; line-height: 1.4; }
main, wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-form, wx-navigator, wx-picker, wx-picker-view,
  wx-cover-view, wx-movable-area { display: block; }
wx-text, wx-label { display: inline; white-space: pre-wrap; }
wx-button { position: relative; display: block; box-sizing: border-box; width: 184px; margin: 0 auto;
  padding: 8px 24px; font-size: 17px; font-weight: 700; line-height: 1.41176471; text-align: center;
  border-radius: 4px; background-color: #f2f2f2; color: #06ae56; overflow: hidden; }
wx-button[type=primary] { background-color: #07c160; color: #fff; }
wx-button[type=warn] { color: #fa5151; }
wx-button[size=mini] { display: inline-block; width: auto; padding: 0 12px; font-size: 13px; line-height: 2.3; }
wx-button[disabled] { opacity: .6; }
wx-button[loading]::before { content: "◌ "; }
wx-input { display: block; min-height: 1.4em; line-height: 1.4em; overflow: hidden; white-space: nowrap; }
wx-textarea { display: block; width: 300px; min-height: 4.2em; white-space: pre-wrap; }
.shot-placeholder { color: #b2b2b2; }
wx-image { display: inline-block; width: 320px; height: 240px; overflow: hidden; background: #e8e8ee; }
wx-image > img { width: 100%; height: 100%; object-fit: cover; display: block; }
wx-image[mode=aspectFit] > img { object-fit: contain; }
wx-canvas { display: block; width: 300px; height: 150px; }
wx-canvas > svg { display: block; width: 100%; height: 100%; }
wx-switch { display: inline-block; width: 52px; height: 32px; border-radius: 16px; background: #e5e5e5;
  position: relative; vertical-align: middle; }
wx-switch::after { content: ""; position: absolute; top: 2px; left: 2px; width: 28px; height: 28px;
  border-radius: 50%; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
wx-switch[checked] { background: #04be02; }
wx-switch[checked]::after { left: 22px; }
.shot-phone { display: flex; flex-direction: column; min-height: 812px; }
.shot-status { height: 44px; display: flex; align-items: center; justify-content: space-between; padding: 0 28px;
  box-sizing: border-box; font: 600 15px sans-serif; flex: none; }
.shot-nav { position: relative; height: 44px; display: flex; align-items: center; justify-content: center;
  font-size: 17px; font-weight: 600; flex: none; }
.shot-capsule { position: absolute; right: 7px; top: 6px; width: 87px; height: 32px; box-sizing: border-box;
  border-radius: 16px; border: 1px solid rgba(255,255,255,.3); display: flex; align-items: center;
  justify-content: space-around; font-size: 15px; font-weight: 700; }
.shot-page { flex: 1; }
.shot-tabbar { height: 50px; padding-bottom: 34px; display: flex; border-top: 1px solid rgba(0,0,0,.1); flex: none; }
.shot-tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; font-size: 10px; }
.shot-tab-picture { width: 27px; height: 27px; margin-bottom: 1px; }
.shot-tab-icon { width: 24px; height: 24px; margin-bottom: 2px; border-radius: 6px; border: 2px solid currentColor; box-sizing: border-box; }
.shot-toast { position: fixed; top: 58%; left: 50%; transform: translate(-50%, -50%); z-index: 20; max-width: 240px;
  padding: 12px 16px; border-radius: 8px; background: rgba(17,17,17,.75); color: #fff; font-size: 15px; text-align: center; }
.shot-mask { position: fixed; inset: 0; z-index: 20; background: rgba(0,0,0,.5); display: flex; align-items: center; justify-content: center; }
.shot-modal { width: 300px; border-radius: 12px; background: #fff; text-align: center; overflow: hidden; }
.shot-modal-title { padding: 24px 24px 8px; font-size: 17px; font-weight: 700; }
.shot-modal-content { padding: 8px 24px 24px; font-size: 15px; color: #666; }
.shot-modal-buttons { display: flex; border-top: 1px solid #eee; font-size: 17px; font-weight: 700; }
.shot-modal-buttons > div { flex: 1; padding: 14px 0; }
.shot-modal-buttons > div + div { border-left: 1px solid #eee; color: #576b95; }
`

const escape = s => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The attributes simulate evaluated for a built-in element (its virtual tree keeps them). */
function builtInAttributes(dom) {
  const element = dom.__wxElement
  const attrs = element && element._vt && element._vt.attrs
  return new Map((attrs || []).map(({ name, value }) => [name, value]))
}

/** A QR code as an SVG, from the text a <qr-code> canvas drew (its data-text). */
function qrSvg(text) {
  const modules = qr.matrix(text)
  const count = modules.length + 4
  const rects = []
  modules.forEach((row, r) => row.forEach((dark, c) => {
    if (dark) rects.push(`<rect x="${c + 2}" y="${r + 2}" width="1.02" height="1.02"/>`)
  }))
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${count} ${count}" shape-rendering="crispEdges">` +
    `<rect width="${count}" height="${count}" fill="#fff"/><g fill="#000">${rects.join('')}</g></svg>`
}

/** An image source the browser can show offline: local files as data URLs, remote ones dropped. */
function imageSource(src) {
  if (!src || /^https?:/.test(src)) return null
  if (src.startsWith('data:')) return src
  const file = path.join(SRC, src.replace(/^\//, ''))
  if (!fs.existsSync(file)) return null
  const type = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.gif': 'image/gif' }[path.extname(file)]
  return type ? `data:${type};base64,${fs.readFileSync(file).toString('base64')}` : null
}

/** The HTML of a rendered element, built-in components drawn with what changes their look. */
function serialize(node) {
  if (node.nodeType === 3) return escape(node.textContent)
  if (node.nodeType !== 1) return ''
  const tag = node.tagName.toLowerCase()
  const attributes = Array.from(node.attributes).map(a => ` ${a.name}="${escape(a.value)}"`)
  let inner = Array.from(node.childNodes).map(serialize).join('')
  if (tag.startsWith('wx-')) {
    const props = builtInAttributes(node)
    for (const name of SHOWN_ATTRIBUTES) {
      const value = props.get(name)
      if (value !== undefined && value !== false && value !== null && value !== '') attributes.push(` ${name}="${escape(value === true ? '' : value)}"`)
    }
    if (tag === 'wx-input' || tag === 'wx-textarea') {
      const value = props.get('value')
      if (value !== undefined && value !== null && value !== '') inner = escape(props.get('password') ? '•'.repeat(String(value).length) : value)
      else if (props.get('placeholder')) inner = `<span class="shot-placeholder">${escape(props.get('placeholder'))}</span>`
    } else if (tag === 'wx-image') {
      const src = imageSource(props.get('src'))
      inner = src ? `<img src="${escape(src)}">` : ''
    } else if (tag === 'wx-canvas' && node.getAttribute('data-text')) {
      inner = qrSvg(node.getAttribute('data-text'))
    } else if (tag === 'wx-picker' && !inner.trim() && props.get('value') !== undefined) {
      inner = escape(props.get('value'))
    }
  }
  return `<${tag}${attributes.join('')}>${inner}</${tag}>`
}

/** The page's json merged over the app's window settings (title, colours). */
function windowOf(pagePath) {
  const file = path.join(SRC, pagePath + '.json')
  const page = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
  return Object.assign({}, APP.window, page)
}

function navigationBar(win) {
  const color = win.navigationBarTextStyle === 'black' ? '#000' : '#fff'
  const style = `background:${win.navigationBarBackgroundColor || '#fff'};color:${color}`
  return `<div class="shot-status" style="${style}"><span>9:41</span><span>▮▮▮ ◔ ▭</span></div>` +
    `<div class="shot-nav" style="${style}">${escape(win.navigationBarTitleText || '')}` +
    `<div class="shot-capsule" style="border-color:${color === '#fff' ? 'rgba(255,255,255,.35)' : 'rgba(0,0,0,.15)'}"><span>···</span><span>◉</span></div></div>`
}

function tabBar(pagePath) {
  const bar = APP.tabBar
  if (!bar || !bar.list.some(item => item.pagePath === pagePath)) return ''
  const tabs = bar.list.map(item => {
    const selected = item.pagePath === pagePath
    const colour = selected ? bar.selectedColor : bar.color
    const icon = selected ? item.selectedIconPath : item.iconPath
    const picture = icon
      ? `<img class="shot-tab-picture" src="data:image/png;base64,${fs.readFileSync(path.join(SRC, icon)).toString('base64')}">`
      : '<div class="shot-tab-icon"></div>'
    return `<div class="shot-tab" style="color:${colour}">${picture}${escape(item.text)}</div>`
  })
  return `<div class="shot-tabbar" style="background:${bar.backgroundColor}">${tabs.join('')}</div>`
}

/** Whether a page of app.json is one of the tab bar's. */
const isTabPage = pagePath => !!(APP.tabBar && APP.tabBar.list.some(item => item.pagePath === pagePath))

/** What wx.showModal / wx.showToast put over the page (their options), if anything. */
function overlay({ toast, modal } = {}) {
  if (modal) {
    const cancel = modal.showCancel === false ? '' : `<div>${escape(modal.cancelText || '取消')}</div>`
    return `<div class="shot-mask"><div class="shot-modal">` +
      (modal.title ? `<div class="shot-modal-title">${escape(modal.title)}</div>` : '') +
      `<div class="shot-modal-content">${escape(modal.content || '')}</div>` +
      `<div class="shot-modal-buttons">${cancel}<div>${escape(modal.confirmText || '确定')}</div></div></div></div>`
  }
  if (toast && toast.title) return `<div class="shot-toast">${toast.icon === 'success' ? '✓<br>' : ''}${escape(toast.title)}</div>`
  return ''
}

/**
 * The phone's screen as HTML: `page` is what loadPage() returned for `pagePath`
 * ("pages/card/index", "staff/till/index"); `shown` the toast or modal over it ({toast}, {modal}).
 */
function phoneHtml(page, pagePath, shown) {
  const win = windowOf(pagePath)
  return `<!doctype html><html><head><meta charset="utf-8">
<style>${BASE_CSS}</style>
<style>${pageCss(pagePath)}</style>
</head><body><div class="shot-phone">
${navigationBar(win)}
<div class="shot-page">${serialize(page.dom)}</div>
${tabBar(pagePath)}
</div>${overlay(shown)}</body></html>`
}

/** Every page of app.json: member pages and those of the subpackages ("staff/till/index"). */
function appPages() {
  const sub = (APP.subPackages || APP.subpackages || []).flatMap(p => p.pages.map(page => `${p.root}/${page}`))
  return APP.pages.concat(sub)
}

module.exports = { phoneHtml, serialize, builtInAttributes, SHOWN_ATTRIBUTES, appPages, isTabPage, windowOf }
