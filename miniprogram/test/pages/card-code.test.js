/**
 * The member code on the card as POS scanners and tills read it: a Code 128 barcode of the code's
 * 18 digits above the QR code, the digits hidden until 查看数字, all three refreshed together.
 */
const { loadPage, text, tap } = require('../support/page')
const session = require('../../src/api/session')
const barcode = require('../../src/lib/barcode')

const START = new Date('2026-11-23T02:00:00Z')
// Start C and the pair 88 as printed in the Code 128 table: every member code's barcode begins so.
const START_C_AND_88 = '11010011100' + '11110010010'

/** Codes t1, t2, ... with the digits 881234567890123401, ...02, valid 60 s. */
function codeServer({ fail = () => false } = {}) {
  let issued = 0
  wx.__server.on('MemberCode', () => {
    if (fail()) throw 'NETWORK'
    issued++
    return { memberCode: { token: `t${issued}`, digits: digitsOf(issued),
      expiresAt: new Date(Date.now() + 60000).toISOString() } }
  })
}

const digitsOf = n => '8812345678901234' + String(n).padStart(2, '0')
const settle = () => jest.advanceTimersByTimeAsync(20)
const advance = ms => jest.advanceTimersByTimeAsync(ms)
const memberCode = page => page.querySelector('#member-code')
const shownToken = page => (page.querySelector('#qr') ? page.querySelector('#qr').instance.data.text : null)

/** The drawn bars read back as modules ('1' dark, '0' light), from their pixel positions and widths. */
function drawnModules(page) {
  const host = memberCode(page).querySelector('#barcode')
  const box = host.querySelector('.barcode')
  const px = (style, name) => Number(new RegExp(name + ':\\s*(\\d+)px').exec(style)[1])
  const moduleWidth = host.instance.data.moduleWidth
  const total = px(box.dom.getAttribute('style'), 'width') / moduleWidth
  const line = Array(total).fill('0')
  host.querySelectorAll('.bar').forEach(bar => {
    const style = bar.dom.getAttribute('style')
    line.fill('1', px(style, 'left') / moduleWidth, (px(style, 'left') + px(style, 'width')) / moduleWidth)
  })
  return line.join('')
}

/** The modules without the quiet zones, which must be light. */
function symbolsOf(modules) {
  const q = barcode.QUIET_ZONE
  expect(modules.slice(0, q) + modules.slice(-q)).toBe('0'.repeat(2 * q))
  return modules.slice(q, -q)
}

/** The card, opened, with the member's code shown (出示会员码). */
async function openCard() {
  const page = loadPage('pages/card/index')
  page.instance.onLoad({})
  page.instance.onShow()
  await settle()
  tap(page, '.open-code')
  await settle()
  return page
}

beforeEach(() => {
  jest.useFakeTimers({ now: START })
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  wx.__server.on('MyCard', () => ({ me: { id: '7', nickname: 'alice', tier: { level: 1, name: '银卡' }, pointsBalance: 0,
    pointsExpiringSoon: [], tierProgress: null } }))
  wx.__server.on('MemberCodeScan', () => ({ memberCodeScan: null }))
  wx.__server.on('MyRecommendations', () => ({ recommendations: [] }))
  wx.__server.on('MyWelcome', () => ({ myWelcome: null }))
})

afterEach(() => {
  delete wx.getWindowInfo
  jest.useRealTimers()
})

test('theBarcodeDrawsTheCodesDigitsInCode128AboveTheQrCode', async () => {
  codeServer()
  const page = await openCard()

  const symbols = symbolsOf(drawnModules(page))
  expect(symbols).toBe(barcode.modules(digitsOf(1)))
  expect(symbols.startsWith(START_C_AND_88)).toBe(true)
  expect(symbols.endsWith('1100011101011')).toBe(true) // stop
  expect(shownToken(page)).toBe('t1')
  expect(wx.__server.calls('MemberCode')).toHaveLength(1)
})

test('theDigitsAreHiddenUntilTheMemberTapsViewDigitsGroupedFourByFour', async () => {
  codeServer()
  const page = await openCard()
  const code = memberCode(page)
  expect(text(code, '.code-digits')).toBeNull()
  expect(text(code, '.digits-toggle')).toBe('查看数字')

  tap(code, '.digits-toggle')
  await settle()
  expect(text(code, '.code-digits')).toBe('8812 3456 7890 1234 01')
  expect(text(code, '.digits-toggle')).toBe('隐藏数字')

  tap(code, '.digits-toggle')
  await settle()
  expect(text(code, '.code-digits')).toBeNull()
})

test('aRefreshReplacesTheQrCodeTheBarcodeAndTheDigitsTogether', async () => {
  codeServer()
  const page = await openCard()
  tap(memberCode(page), '.digits-toggle')
  await settle()

  await advance(30000)

  expect(shownToken(page)).toBe('t2')
  expect(text(memberCode(page), '.code-digits')).toBe('8812 3456 7890 1234 02')
  expect(symbolsOf(drawnModules(page))).toBe(barcode.modules(digitsOf(2)))
})

test('anExpiredCodeTakesItsBarcodeAndDigitsAwayWithTheQrCode', async () => {
  let down = false
  codeServer({ fail: () => down })
  const page = await openCard()
  down = true

  await advance(61000)

  expect(shownToken(page)).toBeNull()
  expect(memberCode(page)).toBeFalsy()
  expect(text(page, '.code-failed')).toBe('会员码刷新失败，点击重试')
})

test('onANarrowScreenEachModuleIsOnePixelSoTheWholeBarcodeFits', async () => {
  wx.getWindowInfo = jest.fn(() => ({ windowWidth: 320, pixelRatio: 2 }))
  codeServer()
  const page = await openCard()

  const host = memberCode(page).querySelector('#barcode')
  expect(host.instance.data.moduleWidth).toBe(1)
  expect(host.querySelector('.barcode').dom.getAttribute('style')).toContain('width: 154px')
  expect(symbolsOf(drawnModules(page))).toBe(barcode.modules(digitsOf(1)))
})
