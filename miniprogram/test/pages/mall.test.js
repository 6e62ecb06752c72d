/** The points mall: the shelf with badges, an item redeemed after a confirmation, the member's redemptions with the pickup code. */
const { loadPage, flush, text, texts, tap, type, imageSrc } = require('../support/page')
const session = require('../../src/api/session')

const TIERS = [{ level: 0, name: '普通' }, { level: 1, name: '银卡' }, { level: 2, name: '金卡' }]

function goods(extra = {}) {
  return Object.assign({ id: 'g1', version: 1, status: 'ON_SALE', name: '保温杯', pictureUrl: null, pointsPrice: 1200, cashCents: 0,
    fulfilment: 'PICKUP', stockLeft: 8, limitPerMember: 1, limitPeriod: 'LIFETIME', minTierLevel: 0, earlyAccessTierLevel: null,
    earlyAccessFrom: null, openFrom: null, tierOnly: false, earlyAccessNow: false,
    forMe: { redeemable: true, reason: null, redeemed: 0, maxQuantity: 1 } }, extra)
}

function connection(nodes) {
  return { totalCount: nodes.length, edges: nodes.map(node => ({ cursor: node.id, node })), pageInfo: { hasNextPage: false, endCursor: null } }
}

function redemption(extra = {}) {
  return Object.assign({ id: 'r1', goodsId: 'g1', name: '保温杯', pictureUrl: null, version: 1, state: 'AWAITING_PICKUP', pointsPrice: 1200,
    cashCents: 990, fulfilment: 'PICKUP', pickupStoreName: '徐汇店', pickupCode: '123456789012', pickupBy: '2026-12-21T04:00:00Z',
    pickedUpAt: null, address: null, trackingNumber: null, shippedAt: null, cancelledAt: null, cancelReason: null,
    createdAt: '2026-12-07T04:00:00Z' }, extra)
}

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

async function open(path, query = {}) {
  const page = loadPage(path)
  await page.instance.onLoad(query)
  await flush()
  return page
}

test('theShelfShowsPricesTierOnlyAndEarlyAccessBadgesAndWhyAnItemCannotBeHad', async () => {
  wx.__server.on('MallGoods', () => ({
    mallGoods: connection([
      goods(),
      goods({ id: 'g2', name: '金卡礼盒', pointsPrice: 5000, cashCents: 1990, minTierLevel: 2, tierOnly: true,
        forMe: { redeemable: false, reason: '会员等级不足', redeemed: 0 } }),
      goods({ id: 'g3', name: '新品抢先', earlyAccessTierLevel: 1, earlyAccessFrom: '2026-12-01T02:00:00Z', openFrom: '2026-12-10T02:00:00Z',
        earlyAccessNow: true })
    ]),
    tiers: TIERS, me: { id: 'm', pointsBalance: 23456 }
  }))
  const page = await open('pages/mall/index')
  expect(text(page, '.balance')).toBe('23,456')
  expect(texts(page, '.name')).toEqual(['保温杯', '金卡礼盒', '新品抢先'])
  expect(texts(page, '.price')).toEqual(['1,200积分', '5,000积分 + ¥19.90', '1,200积分'])
  expect(texts(page, '.badge')).toEqual(['金卡及以上专享', '银卡及以上优先兑换中'])
  expect(texts(page, '.reason')).toEqual(['会员等级不足'])
  tap(page, '.goods-g2')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/mall-item/index?id=g2' })
})

test('anEmptyMallSaysSoAndAFailedOneOffersARetry', async () => {
  wx.__server.on('MallGoods', () => ({ mallGoods: connection([]), tiers: TIERS, me: { id: 'm', pointsBalance: 0 } }))
  const page = await open('pages/mall/index')
  expect(text(page, '.empty-state')).toBe('商城暂时没有可兑换的商品，过几天再来看看')

  wx.__server.on('MallGoods', () => { throw 'NETWORK' })
  jest.useFakeTimers()
  try {
    const failing = loadPage('pages/mall/index')
    failing.instance.onLoad({})
    await jest.advanceTimersByTimeAsync(10000)
    expect(text(failing, '.failed')).toBe('加载失败，点击重试')
  } finally {
    jest.useRealTimers()
  }
})

function item(extra = {}) {
  return () => ({
    mallItem: Object.assign(goods({ cashCents: 990, description: '304 不锈钢', pickupStores: [
      { storeId: 's1', storeName: '徐汇店', remaining: 8 }, { storeId: 's2', storeName: '静安店', remaining: 8 }] }), extra),
    tiers: TIERS, me: { id: 'm', pointsBalance: 3000 }
  })
}

test('redeemingAPickupNeedsAStoreConfirmsPointsAndCashAndSendsOneKeyWithTheVersionSeen', async () => {
  wx.__server.on('MallItem', item())
  wx.__server.on('RedeemMallGoods', () => ({ redeemMallGoods: { replayed: false, redemption: redemption(), userErrors: [] } }))
  const page = await open('pages/mall-item/index', { id: 'g1' })
  expect(text(page, '.cash-note')).toBe('另需到店支付 ¥9.90，提货时在门店收银台付款')
  tap(page, '.redeem')
  await flush()
  expect(text(page, '.error-store')).toBe('请选择提货门店')
  expect(wx.__server.calls('RedeemMallGoods')).toHaveLength(0)

  page.querySelector('.store-picker').dispatchEvent('change', { detail: { value: 1 } })
  await flush()
  tap(page, '.redeem')
  tap(page, '.redeem')
  await flush()
  expect(wx.showModal.mock.calls[0][0].content).toBe('用1,200积分兑换「保温杯」，提货时另付¥9.90，在「静安店」提货？当前积分3,000。')
  const calls = wx.__server.calls('RedeemMallGoods')
  expect(calls).toHaveLength(1)
  expect(calls[0].input).toEqual({ goodsId: 'g1', expectedVersion: 1, storeId: 's2', quantity: 1,
    idempotencyKey: expect.stringMatching(/^mall-/) })
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/mall-redemptions/index' })
})

test('aRefusalIsShownAndTheItemReloaded', async () => {
  wx.__server.on('MallItem', item())
  wx.__server.on('RedeemMallGoods', () => ({ redeemMallGoods: { replayed: false, redemption: null,
    userErrors: [{ field: null, code: 'MALL_OUT_OF_STOCK', message: '「保温杯」已兑完' }] } }))
  const page = await open('pages/mall-item/index', { id: 'g1' })
  page.querySelector('.store-picker').dispatchEvent('change', { detail: { value: 0 } })
  tap(page, '.redeem')
  await flush()
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '「保温杯」已兑完' }))
  expect(wx.__server.calls('MallItem')).toHaveLength(2)
})

test('aDeliveryAsksForACompleteAddressBeforeSending', async () => {
  wx.__server.on('MallItem', item({ fulfilment: 'DELIVERY', cashCents: 0, pickupStores: [] }))
  wx.__server.on('RedeemMallGoods', () => ({ redeemMallGoods: { replayed: false, redemption: redemption({ fulfilment: 'DELIVERY' }), userErrors: [] } }))
  const page = await open('pages/mall-item/index', { id: 'g1' })
  type(page, '.recipient', '王小明')
  type(page, '.phone', '1381234')
  tap(page, '.redeem')
  await flush()
  expect(text(page, '.error-phone')).toBe('请填写11位手机号')
  expect(text(page, '.error-region')).toBe('请填写所在地区')
  type(page, '.phone', '13812345678')
  type(page, '.region', '上海市徐汇区')
  type(page, '.detail', '漕溪北路 88 号')
  tap(page, '.redeem')
  await flush()
  expect(wx.__server.calls('RedeemMallGoods')[0].input.address).toEqual({ recipient: '王小明', phone: '13812345678',
    region: '上海市徐汇区', detail: '漕溪北路 88 号' })
})

test('anItemTheMemberCannotHaveSaysWhyInsteadOfOfferingToRedeem', async () => {
  wx.__server.on('MallItem', item({ forMe: { redeemable: false, reason: '已达兑换上限', redeemed: 1 } }))
  const page = await open('pages/mall-item/index', { id: 'g1' })
  expect(text(page, '.redeem')).toBeNull()
  expect(text(page, '.unavailable')).toBe('已达兑换上限')
})

test('theStepperStaysWithinWhatTheMemberMayHaveAndTheConfirmationStatesTheTotal', async () => {
  wx.__server.on('MallItem', item({ limitPerMember: 5, forMe: { redeemable: true, reason: null, redeemed: 2, maxQuantity: 3 } }))
  wx.__server.on('RedeemMallGoods', () => ({ redeemMallGoods: { replayed: false, redemption: redemption({ quantity: 2 }), userErrors: [] } }))
  const page = await open('pages/mall-item/index', { id: 'g1' })
  expect(text(page, '.quantity')).toBe('1')
  expect(text(page, '.total')).toBe('合计 1,200积分 + ¥9.90')
  tap(page, '.less')
  for (let i = 0; i < 5; i++) tap(page, '.more')
  await flush()
  expect(text(page, '.quantity')).toBe('3')
  expect(text(page, '.most')).toBe('一次最多 3 件')
  expect(text(page, '.total')).toBe('合计 3,600积分 + ¥29.70')
  tap(page, '.less')
  page.querySelector('.store-picker').dispatchEvent('change', { detail: { value: 1 } })
  await flush()
  tap(page, '.redeem')
  await flush()
  expect(wx.showModal.mock.calls[0][0].content).toBe('用2,400积分兑换「保温杯」×2，提货时另付¥19.80，在「静安店」提货？当前积分3,000。')
  expect(wx.__server.calls('RedeemMallGoods')[0].input.quantity).toBe(2)
})

test('goodsStockedPerStoreCapTheQuantityAtTheChosenStore', async () => {
  wx.__server.on('MallItem', item({ stockScope: 'STORE', limitPerMember: null, forMe: { redeemable: true, reason: null, redeemed: 0, maxQuantity: 10 },
    pickupStores: [{ storeId: 's1', storeName: '徐汇店', remaining: 2 }, { storeId: 's2', storeName: '静安店', remaining: 8 }] }))
  const page = await open('pages/mall-item/index', { id: 'g1' })
  for (let i = 0; i < 4; i++) tap(page, '.more')
  await flush()
  expect(text(page, '.quantity')).toBe('5')
  page.querySelector('.store-picker').dispatchEvent('change', { detail: { value: 0 } })
  await flush()
  expect(text(page, '.quantity')).toBe('2')
  expect(text(page, '.most')).toBe('一次最多 2 件')
})

test('aLotteryPrizeAndSeveralUnitsReadAsSuchInMyRedemptions', async () => {
  wx.__server.on('MyMallRedemptions', () => ({ myMallRedemptions: connection([
    redemption({ id: 'r2', source: 'LOTTERY', quantity: 1, pointsPrice: 0, pointsTotal: 0, cashCents: 0, cashTotalCents: 0, pickupStoreName: null }),
    redemption({ id: 'r1', source: 'REDEEM', quantity: 2, pointsTotal: 2400, cashTotalCents: 1980 })]) }))
  const page = await open('pages/mall-redemptions/index')
  expect(texts(page, '.name')).toEqual(['保温杯', '保温杯 ×2'])
  expect(texts(page, '.price-line')).toEqual(['抽奖奖品 · 任一门店自提 · 12月7日 12:00', '2件 · 2,400积分 + ¥19.80 · 徐汇店自提 · 12月7日 12:00'])
  expect(texts(page, '.cash-note')).toEqual(['提货时需支付 ¥19.80'])
  expect(texts(page, '.pickup-by')[0]).toMatch(/逾期奖品作废$/)
})

test('myRedemptionsShowThePickupCodeTheDeadlineAndTheCashAndCancelGivesPointsBack', async () => {
  let state = 'AWAITING_PICKUP'
  wx.__server.on('MyMallRedemptions', () => ({ myMallRedemptions: connection([redemption({ state,
    pickupCode: state === 'AWAITING_PICKUP' ? '123456789012' : null, cancelReason: state === 'CANCELLED' ? '会员取消' : null })]) }))
  wx.__server.on('CancelMallRedemption', () => {
    state = 'CANCELLED'
    return { cancelMallRedemption: { redemption: redemption({ state }), userErrors: [] } }
  })
  const page = await open('pages/mall-redemptions/index')
  expect(text(page, '.code')).toBe('1234 5678 9012')
  expect(text(page, '.state')).toBe('待提货')
  expect(text(page, '.cash-note')).toBe('提货时需支付 ¥9.90')
  expect(text(page, '.pickup-by')).toMatch(/^请于 12月21日 12:00 前提货，逾期积分自动退回$/)
  tap(page, '.cancel-r1')
  await flush()
  expect(wx.__server.calls('CancelMallRedemption')[0].input).toEqual({ redemptionId: 'r1', reason: '会员取消' })
  expect(text(page, '.state')).toBe('已取消')
  expect(text(page, '.code')).toBeNull()
  expect(text(page, '.cancel-r1')).toBeNull()
})

test('noRedemptionsYetPointsToTheMall', async () => {
  wx.__server.on('MyMallRedemptions', () => ({ myMallRedemptions: connection([]) }))
  const page = await open('pages/mall-redemptions/index')
  expect(text(page, '.empty-state')).toBe('还没有兑换记录去积分商城看看 ›')
})

test('anUploadedPictureIsShownOnTheShelfAndOnTheItemAndGoodsWithoutOneShowAPlaceholder', async () => {
  const picture = 'https://loyalty.example.com/media/' + 'p'.repeat(43) + '.jpg'
  wx.__server.on('MallGoods', () => ({
    mallGoods: connection([goods({ pictureUrl: picture }), goods({ id: 'g2', name: '帆布袋' })]),
    tiers: TIERS, me: { id: 'm', pointsBalance: 3000 }
  }))
  const shelf = await open('pages/mall/index')
  expect(imageSrc(shelf, '.goods-g1 .picture')).toBe(picture)
  expect(text(shelf, '.goods-g2 .picture-placeholder')).toBe('礼')

  wx.__server.on('MallItem', item({ pictureUrl: picture }))
  const page = await open('pages/mall-item/index', { id: 'g1' })
  expect(imageSrc(page, '.hero')).toBe(picture)
})
