/** The member's stored-value card: balance, packages, an online recharge with WeChat Pay, and its history. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')
const walletPay = require('../../src/lib/wallet-pay')

const PACKAGES = [
  { id: 'k1', name: '充500送50', payCents: 50000, bonusCents: 5000, bonusValidDays: 365, bonusPoints: 0 },
  { id: 'k2', name: '充200', payCents: 20000, bonusCents: 0, bonusValidDays: null, bonusPoints: 0 }
]

const PAY_PARAMS = { appId: 'wx1', timeStamp: '1700000000', nonceStr: 'n1', package: 'prepay_id=wx42', signType: 'RSA', paySign: 'sig' }

let balance
let orderStatus

beforeEach(() => {
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  balance = 30000
  orderStatus = () => 'PAID'
  wx.__server.on('MyWallet', () => ({ me: { id: '7', registrationStoreId: '3',
    wallet: { balanceCents: balance, principalCents: balance - 2000, bonusCents: 2000 } } }))
  wx.__server.on('RechargePackages', () => ({ rechargePackages: PACKAGES }))
  wx.__server.on('StartWalletRecharge', vars => ({ startWalletRecharge: { userErrors: [], payParams: PAY_PARAMS,
    order: { outTradeNo: 'W123', packageId: vars.input.packageId, storeId: '3', amountCents: 50000, status: 'PENDING',
      createdAt: '2026-11-23T02:15:00Z' } } }))
  wx.__server.on('WalletRechargeOrder', () => {
    const status = orderStatus()
    if (status === 'PAID') balance = 85000
    return { walletRechargeOrder: { outTradeNo: 'W123', status, paidAt: status === 'PAID' ? '2026-11-23T02:16:00Z' : null,
      recharge: status === 'PAID' ? { id: 'r1', payCents: 50000, bonusCents: 5000 } : null } }
  })
  wx.requestPayment = jest.fn(options => setTimeout(() => options.success({ errMsg: 'requestPayment:ok' }), 0))
})
afterEach(() => jest.useRealTimers())

async function openWallet() {
  const page = loadPage('pages/wallet/index')
  page.instance.onLoad({})
  await flush()
  return page
}

test('theCardShowsTheBalanceWithPrincipalAndBonusAndTheStoresPackages', async () => {
  const page = await openWallet()
  expect(text(page, '.balance')).toBe('¥300')
  expect(text(page, '.principal')).toBe('¥280')
  expect(text(page, '.bonus')).toBe('¥20')
  expect(wx.__server.calls('RechargePackages')).toEqual([{ storeId: '3' }])
  expect(texts(page, '.package-name')).toEqual(['充500送50', '充200'])
  expect(texts(page, '.package-extras')).toEqual(['送¥50（365天内有效）'])
  expect(texts(page, '.recharge-button')).toEqual(['充值 ¥500', '充值 ¥200'])
})

test('rechargingPaysWithWeChatPayOnTheJsapiParametersAndWaitsUntilThePaymentCounts', async () => {
  let looks = 0
  orderStatus = () => (++looks < 3 ? 'PENDING' : 'PAID')
  const page = await openWallet()
  jest.useFakeTimers()
  page.querySelectorAll('.recharge-button')[0].dispatchEvent('tap')
  await jest.advanceTimersByTimeAsync(10)
  const started = wx.__server.calls('StartWalletRecharge')
  expect(started).toHaveLength(1)
  expect(started[0].input.packageId).toBe('k1')
  expect(started[0].input.idempotencyKey).toMatch(/^recharge-/)
  expect(wx.requestPayment).toHaveBeenCalledWith(expect.objectContaining({ timeStamp: '1700000000', nonceStr: 'n1',
    package: 'prepay_id=wx42', signType: 'RSA', paySign: 'sig' }))
  expect(text(page, '.pay-notice')).toBe('正在确认支付结果…')
  expect(texts(page, '.recharge-button')).toEqual(['支付中…', '充值 ¥200'])
  await jest.advanceTimersByTimeAsync(walletPay.POLL_MS * 3)
  expect(wx.__server.calls('WalletRechargeOrder')).toEqual([{ outTradeNo: 'W123' }, { outTradeNo: 'W123' }, { outTradeNo: 'W123' }])
  expect(text(page, '.pay-notice')).toBe('充值成功：¥500，赠送¥50')
  expect(text(page, '.balance')).toBe('¥850')
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '充值成功' }))
})

test('aCancelledPaymentChangesNothingAndTheMemberMayTryAgain', async () => {
  wx.requestPayment = jest.fn(options => setTimeout(() => options.fail({ errMsg: 'requestPayment:fail cancel' }), 0))
  const page = await openWallet()
  page.querySelectorAll('.recharge-button')[1].dispatchEvent('tap')
  await flush()
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消支付' }))
  expect(wx.__server.calls('WalletRechargeOrder')).toEqual([])
  expect(texts(page, '.recharge-button')).toEqual(['充值 ¥500', '充值 ¥200'])
  expect(text(page, '.balance')).toBe('¥300')
})

test('aFailedPaymentSaysSoAndAPaymentStillPendingTellsWhereToLook', async () => {
  wx.requestPayment = jest.fn(options => setTimeout(() => options.fail({ errMsg: 'requestPayment:fail system error' }), 0))
  const page = await openWallet()
  page.querySelectorAll('.recharge-button')[0].dispatchEvent('tap')
  await flush()
  expect(wx.showModal.mock.calls.concat(wx.showToast.mock.calls).map(c => c[0].content || c[0].title))
    .toContain('支付未完成，请稍后重试')
  expect(texts(page, '.recharge-button')).toEqual(['充值 ¥500', '充值 ¥200'])

  wx.requestPayment = jest.fn(options => setTimeout(() => options.success({}), 0))
  orderStatus = () => 'PENDING'
  jest.useFakeTimers()
  page.querySelectorAll('.recharge-button')[0].dispatchEvent('tap')
  await jest.advanceTimersByTimeAsync(walletPay.POLL_MS * (walletPay.POLL_TIMES + 1))
  expect(wx.__server.calls('WalletRechargeOrder')).toHaveLength(walletPay.POLL_TIMES)
  expect(text(page, '.pay-notice')).toBe('支付结果确认中，到账后可在储值明细中查看')
  // a second tap starts a new recharge with a key of its own
  const keys = wx.__server.calls('StartWalletRecharge').map(v => v.input.idempotencyKey)
  expect(new Set(keys).size).toBe(2)
})

test('aRefusedRechargeShowsTheBackendsMessage', async () => {
  wx.__server.on('StartWalletRecharge', () => ({ startWalletRecharge: { order: null, payParams: null,
    userErrors: [{ field: ['input', 'storeId'], message: '请选择充值门店', code: 'INVALID_INPUT' }] } }))
  const page = await openWallet()
  page.querySelectorAll('.recharge-button')[0].dispatchEvent('tap')
  await flush()
  expect(wx.requestPayment).not.toHaveBeenCalled()
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请选择充值门店' }))
})

test('noPackagesAndAFailedCardSaySo', async () => {
  wx.__server.on('RechargePackages', () => ({ rechargePackages: [] }))
  expect(text(await openWallet(), '.packages-empty')).toBe('暂无可购买的充值套餐')
  jest.useFakeTimers()
  wx.__server.on('MyWallet', () => ({ statusCode: 500, data: null }))
  const page = loadPage('pages/wallet/index')
  page.instance.onLoad({})
  await jest.advanceTimersByTimeAsync(2000)
  expect(text(page, '.summary-failed')).toBe('加载失败，点击重试')
})

test('theHistoryLink', async () => {
  const page = await openWallet()
  tap(page, '.history-link')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/wallet-history/index' })
})

describe('history', () => {
  function entry(i, overrides = {}) {
    return Object.assign({ id: `e${i}`, kind: 'PAYMENT', amountCents: -1000 - i, principalCents: -1000, bonusCents: -i,
      reference: null, orderNo: `T${i}`, createdAt: '2026-11-23T02:15:00Z' }, overrides)
  }

  function historyServer(total) {
    const all = Array.from({ length: total }, (_, i) => entry(i + 1))
    wx.__server.on('WalletHistory', vars => {
      const from = vars.after ? Number(vars.after.slice(1)) : 0
      const page = all.slice(from, from + vars.first)
      return { me: { id: '7', wallet: { history: { totalCount: total,
        pageInfo: { hasNextPage: from + page.length < total, endCursor: page.length ? `c${from + page.length}` : null },
        edges: page.map((node, k) => ({ cursor: `c${from + k + 1}`, node })) } } } }
    })
  }

  async function openHistory() {
    const page = loadPage('pages/wallet-history/index')
    page.instance.onLoad({})
    await flush()
    return page
  }

  test('entriesShowWhatMovedSignedWithTheirOrderOrReference', async () => {
    wx.__server.on('WalletHistory', () => ({ me: { id: '7', wallet: { history: { totalCount: 3,
      pageInfo: { hasNextPage: false, endCursor: 'c3' },
      edges: [
        { cursor: 'c1', node: entry(1, { kind: 'RECHARGE', amountCents: 55000, orderNo: null, reference: 'W123' }) },
        { cursor: 'c2', node: entry(2, { amountCents: -15000 }) },
        { cursor: 'c3', node: entry(3, { kind: 'BONUS_EXPIRY', amountCents: -500, orderNo: null }) }
      ] } } } }))
    const page = await openHistory()
    expect(texts(page, '.entry-label')).toEqual(['充值', '消费', '赠送金过期'])
    expect(texts(page, '.entry-amount')).toEqual(['+¥550', '-¥150', '-¥5'])
    expect(texts(page, '.entry-about')).toEqual(['W123', '订单 T2'])
    expect(text(page, '.entries-end')).toBe('没有更多了')
  })

  test('scrollingLoadsTheNextPage', async () => {
    historyServer(30)
    const page = await openHistory()
    page.instance.onReachBottom()
    await flush()
    expect(wx.__server.calls('WalletHistory')).toEqual([{ first: 20, after: null }, { first: 20, after: 'c20' }])
    expect(page.querySelectorAll('.entry')).toHaveLength(30)
  })

  test('anEmptyCardSaysHowToStart', async () => {
    historyServer(0)
    expect(text(await openHistory(), '.entries-empty')).toBe('还没有储值记录，充值后可在门店消费时使用')
  })

  test('theRechargesTabListsEachRechargeWithWhatIsLeft', async () => {
    historyServer(0)
    wx.__server.on('WalletRecharges', () => ({ me: { id: '7', wallet: { recharges: [
      { id: 'r1', packageId: 'k1', storeId: '3', channel: 'WECHAT_PAY', reference: 'W123', payCents: 50000, bonusCents: 5000,
        principalRemainingCents: 35000, bonusRemainingCents: 3500, bonusExpiresAt: '2027-11-23T02:15:00Z', status: 'ACTIVE',
        createdAt: '2026-11-23T02:15:00Z', refundedAt: null, refundedCents: null, forfeitedCents: null },
      { id: 'r0', packageId: 'k2', storeId: '3', channel: 'CASH', reference: 'C1', payCents: 20000, bonusCents: 0,
        principalRemainingCents: 0, bonusRemainingCents: 0, bonusExpiresAt: null, status: 'REFUNDED',
        createdAt: '2026-10-01T02:15:00Z', refundedAt: '2026-10-02T02:15:00Z', refundedCents: 12000, forfeitedCents: 0 }
    ] } } }))
    const page = await openHistory()
    tap(page, '.tab-recharges')
    await flush()
    expect(wx.__server.calls('WalletRecharges')).toEqual([{ first: 100 }])
    expect(texts(page, '.recharge-title')).toEqual(['充值¥500 送¥50', '充值¥200'])
    expect(texts(page, '.recharge-channel')).toEqual(['微信支付', '现金'])
    expect(texts(page, '.recharge-left')).toEqual(['剩余本金¥350 · 赠送金¥35', '剩余本金¥0 · 赠送金¥0'])
    expect(texts(page, '.recharge-expires')).toEqual(['赠送金2027-11-23到期'])
    expect(texts(page, '.recharge-status')).toEqual(['已退款 ¥120'])
  })

  test('noRechargesSaysSo', async () => {
    historyServer(0)
    wx.__server.on('WalletRecharges', () => ({ me: { id: '7', wallet: { recharges: [] } } }))
    const page = await openHistory()
    tap(page, '.tab-recharges')
    await flush()
    expect(text(page, '.recharges-empty')).toBe('还没有充值记录')
  })
})
