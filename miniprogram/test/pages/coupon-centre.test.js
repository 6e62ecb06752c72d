/** The coupon centre: claim free coupons, exchange points for coupons, and say why one cannot be had. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')
const { template, cardTexts } = require('./coupons-fixtures')

const TIERS = [{ level: 0, name: '普通' }, { level: 1, name: '银卡' }, { level: 2, name: '金卡' }]

function centre(entries, balance = 2000) {
  wx.__server.on('CouponCentre', () => ({ couponCentre: entries, tiers: TIERS, me: { id: '1', pointsBalance: balance } }))
}

function got(field) {
  return vars => ({ [field]: { coupon: { id: 'c-' + vars.input.templateId, status: 'USABLE', validFrom: '2026-11-01T00:00:00Z',
    validUntil: '2026-11-30T00:00:00Z', template: { id: vars.input.templateId, name: 'x' } }, userErrors: [] } })
}

function refused(field, code, message) {
  return () => ({ [field]: { coupon: null, userErrors: [{ field: ['input', 'templateId'], message, code }] } })
}

async function open() {
  const page = loadPage('pages/coupon-centre/index')
  await page.instance.onLoad({})
  await flush()
  return page
}

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

test('freeCouponsOfferClaimAndPricedOnesThePointsTheyCost', async () => {
  centre([
    { template: template({ remainingStock: 10 }), held: 0, available: true },
    { template: template({ id: 't2', name: '折扣券', kind: 'PERCENT_OFF', thresholdCents: 0, percentOff: 20, maxDiscountCents: 5000,
      claimable: false, pointsPrice: 1500 }), held: 0, available: true }
  ], 12345)
  const page = await open()
  expect(text(page, '.balance')).toBe('12,345')
  expect(cardTexts(page, '.description')).toEqual(['满200减50', '8折 最高减¥50'])
  expect(cardTexts(page, '.validity')).toEqual(['领取后30天内有效', '领取后30天内有效'])
  expect(cardTexts(page, '.stock')).toEqual(['剩余10张', null])
  expect(texts(page, '.get')).toEqual(['领取', '1,500积分兑换'])
})

test('aDoubleTapClaimsOnceWithOneIdempotencyKey', async () => {
  centre([{ template: template({ perMemberLimit: 2 }), held: 0, available: true }])
  wx.__server.on('ClaimCoupon', got('claimCoupon'))
  const page = await open()
  tap(page, '.get-t1')
  tap(page, '.get-t1')
  await flush()
  const calls = wx.__server.calls('ClaimCoupon')
  expect(calls).toHaveLength(1)
  expect(calls[0].input.templateId).toBe('t1')
  expect(calls[0].input.idempotencyKey).toMatch(/^claim-/)
  expect(wx.showToast).toHaveBeenCalledWith({ title: '领取成功', icon: 'success' })
  expect(texts(page, '.get')).toEqual(['领取'])
})

test('theButtonIsLockedWhileTheClaimRuns', async () => {
  centre([{ template: template(), held: 0, available: true }])
  wx.__server.on('ClaimCoupon', got('claimCoupon'))
  const page = await open()
  tap(page, '.get-t1')
  await flush(1)
  expect(page.instance.data.running.t1).toBe(true)
  await flush()
  expect(page.instance.data.running.t1).toBe(false)
})

test('afterTheLastAllowedClaimTheCouponSaysItIsHeldAndHasNoButton', async () => {
  centre([{ template: template({ remainingStock: 3 }), held: 0, available: true }])
  wx.__server.on('ClaimCoupon', got('claimCoupon'))
  const page = await open()
  tap(page, '.get-t1')
  await flush()
  expect(text(page, '.get-t1')).toBeNull()
  expect(text(page, '.reason-t1')).toBe('已领取')
  expect(cardTexts(page, '.stock')).toEqual(['剩余2张'])
})

test('aSecondClaimAfterSuccessIsANewIntentWithANewKey', async () => {
  centre([{ template: template({ perMemberLimit: 3 }), held: 0, available: true }])
  wx.__server.on('ClaimCoupon', got('claimCoupon'))
  const page = await open()
  tap(page, '.get-t1')
  await flush()
  tap(page, '.get-t1')
  await flush()
  const keys = wx.__server.calls('ClaimCoupon').map(v => v.input.idempotencyKey)
  expect(keys).toHaveLength(2)
  expect(keys[0]).not.toBe(keys[1])
})

test('aTapAfterALostAnswerResendsTheSameKey', async () => {
  centre([{ template: template() , held: 0, available: true }])
  let attempts = 0
  wx.__server.on('ClaimCoupon', vars => {
    attempts++
    if (attempts <= 3) throw 'NETWORK'
    return got('claimCoupon')(vars)
  })
  jest.useFakeTimers()
  try {
    const page = loadPage('pages/coupon-centre/index')
    page.instance.onLoad({})
    await jest.advanceTimersByTimeAsync(10)
    tap(page, '.get-t1')
    await jest.advanceTimersByTimeAsync(5000)
    expect(wx.showToast).toHaveBeenCalledWith({ title: '网络不给力，请检查网络后重试', icon: 'none' })
    tap(page, '.get-t1')
    await jest.advanceTimersByTimeAsync(5000)
    const keys = wx.__server.calls('ClaimCoupon').map(v => v.input.idempotencyKey)
    expect(keys).toHaveLength(4)
    expect(new Set(keys).size).toBe(1)
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '领取成功', icon: 'success' })
  } finally {
    jest.useRealTimers()
  }
})

test('exchangeAsksForConfirmationWithThePriceAndSends', async () => {
  centre([{ template: template({ id: 't2', name: '折扣券', claimable: false, pointsPrice: 1500 }), held: 0, available: true }], 2000)
  wx.__server.on('ExchangeCoupon', got('exchangeCoupon'))
  const page = await open()
  tap(page, '.get-t2')
  await flush()
  expect(wx.showModal).toHaveBeenCalledTimes(1)
  expect(wx.showModal.mock.calls[0][0].content).toBe('用1,500积分兑换「折扣券」？当前积分2,000。')
  const calls = wx.__server.calls('ExchangeCoupon')
  expect(calls).toHaveLength(1)
  expect(calls[0].input.idempotencyKey).toMatch(/^exchange-/)
  expect(text(page, '.balance')).toBe('500')
  expect(wx.showToast).toHaveBeenCalledWith({ title: '兑换成功', icon: 'success' })
})

test('cancellingTheExchangeSendsNothing', async () => {
  centre([{ template: template({ id: 't2', claimable: false, pointsPrice: 1500 }), held: 0, available: true }])
  wx.__server.on('ExchangeCoupon', got('exchangeCoupon'))
  wx.showModal.mockImplementation(options => options.success({ confirm: false, cancel: true }))
  const page = await open()
  tap(page, '.get-t2')
  await flush()
  expect(wx.__server.calls('ExchangeCoupon')).toHaveLength(0)
  expect(page.instance.data.running.t2).toBe(false)
  expect(texts(page, '.get')).toEqual(['1,500积分兑换'])
})

test('soldOutAndOutOfReachCouponsSayWhyAndHaveNoButton', async () => {
  centre([
    { template: template({ id: 't1', remainingStock: 0 }), held: 0, available: false },
    { template: template({ id: 't2', minTierLevel: 2 }), held: 0, available: false },
    { template: template({ id: 't3', perMemberLimit: 2 }), held: 2, available: false }
  ])
  const page = await open()
  expect(texts(page, '.reason')).toEqual(['已抢光', '金卡及以上会员可领', '已达上限（每人限2张）'])
  expect(page.querySelectorAll('.get')).toHaveLength(0)
})

test('aRefusalIsShownAndTheCentreIsRefreshed', async () => {
  let soldOut = false
  wx.__server.on('CouponCentre', () => ({ couponCentre: [{ template: template({ remainingStock: soldOut ? 0 : 1 }), held: 0,
    available: !soldOut }], tiers: TIERS, me: { id: '1', pointsBalance: 0 } }))
  wx.__server.on('ClaimCoupon', () => {
    soldOut = true
    return refused('claimCoupon', 'COUPON_OUT_OF_STOCK', '优惠券已领完')()
  })
  const page = await open()
  tap(page, '.get-t1')
  await flush(20)
  expect(wx.showToast).toHaveBeenCalledWith({ title: '优惠券已领完', icon: 'none' })
  expect(text(page, '.reason-t1')).toBe('已抢光')
})

test('anEmptyCentreSaysSo', async () => {
  centre([])
  const page = await open()
  expect(text(page, '.empty-state')).toBe('暂时没有可领的优惠券，过几天再来看看')
})

describe('early access (优先领)', () => {
  const early = { tierNames: ['金卡', '黑钻'] }

  test('aCouponOfTheMembersEarlyTierSays优先领AndOneNotOpenToThemYetSaysWhenItOpens', async () => {
    centre([
      { template: template({ id: 't1', name: '新品尝鲜券', earlyAccess: early }), held: 0, available: true, early: true, opensAt: null },
      { template: template({ id: 't2', name: '会员日券', earlyAccess: early, claimable: false, pointsPrice: 300 }), held: 0,
        available: true, early: true, opensAt: null },
      { template: template({ id: 't3', name: '黑钻专享', earlyAccess: early }), held: 0, available: false, early: false,
        opensAt: '2026-12-10T02:00:00Z' },
      { template: template({ id: 't4', name: '普通券' }), held: 0, available: true, early: false, opensAt: null }
    ])
    const page = await open()
    expect(texts(page, '.get')).toEqual(['优先领', '300积分优先兑', '领取'])
    expect(page.querySelectorAll('.get.early')).toHaveLength(2)
    expect(text(page, '.reason-t3')).toBe('12月10日 10:00 开放')
    expect(cardTexts(page, '.hint')).toEqual(['金卡、黑钻会员优先', '金卡、黑钻会员优先', '金卡、黑钻会员优先', null])
  })

  test('aClaimRefusedBeforeTheOpeningSaysWhenAndTheCentreIsRefreshed', async () => {
    let open_ = true
    wx.__server.on('CouponCentre', () => ({ couponCentre: [{ template: template({ earlyAccess: early }), held: 0,
      available: open_, early: open_, opensAt: open_ ? null : '2026-12-12T02:00:00Z' }], tiers: TIERS, me: { id: '1', pointsBalance: 0 } }))
    wx.__server.on('ClaimCoupon', () => {
      open_ = false
      return { claimCoupon: { coupon: null, opensAt: '2026-12-12T02:00:00Z', userErrors: [{ field: ['input', 'templateId'],
        code: 'COUPON_NOT_YET_OPEN', message: '「茶饮满减券」12月12日 10:00 开放领取' }] } }
    })
    const page = await open()
    tap(page, '.get-t1')
    await flush(20)
    // a message this long is a dialog, not a toast
    expect(wx.showModal).toHaveBeenCalledWith({ title: '提示', content: '「茶饮满减券」12月12日 10:00 开放领取', showCancel: false })
    expect(text(page, '.reason-t1')).toBe('12月12日 10:00 开放')
  })

  test('theCentreLoadsAgainByItselfWhenACouponOpensToTheMember', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-10T01:50:00Z') })
    try {
      let opened = false
      wx.__server.on('CouponCentre', () => ({ couponCentre: [{ template: template({ earlyAccess: early }), held: 0,
        available: opened, early: opened, opensAt: opened ? null : '2026-12-10T02:00:00Z' }], tiers: TIERS,
        me: { id: '1', pointsBalance: 0 } }))
      const page = loadPage('pages/coupon-centre/index')
      page.instance.onLoad({})
      await jest.advanceTimersByTimeAsync(10)
      expect(text(page, '.reason-t1')).toBe('12月10日 10:00 开放')
      opened = true
      await jest.advanceTimersByTimeAsync(9 * 60 * 1000)
      expect(wx.__server.calls('CouponCentre')).toHaveLength(1)
      await jest.advanceTimersByTimeAsync(61 * 1000)
      expect(wx.__server.calls('CouponCentre')).toHaveLength(2)
      expect(texts(page, '.get')).toEqual(['优先领'])
      page.instance.onUnload()
    } finally {
      jest.useRealTimers()
    }
  })
})
