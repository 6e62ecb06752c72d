/** The store's orders: today by default, searched by order number or member, paged; an order's page with 退款. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const handoff = require('../../src/staff/lib/handoff')
const format = require('../../src/lib/format')
const { type, signIn } = require('./helpers')

function order(i, overrides = {}) {
  return Object.assign({ id: `p${i}`, orderNo: `T2026112310${String(i).padStart(4, '0')}`, amountCents: 20000, paidCents: 17500,
    refundedCents: 0, pointsEarned: 175, occurredAt: '2026-11-23T02:15:00Z',
    member: { id: 'm1', nickname: '小美', phone: '138****1234' } }, overrides)
}

/** `total` orders served 20 at a time, cursor "c<index of last>". */
function ordersServer(total, { fail = () => false } = {}) {
  const all = Array.from({ length: total }, (_, i) => order(i + 1))
  wx.__server.on('StaffStoreOrders', vars => {
    if (fail(vars)) return { statusCode: 500, data: null }
    const from = vars.after ? Number(vars.after.slice(1)) : 0
    const page = all.slice(from, from + vars.first)
    return { storeOrders: { totalCount: total, amountCents: total * 20000, paidCents: total * 17500, refundedCents: 5000,
      pageInfo: { hasNextPage: from + page.length < total, endCursor: page.length ? `c${from + page.length}` : null },
      edges: page.map((node, k) => ({ cursor: `c${from + k + 1}`, node })) } }
  })
}

function detail(overrides = {}) {
  return Object.assign(order(1), {
    storeId: '1', couponDiscountCents: 2000, tierDiscountCents: 0, pointsRedeemed: 500, redeemedCents: 500,
    refundedCents: 5050,
    earnBreakdown: [{ rule: 'BASE', factor: 1, points: 175 }],
    items: [{ lineNo: 1, name: '法棍', quantity: 2, unitPriceCents: 5000, amountCents: 10000 },
      { lineNo: 2, name: '拿铁', quantity: 4, unitPriceCents: 2500, amountCents: 10000 }],
    refunds: [{ refundNo: 'R1', amountCents: 5050, pointsReversed: 44, pointsReturned: 126, createdAt: '2026-11-23T03:00:00Z' }],
    coupons: [{ id: 'c1', template: { id: 't1', name: '满100减20' } }],
    walletPayment: { amountCents: 10000 }
  }, overrides)
}

beforeEach(() => {
  handoff.clear()
  signIn('CLERK')
})
afterEach(() => jest.useRealTimers())

async function openOrders() {
  const page = loadPage('staff/orders/index')
  page.instance.onLoad({})
  await flush()
  return page
}

async function openOrder(id = 'p1') {
  handoff.put('order', { id })
  const page = loadPage('staff/order/index')
  page.instance.onLoad({})
  await flush()
  return page
}

test('theListShowsTodaysOrdersWithTotalsBuyerAndRefundState', async () => {
  wx.__server.on('StaffStoreOrders', () => ({ storeOrders: { totalCount: 2, amountCents: 30000, paidCents: 27500, refundedCents: 5000,
    pageInfo: { hasNextPage: false, endCursor: 'c2' },
    edges: [{ cursor: 'c1', node: order(1, { refundedCents: 5000 }) },
      { cursor: 'c2', node: order(2, { member: null, amountCents: 10000, refundedCents: 10000 }) }] } }))
  const page = await openOrders()
  const today = format.today()
  expect(wx.__server.calls('StaffStoreOrders')).toEqual([{ filter: { from: today, to: today }, first: 20, after: null }])
  expect(text(page, '.totals')).toBe('共 2 单 · 订单金额 ¥300 · 已退 ¥50')
  expect(texts(page, '.order-no')).toEqual(['T20261123100001', 'T20261123100002'])
  expect(texts(page, '.order-buyer')).toEqual(['小美 138****1234', '非会员顾客'])
  expect(texts(page, '.order-time')).toEqual(['11月23日 10:15', '11月23日 10:15'])
  expect(texts(page, '.order-refund')).toEqual(['部分退款 ¥50', '已退款'])
  expect(text(page, '.orders-end')).toBe('没有更多了')
})

test('aSearchAndADateRangeAskTheBackendAgainAndAnEmptyAnswerSaysSo', async () => {
  ordersServer(0)
  const page = await openOrders()
  expect(text(page, '.orders-empty')).toBe('这段时间还没有订单')
  page.querySelector('.date-from').dispatchEvent('tap')
  page.instance.onFromChange({ detail: { value: '2026-11-01' } })
  await flush()
  type(page, '.search', ' 138 0013 8000 ')
  tap(page, '.search-button')
  await flush()
  const calls = wx.__server.calls('StaffStoreOrders')
  expect(calls[calls.length - 1]).toEqual({ filter: { from: '2026-11-01', to: format.today(), search: '138 0013 8000' },
    first: 20, after: null })
  expect(text(page, '.searched')).toBe('搜索“138 0013 8000” 清除')
  expect(text(page, '.orders-empty')).toBe('没有找到符合条件的订单')
})

test('scanningTheMembersCodeListsTheirOrders', async () => {
  ordersServer(3)
  wx.scanCode.mockImplementation(options => options.success({ result: 'code-123', scanType: 'QR_CODE' }))
  const page = await openOrders()
  tap(page, '.scan-button')
  await flush()
  const calls = wx.__server.calls('StaffStoreOrders')
  expect(calls[calls.length - 1].filter.search).toBe('code-123')
})

test('scrollingLoadsTheNextPageAfterTheEndCursorOnce', async () => {
  ordersServer(45)
  const page = await openOrders()
  expect(page.querySelectorAll('.order')).toHaveLength(20)
  page.instance.onReachBottom()
  page.instance.onReachBottom()
  await flush()
  expect(wx.__server.calls('StaffStoreOrders').map(v => v.after)).toEqual([null, 'c20'])
  expect(page.querySelectorAll('.order')).toHaveLength(40)
})

test('aFailedLoadOffersARetry', async () => {
  let down = true
  ordersServer(2, { fail: () => down })
  jest.useFakeTimers()
  const page = loadPage('staff/orders/index')
  page.instance.onLoad({})
  await jest.advanceTimersByTimeAsync(2000) // the client's own retries
  expect(text(page, '.orders-failed')).toBe('加载失败，点击重试')
  down = false
  tap(page, '.orders-failed')
  await jest.advanceTimersByTimeAsync(100)
  expect(page.querySelectorAll('.order')).toHaveLength(2)
})

test('anAdminPicksAStoreBeforeTheListLoads', async () => {
  signIn('ADMIN')
  wx.__server.on('StaffStores', () => ({ stores: { edges: [{ node: { id: '5', name: '徐汇店' } }] } }))
  ordersServer(1)
  const page = await openOrders()
  expect(text(page, '.no-store')).toBe('请选择门店查看订单')
  expect(wx.__server.calls('StaffStoreOrders')).toEqual([])
  page.instance.onStoreChange({ detail: { storeId: '5', name: '徐汇店' } })
  await flush()
  expect(wx.__server.calls('StaffStoreOrders')[0].storeId).toBe('5')
  expect(page.querySelectorAll('.order')).toHaveLength(1)
})

test('tappingAnOrderOpensItsPage', async () => {
  ordersServer(2)
  const page = await openOrders()
  page.querySelectorAll('.order')[1].dispatchEvent('tap')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/staff/order/index' })
  expect(handoff.take('order')).toEqual({ id: 'p2' })
})

test('theOrderPageShowsLinesPaymentsPointsCouponsAndRefunds', async () => {
  wx.__server.on('StaffStoreOrder', () => ({ storeOrder: detail() }))
  const page = await openOrder()
  expect(wx.__server.calls('StaffStoreOrder')).toEqual([{ id: 'p1' }])
  expect(text(page, '.order-no')).toBe('T20261123100001')
  expect(text(page, '.order-buyer')).toBe('小美 138****1234')
  expect(texts(page, '.item-name')).toEqual(['法棍 2 × ¥50', '拿铁 4 × ¥25'])
  expect(text(page, '.coupon-discount')).toBe('-¥20')
  expect(text(page, '.points-redeemed')).toBe('500 积分 = ¥5')
  expect(text(page, '.paid')).toBe('¥175')
  expect(text(page, '.wallet-paid')).toBe('¥100')
  expect(text(page, '.coupon')).toBe('已用券：满100减20')
  expect(text(page, '.points-earned')).toBe('+175')
  expect(texts(page, '.refund-no')).toEqual(['R1'])
  expect(text(page, '.refund-meta')).toBe('11月23日 11:00 · 收回积分 44 · 退还积分 126')
  expect(text(page, '.refund-total')).toBe('¥50.50 / ¥149.50')
  expect(text(page, '.refund-state')).toBe('部分退款 ¥50.50')
})

test('refundOpensTheRefundPageFilledInAndTheOrderReloadsAfter', async () => {
  let refunded = 5050
  wx.__server.on('StaffStoreOrder', () => ({ storeOrder: detail({ refundedCents: refunded }) }))
  const page = await openOrder()
  tap(page, '.refund-button')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/staff/refund/index' })

  const refundPage = loadPage('staff/refund/index')
  refundPage.instance.onLoad({})
  await flush()
  expect(refundPage.instance.data.form.orderNo).toBe('T20261123100001')
  expect(refundPage.instance.data.form.amount).toBe('149.50')
  wx.__server.on('StaffRefundPurchase', vars => ({ refundPurchase: { replayed: false, userErrors: [],
    refund: { refundNo: vars.input.refundNo, amountCents: vars.input.amountCents, pointsReversed: 131, pointsReturned: 374,
      couponsReturned: 0, couponsKept: 1, cashToReturnCents: 0, createdAt: '2026-11-23T04:00:00Z' },
    purchase: { id: 'p1', orderNo: vars.input.orderNo, amountCents: 20000, refundedCents: 20000, paidCents: 17500, member: null } } }))
  tap(refundPage, '.submit-button')
  await flush()
  expect(wx.__server.calls('StaffRefundPurchase')[0].input)
    .toEqual(expect.objectContaining({ orderNo: 'T20261123100001', amountCents: 14950 }))
  expect(text(refundPage, '.back-button')).toBe('返回订单')

  refunded = 20000
  page.instance.onShow()
  await flush()
  expect(wx.__server.calls('StaffStoreOrder')).toHaveLength(2)
  expect(text(page, '.refund-button')).toBeNull()
  expect(text(page, '.fully-refunded')).toBe('本单已全部退款')
})

test('aGuestOrderHasNoPointsSection', async () => {
  wx.__server.on('StaffStoreOrder', () => ({ storeOrder: detail({ member: null, pointsEarned: 0, earnBreakdown: [],
    refunds: [], refundedCents: 0, coupons: [], walletPayment: null, couponDiscountCents: 0, pointsRedeemed: 0 }) }))
  const page = await openOrder()
  expect(text(page, '.order-buyer')).toBe('非会员顾客')
  expect(text(page, '.points-earned')).toBeNull()
  expect(text(page, '.no-refunds')).toBe('暂无退款')
  expect(text(page, '.wallet-paid')).toBeNull()
})

test('anOrderOfAnotherStoreOrAFailureOrNothingToShowSaySo', async () => {
  const empty = loadPage('staff/order/index')
  empty.instance.onLoad({})
  await flush()
  expect(text(empty, '.no-order')).toBe('没有可显示的订单请从订单列表打开要查看的订单。')

  wx.__server.on('StaffStoreOrder', () => ({ storeOrder: null }))
  expect(text(await openOrder(), '.order-not-found')).toBe('本店没有这个订单')

  let down = true
  wx.__server.on('StaffStoreOrder', () => (down ? { statusCode: 500, data: null } : { storeOrder: detail() }))
  jest.useFakeTimers()
  handoff.put('order', { id: 'p1' })
  const failed = loadPage('staff/order/index')
  failed.instance.onLoad({})
  await jest.advanceTimersByTimeAsync(2000) // the client's own retries
  expect(text(failed, '.order-failed')).toBe('加载失败，点击重试')
  down = false
  tap(failed, '.order-failed')
  await jest.advanceTimersByTimeAsync(100)
  expect(text(failed, '.order-no')).toBe('T20261123100001')
})

test('theResultPageOpensTheRecordedOrder', async () => {
  const f = require('./fixtures')
  handoff.put('purchase', f.recorded({}).recordPurchase)
  wx.__server.on('StaffMemberRecommendations', () => ({ member: { member: { id: '7', recommendations: [] } } }))
  const page = loadPage('staff/result/index')
  page.instance.onLoad({})
  tap(page, '.view-order-button')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/staff/order/index' })
  expect(handoff.take('order')).toEqual({ id: expect.any(String) })
})
