/**
 * Takes the pictures of ./table.js: each page rendered by miniprogram-simulate with data from the
 * dev backend at LOYALTY_API_URL (real HTTP, ../e2e/real-wx.js), turned into HTML (./phone.js)
 * and photographed by headless Chromium (./browser.js) into docs/miniprogram/. Run it through
 * scripts/miniprogram-shots, which starts that backend; SHOTS_ONLY=checkin takes only the
 * entries whose file name contains "checkin", SHOTS_SCALE=2 takes them at 2x, and
 * SHOTS_HTML=/some/dir also writes the HTML each picture was taken from (to debug a picture).
 */
const fs = require('fs')
const path = require('path')
const { phoneHtml } = require('./phone')
const browser = require('./browser')
const { SHOTS, NEW, fileName } = require('./table')

const OUT = path.join(__dirname, '../../../docs/miniprogram')
const SCALE = Number(process.env.SHOTS_SCALE || 1)
const ONLY = process.env.SHOTS_ONLY
// settled: no request for this long (a failed query is retried after 0.4 s and 1.2 s: wait past both)
const QUIET_MS = { ok: 600, failing: 1500 }
const newMember = 'shot' + Date.now().toString(36)
// staff sign in once per username for the whole run: signing in for every picture would hit the
// backend's sign-in rate limit (STAFF_LOGIN) long before the last staff picture
const staffSessions = new Map()

jest.setTimeout(90000)

let chromium
beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true })
  chromium = await browser.launch()
})
afterAll(async () => {
  if (chromium) await chromium.close()
})

/** wx.request counted, so the run knows when the page has settled; `fail` breaks all but sign-ins. */
function instrument(wx, fail) {
  const state = { running: 0, last: Date.now() }
  const send = wx.request
  wx.request = jest.fn(options => {
    const body = options.data || {}
    const signIn = /^(Login|StaffLogin|RefreshSession)$/.test(body.operationName || '') ||
      /mutation\s+(Login|StaffLogin|RefreshSession)\b/.test(body.query || '')
    state.running++
    state.last = Date.now()
    const done = callback => result => {
      state.running--
      state.last = Date.now()
      if (callback) callback(result)
    }
    const wrapped = Object.assign({}, options, { success: done(options.success), fail: done(options.fail) })
    if (fail && !signIn) {
      setTimeout(() => wrapped.fail({ errMsg: 'request:fail (shots: network down)' }), 5)
      return { abort() {} }
    }
    return send(wrapped)
  })
  // <qr-code> draws on a canvas node; give it one so it records what it drew (data-text)
  wx.createSelectorQuery = () => {
    const canvas = { width: 0, height: 0, getContext: () => ({ scale() {}, fillRect() {} }) }
    const query = { in: () => query, select: () => query, fields: () => query, boundingClientRect: () => query,
      exec: callback => callback && callback([{ node: canvas, width: 0, height: 0 }]) }
    return query
  }
  wx.getWindowInfo = () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 812 })
  return async function settle() {
    const until = Date.now() + 20000
    while (Date.now() < until) {
      await new Promise(resolve => setTimeout(resolve, 50))
      if (state.running === 0 && Date.now() - state.last > (fail ? QUIET_MS.failing : QUIET_MS.ok)) return
    }
  }
}

/** The toast or modal the page showed last, to draw over the picture. */
function shownOverlay(wx) {
  const last = fn => (fn.mock.calls.length ? fn.mock.calls[fn.mock.calls.length - 1][0] : null)
  const modal = last(wx.showModal)
  if (modal) return { modal }
  return { toast: last(wx.showToast) }
}

const shots = SHOTS.filter(shot => !ONLY || fileName(shot).includes(ONLY))

test.each(shots.map(shot => [fileName(shot), shot]))('%s', async (name, shot) => {
  // A fresh module registry per picture: simulate runs a component's code once per registry, so
  // a component shared by two pages (coupon-card, qr-code) would render empty on the second.
  jest.resetModules()
  const session = require('../../src/api/session')
  const client = require('../../src/api/client')
  const { loadPage } = require('../support/page')
  const wx = useRealWx(shot.member === NEW ? newMember : (shot.member || 'alice'))
  const settle = instrument(wx, false)
  if (shot.staff) {
    if (!staffSessions.has(shot.staff)) {
      await session.loginStaff(shot.staff, 'demo-password')
      staffSessions.set(shot.staff, session.get('staff'))
    }
    session.save('staff', staffSessions.get(shot.staff))
  }
  const context = { wx, client, session, loadPage, settle }
  if (shot.before) await shot.before(context)
  if (shot.fail) context.settle = instrument(wx, true)
  wx.showToast.mockClear()
  wx.showModal.mockClear()

  const page = loadPage(shot.page)
  page.instance.onLoad(context.query || shot.query || {})
  if (page.instance.onShow) page.instance.onShow()
  await context.settle()
  if (shot.after) await shot.after(page, context)
  const html = phoneHtml(page, shot.page, shownOverlay(wx))
  if (page.instance.onUnload) page.instance.onUnload()
  page.detach()

  const tab = await browser.show(chromium, html, { scale: SCALE })
  try {
    await tab.screenshot({ path: path.join(OUT, name), fullPage: true })
  } finally {
    await tab.close()
  }
  if (process.env.SHOTS_HTML) fs.writeFileSync(path.join(process.env.SHOTS_HTML, name.replace(/png$/, 'html')), html)
})
