/** The member's orders: newest first, paged, each opening its lines, payment, points earned and refunds. */
const { loadPage, flush, text, texts } = require('../support/page')
const session = require('../../src/api/session')

function order(i, overrides = {}) {
  return Object.assign({ id: `p${i}`, orderNo: `POS-${i}`, amountCents: 20000, paidCents: 17500, refundedCents: 0,
    pointsEarned: 175, occurredAt: '2026-11-23T02:15:00Z' }, overrides)
}

function ordersServer(total, { down = () => false } = {}) {
  const all = Array.from({ length: total }, (_, i) => order(i + 1))
  wx.__server.on('MyOrders', vars => {
    if (down()) return { statusCode: 500, data: null }
    const from = vars.after ? Number(vars.after.slice(1)) : 0
    const page = all.slice(from, from + vars.first)
    return { myOrders: { totalCount: total,
      pageInfo: { hasNextPage: from + page.length < total, endCursor: page.length ? `c${from + page.length}` : null },
      edges: page.map((node, k) => ({ cursor: `c${from + k + 1}`, node })) } }
  })
}

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))
afterEach(() => jest.useRealTimers())

async function openOrders() {
  const page = loadPage('pages/orders/index')
  page.instance.onLoad({})
  await flush()
  return page
}

async function openOrder(id) {
  const page = loadPage('pages/order/index')
  page.instance.onLoad({ id })
  await flush()
  return page
}

test('ordersShowNumberPaidTimePointsAndRefunds', async () => {
  wx.__server.on('MyOrders', () => ({ myOrders: { totalCount: 2, pageInfo: { hasNextPage: false, endCursor: 'c2' },
    edges: [{ cursor: 'c1', node: order(1) }, { cursor: 'c2', node: order(2, { refundedCents: 20000, pointsEarned: 0 }) }] } }))
  const page = await openOrders()
  expect(texts(page, '.order-no')).toEqual(['POS-1', 'POS-2'])
  expect(texts(page, '.order-paid')).toEqual(['实付 ¥175', '实付 ¥175'])
  expect(texts(page, '.order-points')).toEqual(['+175 积分'])
  expect(texts(page, '.order-refund')).toEqual(['已退款'])
  expect(text(page, '.orders-end')).toBe('没有更多了')
})

test('scrollingLoadsTheNextPageAndTappingOpensTheOrder', async () => {
  ordersServer(25)
  const page = await openOrders()
  page.instance.onReachBottom()
  page.instance.onReachBottom()
  await flush()
  expect(wx.__server.calls('MyOrders')).toEqual([{ first: 20, after: null }, { first: 20, after: 'c20' }])
  expect(page.querySelectorAll('.order')).toHaveLength(25)
  page.querySelectorAll('.order')[24].dispatchEvent('tap')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/order/index?id=p25' })
})

test('noOrdersAndAFailureSaySo', async () => {
  ordersServer(0)
  expect(text(await openOrders(), '.orders-empty')).toBe('还没有订单，到店消费时出示会员码即可累积积分')
  let down = true
  ordersServer(1, { down: () => down })
  jest.useFakeTimers()
  const page = loadPage('pages/orders/index')
  page.instance.onLoad({})
  await jest.advanceTimersByTimeAsync(2000)
  expect(text(page, '.orders-failed')).toBe('加载失败，点击重试')
  down = false
  page.querySelector('.orders-failed').dispatchEvent('tap')
  await jest.advanceTimersByTimeAsync(100)
  expect(texts(page, '.order-no')).toEqual(['POS-1'])
})

test('anOrderShowsItsLinesPaymentPointsEarnedWithReasonsAndRefunds', async () => {
  wx.__server.on('MyOrder', () => ({ myOrder: order(1, {
    storeId: '3', couponDiscountCents: 2000, tierDiscountCents: 1000, pointsRedeemed: 0, redeemedCents: 0, refundedCents: 5000,
    paidCents: 17000, pointsEarned: 204,
    earnBreakdown: [{ rule: 'BASE', factor: 1, points: 170 }, { rule: 'TIER', factor: 1.2, points: 34 }],
    items: [{ lineNo: 1, name: '吐司', quantity: 2, unitPriceCents: 10000, amountCents: 20000 }],
    refunds: [{ refundNo: 'R1', amountCents: 5000, pointsReversed: 51, pointsReturned: 0, createdAt: '2026-11-24T02:15:00Z' }],
    coupons: [{ id: 'c1', template: { id: 't1', name: '满100减20' } }],
    walletPayment: null
  }) }))
  const page = await openOrder('p1')
  expect(wx.__server.calls('MyOrder')).toEqual([{ id: 'p1' }])
  expect(text(page, '.order-no')).toBe('POS-1')
  expect(texts(page, '.item-name')).toEqual(['吐司 2 × ¥100'])
  expect(text(page, '.coupon-discount')).toBe('-¥20')
  expect(text(page, '.coupon')).toBe('满100减20')
  expect(text(page, '.tier-discount')).toBe('-¥10')
  expect(text(page, '.points-redeemed')).toBeNull()
  expect(text(page, '.paid')).toBe('¥170')
  expect(text(page, '.points-earned')).toBe('+204')
  expect(texts(page, '.earn-label')).toEqual(['基础积分', '等级加成 ×1.2'])
  expect(texts(page, '.refund-amount')).toEqual(['¥50'])
  expect(texts(page, '.refund-points')).toEqual(['收回积分 51'])
  expect(text(page, '.refund-state')).toBe('部分退款 ¥50')
})

test('anotherMembersOrderOrAFailureSaySo', async () => {
  wx.__server.on('MyOrder', () => ({ myOrder: null }))
  expect(text(await openOrder('p9'), '.order-not-found')).toBe('没有找到这个订单')
  jest.useFakeTimers()
  wx.__server.on('MyOrder', () => ({ statusCode: 500, data: null }))
  const page = loadPage('pages/order/index')
  page.instance.onLoad({ id: 'p1' })
  await jest.advanceTimersByTimeAsync(2000)
  expect(text(page, '.order-failed')).toBe('加载失败，点击重试')
})
