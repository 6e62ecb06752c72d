/**
 * The member card: tier, balance, growth to the next tier, the rotating QR code once the member
 * opens it (timing on fake timers), screen brightness only while the code is shown, and the
 * banner when a till scans the code (live or polled). Recommendations, the welcome and live
 * points are in card-extras.test.js.
 */
const { loadPage, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')

const START = new Date('2026-11-23T02:00:00Z')

const SILVER = { level: 1, name: '银卡', thresholdCents: 50000 }
const GOLD = { level: 2, name: '金卡', thresholdCents: 200000 }
const BLACK = { level: 3, name: '黑钻', thresholdCents: 800000 }

function me(overrides = {}) {
  return Object.assign({
    id: '7', nickname: 'alice', tier: { level: 1, name: '银卡' }, pointsBalance: 12345,
    pointsExpiringSoon: [{ points: 120, expiresAt: '2026-12-01T15:59:59Z' }],
    tierProgress: { current: SILVER, next: GOLD, averageMonthlySpendCents: 80000, spendNeededCents: 12050,
      progress: 0.4, monthsBelowThreshold: 0, keepRequirementCents: 50000 }
  }, overrides)
}

/** Codes like the backend's: t1, t2, ... valid `ttlMs` from when they are issued. */
function codeServer({ ttlMs = 60000, fail = () => false } = {}) {
  let issued = 0
  wx.__server.on('MemberCode', () => {
    if (fail()) throw 'NETWORK'
    issued++
    return { memberCode: { token: `t${issued}`, expiresAt: new Date(Date.now() + ttlMs).toISOString() } }
  })
}

// Each fake request answers ~1 ms later under fake timers, so 'settle' lets a few hops finish.
const settle = () => jest.advanceTimersByTimeAsync(20)
const advance = ms => jest.advanceTimersByTimeAsync(ms)
const shownToken = page => (page.querySelector('#qr') ? page.querySelector('#qr').instance.data.text : null)
const inner = (page, host, selector) => {
  const el = page.querySelector(host) && page.querySelector(host).querySelector(selector)
  return el ? el.dom.textContent.trim() : null
}

async function openCard(query = {}) {
  const page = loadPage('pages/card/index')
  page.instance.onLoad(query)
  page.instance.onShow()
  await settle()
  return page
}

/** The member taps 出示会员码. */
async function openCode(page) {
  tap(page, '.open-code')
  await settle()
  return page
}

const openCardWithCode = async query => openCode(await openCard(query))

/**
 * The sockets of the code's scan subscription (the card also has one for points): every socket
 * not opened yet is opened and acknowledged first, so it has sent its subscription.
 */
function scanSockets() {
  for (const socket of wx.__sockets) {
    if (socket.acknowledged) continue
    socket.acknowledged = true
    socket.open()
    socket.receive({ type: 'connection_ack' })
  }
  return wx.__sockets.filter(socket => socket.sent.some(m => m.type === 'subscribe' && m.payload.query.includes('memberCodeScanned')))
}

beforeEach(() => {
  jest.useFakeTimers({ now: START })
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  wx.__server.on('MyCard', () => ({ me: me() }))
  wx.__server.on('MemberCodeScan', () => ({ memberCodeScan: null }))
  wx.__server.on('MyRecommendations', () => ({ recommendations: [] }))
  wx.__server.on('MyWelcome', () => ({ myWelcome: null }))
})

afterEach(() => jest.useRealTimers())

describe('card', () => {
  test('cardShowsTierBadgeBalanceAndExpiringPoints', async () => {
    codeServer()
    const page = await openCard()
    expect(text(page, '.tier-badge')).toBe('银卡')
    expect(text(page, '.balance')).toBe('12,345')
    expect(text(page, '.expiring')).toBe('120积分将于2026-12-01过期')
    expect(text(page, '.card-loading')).toBeNull()
  })

  test('cardSaysWhichDayIsMemberDayAndItsFactorFromTheRulesInForce', async () => {
    codeServer()
    const { PROGRAM_RULES } = require('../support/program-rules')
    wx.__server.on('ProgramRules', () => ({ programRules: Object.assign({}, PROGRAM_RULES, { memberDays: [18], memberDayFactor: 3 }) }))
    const page = await openCard()
    expect(text(page, '.member-day')).toBe('会员日：每月18日，消费积分3倍')
  })

  test('onMemberDayTheCardSaysTodayIsMemberDay', async () => {
    codeServer()
    const { PROGRAM_RULES } = require('../support/program-rules')
    // START is 23 November in China
    wx.__server.on('ProgramRules', () => ({ programRules: Object.assign({}, PROGRAM_RULES, { memberDays: [8, 23] }) }))
    const page = await openCard()
    expect(text(page, '.member-day')).toBe('今天是会员日，消费积分2倍')
  })

  test('progressBarShowsShareOfNextTierAndTheSpendStillNeeded', async () => {
    codeServer()
    const page = await openCard()
    expect(inner(page, '#progress', '.tp-current')).toBe('银卡')
    expect(inner(page, '#progress', '.tp-next')).toBe('金卡')
    expect(inner(page, '#progress', '.tp-need')).toBe('再消费¥120.50升级金卡')
    expect(inner(page, '#progress', '.tp-spend')).toBe('近3个月月均消费¥800，金卡需¥2000')
    expect(page.querySelector('#progress').querySelector('.tp-fill').dom.getAttribute('style')).toContain('width: 40%')
  })

  test('topTierFillsTheBarAndSaysItIsTheHighest', async () => {
    codeServer()
    wx.__server.on('MyCard', () => ({ me: me({ tier: { level: 3, name: '黑钻' }, pointsExpiringSoon: [],
      tierProgress: { current: BLACK, next: null, averageMonthlySpendCents: 900000, spendNeededCents: 0,
        progress: 1, monthsBelowThreshold: 0, keepRequirementCents: 800000 } }) }))
    const page = await openCard()
    expect(inner(page, '#progress', '.tp-need')).toBe('已是最高等级黑钻')
    expect(page.querySelector('#progress').querySelector('.tp-fill').dom.getAttribute('style')).toContain('width: 100%')
    expect(text(page, '.expiring')).toBeNull()
  })

  test('failedCardLoadSaysSoAndATapTriesAgain', async () => {
    codeServer()
    let up = false
    wx.__server.on('MyCard', () => (up ? { me: me() } : { statusCode: 500, data: null }))
    const page = await openCard()
    await advance(2000)
    expect(text(page, '.card-failed')).toBe('加载失败，点击重试')
    expect(wx.showToast).toHaveBeenCalled()
    up = true
    tap(page, '.card-failed')
    await settle()
    expect(text(page, '.balance')).toBe('12,345')
  })

  test('inviterFromThePageQueryIsRememberedForTheFirstSignIn', async () => {
    codeServer()
    await openCard({ inviter: '9XYXVHRC' })
    expect(wx.getStorageSync('loyalty.inviter')).toBe('9XYXVHRC')
  })

  test('pointsAndRulesEntriesOpenTheirPages', async () => {
    codeServer()
    const page = await openCard()
    tap(page, '.link-points')
    tap(page, '.link-rules')
    await settle()
    expect(wx.navigateTo.mock.calls.map(c => c[0].url)).toEqual(['/pages/points/index', '/pages/rules/index'])
  })

  test('aFirstVisitSignsInOnceBeforeAskingForTheCode', async () => {
    session.clear('member')
    codeServer()
    wx.__server.on('Login', () => ({ login: { accessToken: 'a1', refreshToken: 'r1', expiresAt: '2026-11-23T04:00:00Z',
      registered: true, member: { id: '7', nickname: null }, userErrors: [] } }))
    const page = await openCardWithCode()
    await settle()
    expect(wx.__server.calls('Login')).toHaveLength(1)
    expect(shownToken(page)).toBe('t1')
  })
})

describe('member code timing', () => {
  test('codeIsShownAndRefreshedEvery30Seconds', async () => {
    codeServer()
    const page = await openCardWithCode()
    expect(shownToken(page)).toBe('t1')
    expect(text(page, '.code-hint')).toBe('结账时出示给店员扫码，每30秒自动刷新')
    await advance(29900)
    expect(wx.__server.calls('MemberCode')).toHaveLength(1)
    await advance(200)
    expect(wx.__server.calls('MemberCode')).toHaveLength(2)
    expect(shownToken(page)).toBe('t2')
    await advance(29800)
    expect(shownToken(page)).toBe('t2')
    await advance(200)
    expect(shownToken(page)).toBe('t3')
  })

  test('codeThatExpiresSoonerIsRefreshed10SecondsBeforeItsExpiry', async () => {
    codeServer({ ttlMs: 25000 })
    const page = await openCardWithCode()
    await advance(14900)
    expect(wx.__server.calls('MemberCode')).toHaveLength(1)
    await advance(200)
    expect(wx.__server.calls('MemberCode')).toHaveLength(2)
    expect(shownToken(page)).toBe('t2')
  })

  test('failedRefreshKeepsTheUnexpiredCodeSaysSoAndRetriesSoon', async () => {
    let down = false
    codeServer({ fail: () => down })
    const page = await openCardWithCode()
    down = true
    await advance(30000)
    await advance(2000) // the client's own network retries
    expect(shownToken(page)).toBe('t1')
    expect(text(page, '.code-error')).toContain('会员码刷新失败')
    const calls = wx.__server.calls('MemberCode').length
    down = false
    await advance(3100)
    expect(wx.__server.calls('MemberCode').length).toBe(calls + 1)
    expect(shownToken(page)).toBe('t2')
    expect(text(page, '.code-error')).toBeNull()
  })

  test('codeIsNeverShownAfterItsExpiry', async () => {
    let down = false
    codeServer({ fail: () => down })
    const page = await openCardWithCode()
    const expiries = {}
    wx.__server.requests.length = 0
    down = true
    for (let s = 0; s < 120; s++) {
      await advance(1000)
      const token = shownToken(page)
      if (token) {
        expiries[token] = expiries[token] || START.getTime() + 60000
        expect(Date.now()).toBeLessThan(expiries[token])
      }
    }
    expect(shownToken(page)).toBeNull()
    expect(text(page, '.code-failed')).toBe('会员码刷新失败，点击重试')
    down = false
    expect(wx.__server.calls('MemberCode').length).toBeGreaterThan(1)
    tap(page, '.code-failed')
    await settle()
    expect(shownToken(page)).toBe('t2')
  })

  test('refreshStopsWhenThePageIsHiddenAndResumesOnShow', async () => {
    codeServer()
    const page = await openCardWithCode()
    page.instance.onHide()
    await advance(120000)
    expect(wx.__server.calls('MemberCode')).toHaveLength(1)
    page.instance.onShow()
    await settle()
    expect(wx.__server.calls('MemberCode')).toHaveLength(2)
    expect(shownToken(page)).toBe('t2')
    await advance(30100)
    expect(wx.__server.calls('MemberCode')).toHaveLength(3)
    page.instance.onUnload()
    await advance(120000)
    expect(wx.__server.calls('MemberCode')).toHaveLength(3)
  })

  test('codeStillValidOnReturnIsShownAgainAndRefreshedOnSchedule', async () => {
    codeServer()
    const page = await openCardWithCode()
    await advance(5000)
    page.instance.onHide()
    await advance(5000)
    page.instance.onShow()
    await settle()
    expect(shownToken(page)).toBe('t1')
    expect(wx.__server.calls('MemberCode')).toHaveLength(1)
    await advance(19900)
    expect(shownToken(page)).toBe('t1')
    await advance(200)
    expect(shownToken(page)).toBe('t2')
  })

  test('openingTheCardAloneLeavesTheBrightnessAndScreenLockAlone', async () => {
    codeServer()
    const page = await openCard()
    expect(text(page, '.open-code')).toBe('出示会员码')
    expect(shownToken(page)).toBeNull()
    expect(wx.__server.calls('MemberCode')).toHaveLength(0)
    expect(wx.setScreenBrightness).not.toHaveBeenCalled()
    expect(wx.setKeepScreenOn).not.toHaveBeenCalled()
    page.instance.onHide()
    page.instance.onShow()
    await settle()
    expect(wx.setScreenBrightness).not.toHaveBeenCalled()
  })

  test('openingTheCodeBrightensTheScreenAndClosingItPutsTheMembersBrightnessBack', async () => {
    codeServer()
    const page = await openCardWithCode()
    expect(shownToken(page)).toBe('t1')
    expect(wx.setScreenBrightness).toHaveBeenLastCalledWith({ value: 1 })
    expect(wx.setKeepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: true })
    tap(page, '.close-code')
    await settle()
    expect(shownToken(page)).toBeNull()
    expect(text(page, '.open-code')).toBe('出示会员码')
    expect(wx.setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.4 })
    expect(wx.setKeepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: false })
    await advance(120000)
    expect(wx.__server.calls('MemberCode')).toHaveLength(1)
  })

  test('hidingTheAppWithTheCodeOpenRestoresTheBrightnessAndComingBackRaisesItAgain', async () => {
    codeServer()
    const page = await openCardWithCode()
    page.instance.onHide()
    expect(wx.setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.4 })
    expect(wx.setKeepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: false })
    page.instance.onShow()
    await settle()
    expect(shownToken(page)).toBe('t1')
    expect(wx.setScreenBrightness).toHaveBeenLastCalledWith({ value: 1 })
    page.instance.onUnload()
    expect(wx.setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.4 })
    expect(wx.setScreenBrightness).toHaveBeenCalledTimes(4)
  })
})

describe('scan banner', () => {
  /** The newest socket of the scan subscription, opened and acknowledged. */
  function liveSocket() {
    const sockets = scanSockets()
    return sockets[sockets.length - 1]
  }

  test('liveScanShowsTheStoreRefreshesTheCardAndShowsANewCode', async () => {
    codeServer()
    const page = await openCardWithCode()
    const socket = liveSocket()
    expect(socket.sent[1]).toMatchObject({ type: 'subscribe', payload: { query: expect.stringContaining('memberCodeScanned') } })
    wx.__server.on('MyCard', () => ({ me: me({ pointsBalance: 12600 }) }))
    socket.receive({ id: '1', type: 'next', payload: { data: { memberCodeScanned: { storeId: '1', storeName: '徐汇店', at: '2026-11-23T02:00:05Z' } } } })
    await settle()
    expect(text(page, '.scan-banner')).toBe('已在 徐汇店 扫码')
    expect(text(page, '.balance')).toBe('12,600')
    expect(shownToken(page)).toBe('t2')
    expect(wx.__server.calls('MemberCodeScan')).toHaveLength(0)
    await advance(10000)
    expect(text(page, '.scan-banner')).toBeNull()
  })

  test('whenTheSocketFailsTheCodeIsPolledEvery3SecondsUntilScanned', async () => {
    codeServer()
    let scannedToken = null
    wx.__server.on('MemberCodeScan', vars => ({ memberCodeScan: vars.token === scannedToken
      ? { storeId: '1', storeName: '徐汇店', at: '2026-11-23T02:00:07Z' } : null }))
    const page = await openCardWithCode()
    scanSockets()[0].fail()
    await advance(3010)
    expect(wx.__server.calls('MemberCodeScan')).toEqual([{ token: 't1' }])
    await advance(3010)
    expect(wx.__server.calls('MemberCodeScan')).toHaveLength(2)
    expect(text(page, '.scan-banner')).toBeNull()
    scannedToken = 't1'
    await advance(3010)
    expect(text(page, '.scan-banner')).toBe('已在 徐汇店 扫码')
    expect(wx.__server.calls('MyCard')).toHaveLength(2)
    expect(shownToken(page)).toBe('t2')
    await advance(3010)
    expect(wx.__server.calls('MemberCodeScan').slice(-1)).toEqual([{ token: 't2' }])
  })

  test('pollingStopsWhenThePageIsHiddenAndTheSocketIsTriedAgainOnShow', async () => {
    codeServer()
    const page = await openCardWithCode()
    scanSockets()[0].drop()
    await advance(3010)
    expect(wx.__server.calls('MemberCodeScan')).toHaveLength(1)
    page.instance.onHide()
    await advance(30000)
    expect(wx.__server.calls('MemberCodeScan')).toHaveLength(1)
    page.instance.onShow()
    await settle()
    expect(scanSockets()).toHaveLength(2)
    await advance(6000)
    expect(wx.__server.calls('MemberCodeScan')).toHaveLength(1)
  })

  test('whenTheTokenExpiresTheSocketSignsInAgainWithARefreshedTokenInsteadOfPolling', async () => {
    codeServer()
    wx.__server.on('RefreshSession', () => ({ refreshSession: { accessToken: 'fresh', refreshToken: 'r-fresh',
      expiresAt: null, userErrors: [] } }))
    const page = await openCardWithCode()
    liveSocket().drop(4401)
    await settle()
    expect(wx.__server.calls('RefreshSession')).toHaveLength(1)
    expect(scanSockets()).toHaveLength(2)
    const again = liveSocket()
    expect(again.sent[0]).toEqual({ type: 'connection_init', payload: { Authorization: 'Bearer fresh' } })
    again.receive({ id: '1', type: 'next', payload: { data: { memberCodeScanned: { storeId: '1', storeName: '徐汇店', at: '2026-11-23T02:00:05Z' } } } })
    await settle()
    expect(text(page, '.scan-banner')).toBe('已在 徐汇店 扫码')
    await advance(6000)
    expect(wx.__server.calls('MemberCodeScan')).toHaveLength(0)
  })

  test('whenTheSignInHasEndedTheCardPollsInstead', async () => {
    codeServer()
    wx.__server.on('RefreshSession', () => ({ refreshSession: { accessToken: null, refreshToken: null, expiresAt: null,
      userErrors: [{ code: 'REFRESH_TOKEN_INVALID', message: '登录已失效' }] } }))
    wx.__server.on('Login', () => ({ login: { accessToken: 'again', refreshToken: 'r-again', expiresAt: null,
      registered: false, member: { id: '1', nickname: null }, userErrors: [] } }))
    await openCardWithCode()
    liveSocket().drop(4401)
    await advance(3010)
    expect(scanSockets()).toHaveLength(1)
    expect(wx.__server.calls('MemberCodeScan')).toHaveLength(1)
  })

  test('closingTheSocketOnHideDoesNotStartPolling', async () => {
    codeServer()
    const page = await openCardWithCode()
    const socket = liveSocket()
    page.instance.onHide()
    expect(socket.closed).toBe(true)
    socket.drop()
    await advance(10000)
    expect(wx.__server.calls('MemberCodeScan')).toHaveLength(0)
  })
})
