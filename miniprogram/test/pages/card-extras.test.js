/**
 * The member card around the code: recommendations, a new member's welcome (once), the balance
 * following pointsChanged live, and the tier's benefits and growth window from programRules.
 */
const { loadPage, text, tap } = require('../support/page')
const session = require('../../src/api/session')
const { PROGRAM_RULES } = require('../support/program-rules')

const START = new Date('2026-11-23T02:00:00Z')

const ME = {
  id: '7', nickname: 'alice', tier: { level: 1, name: '银卡' }, pointsBalance: 12345, pointsExpiringSoon: [],
  tierProgress: { current: { level: 1, name: '银卡', thresholdCents: 50000 }, next: { level: 2, name: '金卡', thresholdCents: 80000 },
    averageMonthlySpendCents: 60000, spendNeededCents: 60000, progress: 0.75, monthsBelowThreshold: 0, keepRequirementCents: 50000 }
}

const settle = () => jest.advanceTimersByTimeAsync(20)
const inner = (page, host, selector) => {
  const el = page.querySelector(host) && page.querySelector(host).querySelector(selector)
  return el ? el.dom.textContent.trim() : null
}
/** Each recommendation as [name, reason]. */
function recommended(page) {
  const list = page.querySelector('#recommendations')
  const reasons = list.querySelectorAll('.rl-reason').map(el => el.dom.textContent.trim())
  return list.querySelectorAll('.rl-name').map((el, i) => [el.dom.textContent.trim(), reasons[i]])
}

async function openCard() {
  const page = loadPage('pages/card/index')
  page.instance.onLoad({})
  page.instance.onShow()
  await settle()
  return page
}

/** The points subscription's socket, opened and acknowledged. */
function pointsSocket() {
  const socket = wx.__sockets.find(s => !s.closed)
  socket.open()
  socket.receive({ type: 'connection_ack' })
  return socket
}

beforeEach(() => {
  jest.useFakeTimers({ now: START })
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  wx.__server.on('MyCard', () => ({ me: ME }))
  wx.__server.on('MyRecommendations', () => ({ recommendations: [] }))
  wx.__server.on('MyWelcome', () => ({ myWelcome: null }))
  wx.__server.on('MarkWelcomeSeen', () => ({ markWelcomeSeen: { changed: true, userErrors: [] } }))
})

afterEach(() => jest.useRealTimers())

describe('recommendations on the card', () => {
  test('theCardListsWhatTheMemberMayLikeWithWhy', async () => {
    wx.__server.on('MyRecommendations', () => ({ recommendations: [
      { sku: 'C1', name: '生日蜡烛', reason: '常与生日蛋糕一起购买', source: 'BOUGHT_TOGETHER' },
      { sku: 'B2', name: '可颂', reason: '本店热销', source: 'BESTSELLER' }
    ] }))
    const page = await openCard()
    expect(inner(page, '#recommendations', '.rl-title')).toBe('为你推荐')
    expect(recommended(page)).toEqual([['生日蜡烛', '常与生日蛋糕一起购买'], ['可颂', '本店热销']])
    expect(wx.__server.calls('MyRecommendations')).toEqual([{ first: 3 }])
  })

  test('whileLoadingTheCardSaysSoAndWithNoneItSaysThereAreNone', async () => {
    const page = loadPage('pages/card/index')
    page.instance.onLoad({})
    page.instance.onShow()
    expect(inner(page, '#recommendations', '.rl-loading')).toBe('推荐加载中…')
    await settle()
    expect(inner(page, '#recommendations', '.rl-empty')).toBe('暂无推荐，常来逛逛吧')
  })

  test('aFailedLoadSaysSoAndATapTriesAgain', async () => {
    let up = false
    wx.__server.on('MyRecommendations', () => (up
      ? { recommendations: [{ sku: 'B2', name: '可颂', reason: '本店热销', source: 'BESTSELLER' }] }
      : { statusCode: 500, data: null }))
    const page = await openCard()
    await jest.advanceTimersByTimeAsync(2000)
    expect(inner(page, '#recommendations', '.rl-failed')).toBe('推荐加载失败，点击重试')
    expect(text(page, '.balance')).toBe('12,345')
    up = true
    page.querySelector('#recommendations').querySelector('.rl-failed').dispatchEvent('tap')
    await settle()
    expect(recommended(page)).toEqual([['可颂', '本店热销']])
  })
})

describe('welcome', () => {
  test('aNewMemberSeesTheirWelcomeMessageAndPackOnceAndItIsMarkedSeen', async () => {
    wx.__server.on('MyWelcome', () => ({ myWelcome: { welcomedAt: '2026-11-23T01:59:00Z', packName: '新人礼包', message: '欢迎加入，首单满50减10' } }))
    const page = await openCard()
    expect(text(page, '.welcome-title')).toBe('欢迎加入会员')
    expect(text(page, '.welcome-message')).toBe('欢迎加入，首单满50减10')
    expect(text(page, '.welcome-pack')).toBe('新人礼包「新人礼包」已放入你的券包')
    expect(wx.__server.calls('MarkWelcomeSeen')).toHaveLength(1)
    tap(page, '.welcome-coupons')
    await settle()
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/coupons/index' })
    expect(text(page, '.welcome')).toBeNull()
    page.instance.onHide()
    page.instance.onShow()
    await settle()
    expect(wx.__server.calls('MyWelcome')).toHaveLength(1)
    expect(text(page, '.welcome')).toBeNull()
  })

  test('aWelcomeWithOnlyAMessageHasNoCouponsButtonAndTheCrossClosesIt', async () => {
    wx.__server.on('MyWelcome', () => ({ myWelcome: { welcomedAt: '2026-11-23T01:59:00Z', packName: null, message: '欢迎加入' } }))
    const page = await openCard()
    expect(text(page, '.welcome-message')).toBe('欢迎加入')
    expect(text(page, '.welcome-coupons')).toBeNull()
    tap(page, '.welcome-close')
    await settle()
    expect(text(page, '.welcome')).toBeNull()
  })

  test('aMemberWithoutAnUnseenWelcomeSeesNoneAndNothingIsMarked', async () => {
    const page = await openCard()
    expect(text(page, '.welcome')).toBeNull()
    expect(wx.__server.calls('MyWelcome')).toHaveLength(1)
    expect(wx.__server.calls('MarkWelcomeSeen')).toHaveLength(0)
  })
})

describe('live points', () => {
  test('theBalanceFollowsPointsChangedWhileTheCardIsShown', async () => {
    const page = await openCard()
    const socket = pointsSocket()
    expect(socket.sent[1]).toMatchObject({ type: 'subscribe', payload: { query: expect.stringContaining('pointsChanged') } })
    socket.receive({ id: '1', type: 'next', payload: { data: { pointsChanged: { balance: 12600, delta: 255, kind: 'EARN', at: '2026-11-23T02:00:05Z' } } } })
    await settle()
    expect(text(page, '.balance')).toBe('12,600')
  })

  test('theSubscriptionEndsOnHideAndStartsAgainOnShow', async () => {
    const page = await openCard()
    const first = pointsSocket()
    page.instance.onHide()
    expect(first.closed).toBe(true)
    page.instance.onShow()
    await settle()
    expect(wx.__sockets).toHaveLength(2)
    const second = pointsSocket()
    second.receive({ id: '1', type: 'next', payload: { data: { pointsChanged: { balance: 99, delta: -12246, kind: 'REDEEM', at: '2026-11-23T02:01:00Z' } } } })
    await settle()
    expect(text(page, '.balance')).toBe('99')
    page.instance.onUnload()
    expect(second.closed).toBe(true)
  })
})

describe('rules on the card', () => {
  test('theCardShowsTheTiersBenefitsAndGrowthWindowFromTheRulesInForce', async () => {
    wx.__server.on('ProgramRules', () => ({ programRules: Object.assign({}, PROGRAM_RULES, {
      tierWindowMonths: 6,
      tiers: PROGRAM_RULES.tiers.map(t => (t.level === 1 ? Object.assign({}, t, { pointsMultiplier: 1.3, priceDiscount: 98, benefits: ['生日券', '免费停车'] }) : t))
    }) }))
    const page = await openCard()
    expect(text(page, '.benefits')).toBe('银卡权益：1.3倍积分 · 98折 · 生日券 · 免费停车')
    expect(inner(page, '#progress', '.tp-spend')).toBe('近6个月月均消费¥600，金卡需¥800')
  })

  test('aMemberBelowTheThresholdReadsHowManyReviewsDropATierFromTheRules', async () => {
    wx.__server.on('MyCard', () => ({ me: Object.assign({}, ME, {
      tierProgress: Object.assign({}, ME.tierProgress, { monthsBelowThreshold: 1 })
    }) }))
    wx.__server.on('ProgramRules', () => ({ programRules: Object.assign({}, PROGRAM_RULES, { tierReviewsBeforeDrop: 2 }) }))
    const page = await openCard()
    expect(inner(page, '#progress', '.tp-keep')).toBe('保级需月均消费¥500（已连续1次未达到，2次降级）')
  })

  test('withoutTheRulesTheCardShowsNoBenefitsAndNoWindow', async () => {
    wx.__server.on('ProgramRules', () => ({ statusCode: 500, data: null }))
    const page = await openCard()
    await jest.advanceTimersByTimeAsync(2000)
    expect(text(page, '.benefits')).toBeNull()
    expect(inner(page, '#progress', '.tp-spend')).toBe('月均消费¥600，金卡需¥800')
  })
})

describe('tier benefits on the card', () => {
  test('eachMonthlyBenefitOfTheTierShowsWhereItStandsThisMonth', async () => {
    wx.__server.on('MyTierBenefits', () => ({ myTierBenefits: [
      { couponTemplateId: '1', name: '咖啡买一送一', quantity: 2, state: 'ISSUED', month: '2026-11-01', validUntil: '2026-12-23T15:59:59Z' },
      { couponTemplateId: '2', name: '生日蛋糕8折', quantity: 1, state: 'USED', month: '2026-11-01', validUntil: '2026-12-23T15:59:59Z' },
      { couponTemplateId: '3', name: '免费续杯', quantity: 1, state: 'NOT_YET', month: '2026-11-01', validUntil: null }] }))
    const page = await openCard()
    expect(page.querySelectorAll('.tier-benefit-name').map(el => el.dom.textContent.trim()))
      .toEqual(['咖啡买一送一 ×2', '生日蛋糕8折 ×1', '免费续杯 ×1'])
    expect(page.querySelectorAll('.tier-benefit-state').map(el => el.dom.textContent.replace(/\s+/g, ' ').trim()))
      .toEqual(['已发放 2026-12-23 前有效', '已使用', '待发放'])
  })

  test('withoutBenefitsOrWhenTheyFailTheCardShowsNoneAndLinksToStampCards', async () => {
    wx.__server.on('MyTierBenefits', () => ({ statusCode: 500, data: null }))
    const page = await openCard()
    expect(page.querySelector('.tier-benefits')).toBeFalsy()
    expect(text(page, '.balance')).toBeTruthy()
    tap(page, '.link-stamps')
    await settle()
    expect(wx.navigateTo.mock.calls.map(c => c[0].url)).toEqual(['/pages/stamps/index'])
  })
})
