/**
 * The mini-program against a real backend (dev profile, fake WeChat), through its own pages and
 * API layer: a member signs in with wx.login and checks in, a clerk scans the member's code and
 * records a purchase at the till, then types the digits under the card's barcode, and the
 * member's card shows the balance both earned and, with no WebSocket, learns by polling where
 * its code was scanned.
 */
const session = require('../../src/api/session')
const client = require('../../src/api/client')
const { MEMBER_CODE } = require('../../src/api/documents/membercode')
const { SCAN_MEMBER_CODE } = require('../../src/api/documents/staff')
const { loadPage, flush, text, texts, tap, type, blur, waitFor } = require('../support/page')

const memberName = 'e2e' + Date.now().toString(36)
const orderNo = 'E2E-' + Date.now().toString(36)
const onScreen = (page, selector) => () => text(page, selector)

let wx
beforeAll(() => {
  wx = useRealWx(memberName)
})

test('memberSignsInWithWxLoginAndIsRegisteredOnce', async () => {
  const first = await session.loginMember()
  expect(first.registered).toBe(true)
  session.clear('member')
  const again = await session.loginMember()
  expect(again).toMatchObject({ registered: false, member: { id: first.member.id } })
})

test('rulesPageShowsTheBrandsTiersFromTheBackend', async () => {
  const page = loadPage('pages/rules/index')
  await page.instance.onLoad({})
  await waitFor(() => texts(page, '.tier-name').length)
  expect(texts(page, '.tier-name')).toEqual(['普通', '银卡', '金卡', '黑钻'])
})

test('theWalletPageOffersTheDemoRechargePackages', async () => {
  const page = loadPage('pages/wallet/index')
  page.instance.onLoad({})
  await waitFor(() => texts(page, '.package-name').length)
  expect(texts(page, '.package-name')).toEqual(expect.arrayContaining(['充500送50', '充1000送150']))
})

let checkInPoints
test('memberChecksInOnceFromTheCheckInPageEvenWhenTappingTwice', async () => {
  const page = loadPage('pages/checkin/index')
  page.instance.onLoad({})
  page.instance.onShow()
  await waitFor(() => page.instance.data.button && !page.instance.data.button.disabled)
  tap(page, '.checkin-button')
  tap(page, '.checkin-button')
  const result = await waitFor(onScreen(page, '.checkin-result'))
  checkInPoints = Number(/\d+/.exec(result)[0])
  expect(checkInPoints).toBeGreaterThan(0)
  expect(page.instance.data.button.done).toBe(true)
  const checkIns = wx.request.mock.calls.filter(([options]) => /mutation CheckIn\b/.test(options.data.query))
  expect(checkIns).toHaveLength(1)
})

let earned
test('clerkScansTheMembersCodeAndRecordsAPurchaseAtTheTill', async () => {
  const code = (await client.request(MEMBER_CODE)).memberCode.token
  await session.loginStaff('clerk-xuhui', 'demo-password')
  wx.scanCode.mockImplementation(options => options.success({ result: code, scanType: 'QR_CODE' }))

  const till = loadPage('staff/till/index')
  await till.instance.onLoad({})
  await flush()
  tap(till, '.scan-button')
  await waitFor(onScreen(till, '.member-balance'))
  expect(text(till, '.member-balance')).toBe(String(checkInPoints))
  type(till, '.amount', '128.50')
  blur(till, '.amount')
  type(till, '.order-no', orderNo)
  await flush()
  tap(till, '.submit-button')
  await waitFor(() => wx.redirectTo.mock.calls.length)
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/staff/result/index' })

  const result = loadPage('staff/result/index')
  await result.instance.onLoad({})
  await flush()
  expect(text(result, '.paid')).toBe('¥128.50')
  earned = Number(text(result, '.points-earned').replace(/[^\d]/g, ''))
  expect(earned).toBeGreaterThanOrEqual(128)
  expect(texts(result, '.earn-label').length).toBeGreaterThan(0)
  // what the clerk may suggest comes from the member's recommendations (a fresh member: best sellers or none)
  await waitFor(() => result.instance.data.suggestions && result.instance.data.suggestions.state !== 'loading')
  expect(result.instance.data.suggestions.state).toBe('ready')
})

test('whenTheCameraCannotTheClerkTypesTheDigitsTheCardShowsUnderItsBarcode', async () => {
  const card = loadPage('pages/card/index')
  card.instance.onLoad({})
  card.instance.onShow()
  await waitFor(onScreen(card, '.balance'))
  tap(card, '.open-code')
  await waitFor(() => card.instance.data.codeDigits)
  const code = card.querySelector('#member-code')
  tap(code, '.digits-toggle')
  const digits = await waitFor(onScreen(code, '.code-digits'))
  expect(digits).toMatch(/^88\d\d( \d{4}){3} \d\d$/)

  const till = loadPage('staff/till/index')
  await till.instance.onLoad({})
  await flush()
  type(till, '.manual-code', digits)
  tap(till, '.manual-button')
  await waitFor(onScreen(till, '.member-balance'))
  expect(text(till, '.member-balance')).toBe(text(card, '.balance'))
  card.instance.onUnload()
})

test('theMembersCardShowsTheBalanceFromCheckInAndPurchase', async () => {
  const card = loadPage('pages/card/index')
  card.instance.onLoad({})
  card.instance.onShow()
  await waitFor(onScreen(card, '.balance'))
  expect(text(card, '.balance')).toBe((checkInPoints + earned).toLocaleString('en-US'))
  card.instance.onUnload()
})

test('theCardWithoutAWebSocketPollsAndSaysWhereItsCodeWasScanned', async () => {
  const card = loadPage('pages/card/index')
  card.instance.onLoad({})
  card.instance.onShow()
  await waitFor(onScreen(card, '.open-code'))
  tap(card, '.open-code')
  const token = await waitFor(() => card.instance.data.code)
  await client.mutate(SCAN_MEMBER_CODE, { input: { token } }, { as: 'staff' })
  const banner = await waitFor(onScreen(card, '.scan-banner'))
  expect(banner).toBe('已在 徐汇店 扫码')
  card.instance.onUnload()
})
