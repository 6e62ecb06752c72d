/** My coupons: the three tabs, infinite scroll, and each coupon described in plain words. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')
const { toResponse } = require('../support/fake-server')
const { template, cardTexts, cardAll } = require('./coupons-fixtures')

function couponNode(id, status, over) {
  return { id, status, source: 'CLAIM', validFrom: '2026-10-31T16:00:00Z', validUntil: '2026-11-30T15:59:59Z',
    obtainedAt: '2026-11-01T02:00:00Z', usedAt: status === 'USED' ? '2026-11-05T02:15:00Z' : null, template: template(over) }
}

function connection(nodes, hasNextPage = false, endCursor = null) {
  return { totalCount: nodes.length, edges: nodes.map(n => ({ cursor: 'c' + n.id, node: n })), pageInfo: { hasNextPage, endCursor } }
}

function answer(conn) {
  return { me: { id: '1', coupons: conn } }
}

const SERVER_ERROR = { errors: [{ message: 'boom', extensions: { classification: 'INTERNAL_ERROR' } }] }

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

test('usableCouponsShowWhatTheyGiveTheirDatesLimitsAndHowToUseThem', async () => {
  wx.__server.on('MyCoupons', () => answer(connection([
    couponNode('1', 'USABLE', { categories: ['茶饮'], storeIds: ['3'], channel: 'STORE', stackable: false }),
    couponNode('2', 'USABLE', { name: '秋季折扣券', kind: 'PERCENT_OFF', amountOffCents: null, thresholdCents: 0, percentOff: 15, maxDiscountCents: 3000 }),
    couponNode('3', 'USABLE', { name: '包邮券', kind: 'SHIPPING', amountOffCents: null, thresholdCents: 0 }),
    couponNode('4', 'USABLE', { name: '会员礼', kind: 'GIFT', amountOffCents: null, thresholdCents: 0, giftName: '帆布袋' })
  ])))
  const page = loadPage('pages/coupons/index')
  await page.instance.onLoad({})
  await flush()
  expect(wx.__server.calls('MyCoupons')).toEqual([{ status: 'USABLE', first: 20 }])
  expect(cardTexts(page, '.description')).toEqual(['满200减50', '8.5折 最高减¥30', '免运费', '赠 帆布袋'])
  expect(cardTexts(page, '.validity')[0]).toBe('2026-11-01 至 2026-11-30')
  expect(cardAll(page, '.limit')).toEqual(['限1家指定门店使用', '限茶饮类商品', '仅限门店使用', '不可与其他优惠券同时使用'])
  expect(cardTexts(page, '.hint')).toEqual(Array(4).fill('到店出示会员码使用'))
  expect(text(page, '.count')).toBe('共4张')
})

test('switchingTabsLoadsThatStatusAndShowsOnlyItsCoupons', async () => {
  wx.__server.on('MyCoupons', vars => answer(connection(vars.status === 'USED' ? [couponNode('9', 'USED')] : [])))
  const page = loadPage('pages/coupons/index')
  await page.instance.onLoad({})
  await flush()
  expect(text(page, '.empty-state')).toBe('暂无可用的优惠券，去领券中心看看')
  tap(page, '.tab-USED')
  await flush()
  expect(text(page, '.tab.active')).toBe('已使用')
  expect(cardTexts(page, '.hint')).toEqual(['11月5日 10:15 已使用'])
  tap(page, '.tab-EXPIRED')
  await flush()
  expect(text(page, '.empty-state')).toBe('没有过期的优惠券')
  expect(wx.__server.calls('MyCoupons').map(v => v.status)).toEqual(['USABLE', 'USED', 'EXPIRED'])
})

test('anAnswerForATabNoLongerShownIsDropped', async () => {
  wx.__server.on('MyCoupons', vars => answer(connection([couponNode(vars.status === 'USABLE' ? '1' : '2', vars.status,
    { name: vars.status === 'USABLE' ? '可用券' : '用过的券' })])))
  // The usable tab's answer comes back after the used tab's, asked later.
  wx.__requestOverride = options => {
    const slow = options.data.variables.status === 'USABLE'
    setTimeout(() => options.success(toResponse(wx.__server.handle(options))), slow ? 30 : 0)
  }
  const page = loadPage('pages/coupons/index')
  page.instance.onLoad({})
  tap(page, '.tab-USED')
  await new Promise(resolve => setTimeout(resolve, 60))
  await flush()
  expect(wx.__server.calls('MyCoupons').map(v => v.status)).toEqual(['USED', 'USABLE'])
  expect(cardTexts(page, '.name')).toEqual(['用过的券'])
})

test('scrollingToTheBottomLoadsTheNextPageAfterTheLastCursorOnce', async () => {
  wx.__server.on('MyCoupons', vars => (vars.after
    ? answer(connection([couponNode('3', 'USABLE')], false, 'c3'))
    : answer(Object.assign(connection([couponNode('1', 'USABLE'), couponNode('2', 'USABLE')], true, 'c2'), { totalCount: 3 }))))
  const page = loadPage('pages/coupons/index')
  await page.instance.onLoad({})
  await flush()
  expect(text(page, '.footer')).toBe('上拉加载更多')
  page.instance.onReachBottom()
  page.instance.onReachBottom()
  await flush()
  expect(wx.__server.calls('MyCoupons')).toEqual([{ status: 'USABLE', first: 20 }, { status: 'USABLE', first: 20, after: 'c2' }])
  expect(page.querySelectorAll('.coupon')).toHaveLength(3)
  expect(text(page, '.footer')).toBe('没有更多了')
  page.instance.onReachBottom()
  await flush()
  expect(wx.__server.calls('MyCoupons')).toHaveLength(2)
})

test('aFailedLoadOffersARetryAndTheCentreIsOneTapAway', async () => {
  let up = false
  wx.__server.on('MyCoupons', () => (up ? answer(connection([couponNode('1', 'USABLE')])) : SERVER_ERROR))
  const page = loadPage('pages/coupons/index')
  await page.instance.onLoad({})
  await flush()
  expect(text(page, '.failed')).toBe('加载失败，点击重试')
  up = true
  tap(page, '.failed')
  await flush()
  expect(cardTexts(page, '.description')).toEqual(['满200减50'])
  tap(page, '.centre-entry')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/coupon-centre/index' })
})
