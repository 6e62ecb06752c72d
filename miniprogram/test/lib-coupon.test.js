/** Coupons in plain words: every kind described, limits, dates, and why a centre coupon cannot be had. */
const coupon = require('../src/lib/coupon')

function template(over) {
  return Object.assign({ id: 't1', name: '券', kind: 'AMOUNT_OFF', amountOffCents: 5000, thresholdCents: 20000,
    percentOff: null, maxDiscountCents: null, giftName: null, validFrom: null, validUntil: null, validDays: 30,
    remainingStock: null, perMemberLimit: 1, minTierLevel: 0, storeIds: null, categories: null, channel: 'BOTH',
    stackable: true, claimable: true, pointsPrice: null }, over)
}

test('amountOffSaysTheThresholdAndTheAmountOrNoThreshold', () => {
  expect(coupon.describe(template())).toBe('满200减50')
  expect(coupon.describe(template({ thresholdCents: 0, amountOffCents: 2000 }))).toBe('无门槛减20')
  expect(coupon.describe(template({ thresholdCents: 15050, amountOffCents: 1000 }))).toBe('满150.50减10')
  expect(coupon.headline(template())).toBe('¥50')
})

test('percentOffNamesWhatIsPaidAndTheCap', () => {
  const t = template({ kind: 'PERCENT_OFF', amountOffCents: null, thresholdCents: 0, percentOff: 15, maxDiscountCents: 3000 })
  expect(coupon.describe(t)).toBe('8.5折 最高减¥30')
  expect(coupon.describe(Object.assign({}, t, { percentOff: 10, maxDiscountCents: null }))).toBe('9折')
  expect(coupon.describe(Object.assign({}, t, { thresholdCents: 10000 }))).toBe('满100享8.5折 最高减¥30')
  expect(coupon.headline(t)).toBe('8.5折')
})

test('shippingAndGiftSayFreeShippingAndTheGift', () => {
  expect(coupon.describe(template({ kind: 'SHIPPING', amountOffCents: null, thresholdCents: 0 }))).toBe('免运费')
  expect(coupon.describe(template({ kind: 'SHIPPING', amountOffCents: null, thresholdCents: 9900 }))).toBe('满99免运费')
  expect(coupon.describe(template({ kind: 'GIFT', amountOffCents: null, thresholdCents: 0, giftName: '帆布袋' }))).toBe('赠 帆布袋')
  expect(coupon.headline(template({ kind: 'GIFT' }))).toBe('赠品')
  expect(coupon.headline(template({ kind: 'SHIPPING' }))).toBe('包邮')
})

test('limitsNameStoresCategoriesChannelAndStacking', () => {
  expect(coupon.limits(template())).toEqual([])
  expect(coupon.limits(template({ storeIds: ['1', '2'], categories: ['茶饮', '糕点'], channel: 'ONLINE', stackable: false })))
    .toEqual(['限2家指定门店使用', '限茶饮、糕点类商品', '仅限线上使用', '不可与其他优惠券同时使用'])
})

test('heldCouponsShowChinaDatesAndTheHintOnlyWhileUsable', () => {
  const held = { id: '9', status: 'USABLE', validFrom: '2026-10-31T16:00:00Z', validUntil: '2026-11-30T15:59:59Z',
    usedAt: null, template: template() }
  const view = coupon.couponView(held)
  expect(view.validity).toBe('2026-11-01 至 2026-11-30')
  expect(view.hint).toBe('到店出示会员码使用')
  const used = coupon.couponView(Object.assign({}, held, { status: 'USED', usedAt: '2026-11-05T02:15:00Z' }))
  expect(used.hint).toBe('11月5日 10:15 已使用')
})

test('templateValidityIsAFixedWindowOrDaysFromGettingIt', () => {
  expect(coupon.templateValidity(template())).toBe('领取后30天内有效')
  expect(coupon.templateValidity(template({ validDays: null, validUntil: '2026-12-31T15:59:59Z' }))).toBe('有效期至 2026-12-31')
  expect(coupon.templateValidity(template({ validDays: null, validFrom: '2026-11-30T16:00:00Z', validUntil: '2026-12-31T15:59:59Z' })))
    .toBe('2026-12-01 至 2026-12-31')
})

test('centreOffersClaimForFreeCouponsAndAPointsPriceOtherwise', () => {
  const free = coupon.centreView({ template: template(), held: 0, available: true })
  expect([free.action, free.buttonText, free.reason]).toEqual(['claim', '领取', ''])
  const priced = coupon.centreView({ template: template({ claimable: false, pointsPrice: 1500 }), held: 0, available: true })
  expect([priced.action, priced.buttonText]).toEqual(['exchange', '1,500积分兑换'])
})

test('unavailableCouponsSayWhyFromTheLimitTheStockOrTheTier', () => {
  const tiers = { 2: '金卡' }
  const reason = (over, held) => coupon.centreView({ template: template(over), held, available: false }, tiers).reason
  expect(reason({}, 1)).toBe('已领取')
  expect(reason({ perMemberLimit: 3 }, 3)).toBe('已达上限（每人限3张）')
  expect(reason({ remainingStock: 0 }, 0)).toBe('已抢光')
  expect(reason({ minTierLevel: 2 }, 0)).toBe('金卡及以上会员可领')
  expect(reason({}, 0)).toBe('暂不可领取')
  expect(coupon.centreView({ template: template({ remainingStock: 0 }), held: 0, available: false }).action).toBeNull()
})

test('gettingOneCountsItAndStopsAtTheLimitOrWhenGone', () => {
  const twoEach = { template: template({ perMemberLimit: 2, remainingStock: 5 }), held: 0, available: true }
  const once = coupon.afterGetting(twoEach)
  expect([once.held, once.template.remainingStock, once.available]).toEqual([1, 4, true])
  expect(coupon.afterGetting(once).available).toBe(false)
  const last = coupon.afterGetting({ template: template({ perMemberLimit: 5, remainingStock: 1 }), held: 0, available: true })
  expect([last.template.remainingStock, last.available]).toEqual([0, false])
  const unlimited = coupon.afterGetting({ template: template({ perMemberLimit: 5 }), held: 0, available: true })
  expect([unlimited.template.remainingStock, unlimited.available]).toEqual([null, true])
})

describe('early access in the coupon centre', () => {
  const t = (over = {}) => Object.assign({ id: 't1', name: '券', kind: 'AMOUNT_OFF', amountOffCents: 1000, thresholdCents: 0,
    perMemberLimit: 1, minTierLevel: 0, remainingStock: null, claimable: true, pointsPrice: null,
    earlyAccess: { tierNames: ['金卡', '黑钻'] } }, over)

  test('aMemberOfAnEarlyTierSees优先领AndTheOthersWhenItOpens', () => {
    expect(coupon.centreView({ template: t(), held: 0, available: true, early: true, opensAt: null }).buttonText).toBe('优先领')
    expect(coupon.centreView({ template: t(), held: 0, available: false, early: false, opensAt: '2026-12-10T02:00:00Z' }).reason)
      .toBe('12月10日 10:00 开放')
  })

  test('heldOrSoldOutSaysSoBeforeTheOpening', () => {
    expect(coupon.unavailableReason({ template: t(), held: 1, opensAt: '2026-12-10T02:00:00Z' })).toBe('已领取')
    expect(coupon.unavailableReason({ template: t({ remainingStock: 0 }), held: 0, opensAt: '2026-12-10T02:00:00Z' })).toBe('已抢光')
  })

  test('theSoonestOpeningWithinTheHourIsWaitedFor', () => {
    const now = Date.parse('2026-12-10T01:00:00Z')
    expect(coupon.nextOpening([{ opensAt: '2026-12-10T01:30:00Z' }, { opensAt: '2026-12-10T01:10:00Z' }, { opensAt: null }], now))
      .toBe(10 * 60 * 1000)
    expect(coupon.nextOpening([{ opensAt: '2026-12-10T03:00:00Z' }], now)).toBeNull()
    expect(coupon.nextOpening([{ opensAt: '2026-12-10T00:59:00Z' }], now)).toBeNull()
  })

  test('afterGettingOneTheEntryKeepsItsEarlyAccess', () => {
    expect(coupon.afterGetting({ template: t({ perMemberLimit: 2 }), held: 0, available: true, early: true, opensAt: null }))
      .toMatchObject({ held: 1, available: true, early: true })
  })
})
