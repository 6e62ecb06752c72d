/**
 * Loads a page or component of src/ in miniprogram-simulate. Pages are written with the
 * Component() constructor (lifecycle methods under `methods`), so they load like components.
 */
const path = require('path')
const simulate = require('miniprogram-simulate')

const ROOT = path.join(__dirname, '../../src')

const loaded = new Map()

/**
 * Renders e.g. 'pages/rules/index' and attaches it; call page.instance.onLoad(query) yourself.
 * A page's code is registered once per test file (jest caches the module), then rendered afresh.
 */
function loadPage(pagePath, properties) {
  if (!loaded.has(pagePath)) loaded.set(pagePath, simulate.load(path.join(ROOT, pagePath), { rootPath: ROOT }))
  const id = loaded.get(pagePath)
  const page = simulate.render(id, properties)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

/** Lets pending requests, timers of 0 ms and renders settle. */
async function flush(rounds = 10) {
  for (let i = 0; i < rounds; i++) await simulate.sleep(0)
}

/** The text of the first element matching selector, trimmed; null when none. */
function text(page, selector) {
  const el = page.querySelector(selector)
  return el ? el.dom.textContent.replace(/\s+/g, ' ').trim() : null
}

/** The texts of every element matching selector. */
function texts(page, selector) {
  return page.querySelectorAll(selector).map(el => el.dom.textContent.replace(/\s+/g, ' ').trim())
}

/** Taps the first element matching selector (throws when there is none). */
function tap(page, selector, detail) {
  const el = page.querySelector(selector)
  if (!el) throw new Error(`nothing to tap at ${selector}`)
  el.dispatchEvent('tap', { detail })
}

/** Types value into the input at selector (bindinput). */
function type(page, selector, value) {
  const el = page.querySelector(selector)
  if (!el) throw new Error(`nothing to type into at ${selector}`)
  el.dispatchEvent('input', { detail: { value } })
}

/** Fires a blur on the input at selector. */
function blur(page, selector) {
  page.querySelector(selector).dispatchEvent('blur', { detail: {} })
}

/** Waits, on real timers, until check() is truthy (for pages talking to a real backend). */
async function waitFor(check, timeoutMs = 10000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > until) throw new Error('waitFor: timed out')
    await simulate.sleep(20)
  }
}

/** The address an <image> shows (mirrored in its data-src: the simulator renders no src); null when none. */
function imageSrc(page, selector) {
  const el = page.querySelector(selector)
  return el ? el._exparserNode.dataset.src : null
}

module.exports = { loadPage, flush, text, texts, tap, type, blur, waitFor, simulate, imageSrc }
