/** Points-mall pickup at the till: the code is checked, the cash to collect shown, and the handover confirmed once. */
const { loadPage, flush, text, tap } = require('../support/page')
const { type, holdRequests, signIn, userError } = require('./helpers')

beforeEach(() => signIn('CLERK'))

function found(extra = {}) {
  return Object.assign({ id: 'r1', name: '保温杯', state: 'AWAITING_PICKUP', pointsPrice: 1200, cashCents: 990, pickupStoreName: '徐汇店',
    pickupBy: '2026-12-21T04:00:00Z', pickedUpAt: null, cashCollectedCents: null, createdAt: '2026-12-07T04:00:00Z' }, extra)
}

function open() {
  const page = loadPage('staff/pickup/index')
  page.instance.onLoad({})
  return page
}

test('aCodeIsLookedUpShowsTheCashToCollectAndIsHandedOverOnce', async () => {
  wx.__server.on('StaffMallPickup', () => ({ mallPickup: found() }))
  wx.__server.on('StaffCompleteMallPickup', () => ({ completeMallPickup: { redemption: found({ state: 'PICKED_UP', cashCollectedCents: 990 }), userErrors: [] } }))
  const page = open()
  type(page, '.code', '1234 5678 9012')
  tap(page, '.look-up')
  await flush()
  expect(wx.__server.calls('StaffMallPickup')[0].input).toEqual({ code: '123456789012' })
  expect(text(page, '.found-name')).toBe('保温杯')
  expect(text(page, '.found-quantity')).toBe('1 件')
  expect(text(page, '.found-cash')).toBe('¥9.90')
  const inFlight = holdRequests()
  tap(page, '.complete')
  tap(page, '.complete')
  inFlight.release()
  await flush()
  expect(wx.__server.calls('StaffCompleteMallPickup')).toHaveLength(1)
  expect(text(page, '.done')).toBe('提货完成')
  expect(text(page, '.found-state')).toBe('已提货')
  expect(text(page, '.complete')).toBeNull()
})

test('severalUnitsShowTheirCountAndTheCashForAllAndALotteryPrizeCostsNothing', async () => {
  wx.__server.on('StaffMallPickup', () => ({ mallPickup: found({ source: 'REDEEM', quantity: 3, pointsTotal: 3600, cashTotalCents: 2970 }) }))
  const page = open()
  type(page, '.code', '123456789012')
  tap(page, '.look-up')
  await flush()
  expect(text(page, '.found-quantity')).toBe('3 件')
  expect(text(page, '.found-points')).toBe('3,600积分')
  expect(text(page, '.found-cash')).toBe('¥29.70')

  wx.__server.on('StaffMallPickup', () => ({ mallPickup: found({ source: 'LOTTERY', quantity: 1, pointsPrice: 0, pointsTotal: 0, cashCents: 0,
    cashTotalCents: 0, pickupStoreName: null }) }))
  tap(page, '.look-up')
  await flush()
  expect(text(page, '.found-points')).toBe('抽奖奖品')
  expect(text(page, '.found-cash')).toBeNull()
})

test('aMalformedCodeIsRefusedBeforeAnyRequest', async () => {
  const page = open()
  type(page, '.code', '12ab')
  tap(page, '.look-up')
  await flush()
  expect(text(page, '.error-code')).toBe('提货码为 12 位数字')
  expect(wx.__server.calls('StaffMallPickup')).toHaveLength(0)
})

test('anUnknownCodeAndAnotherStoresCodeAreSaidPlainly', async () => {
  wx.__server.on('StaffMallPickup', () => ({ mallPickup: null }))
  const page = open()
  type(page, '.code', '123456789012')
  tap(page, '.look-up')
  await flush()
  expect(text(page, '.error-code')).toBe('提货码无效，请核对后重试')

  wx.__server.on('StaffMallPickup', () => ({ errors: [{ message: '这份兑换需在「静安店」提货',
    extensions: { classification: 'BAD_REQUEST', code: 'MALL_PICKUP_OTHER_STORE' } }] }))
  tap(page, '.look-up')
  await flush()
  expect(text(page, '.error-code')).toBe('这份兑换需在「静安店」提货')
  expect(text(page, '.found')).toBeNull()
})

test('aClosedRedemptionCannotBeHandedOver', async () => {
  wx.__server.on('StaffMallPickup', () => ({ mallPickup: found({ state: 'CANCELLED' }) }))
  const page = open()
  type(page, '.code', '123456789012')
  tap(page, '.look-up')
  await flush()
  expect(text(page, '.found-state')).toBe('已取消')
  expect(text(page, '.complete')).toBeNull()
})

test('aRefusedHandoverShowsWhy', async () => {
  wx.__server.on('StaffMallPickup', () => ({ mallPickup: found() }))
  wx.__server.on('StaffCompleteMallPickup', () => ({ completeMallPickup: userError('code', 'MALL_REDEMPTION_CLOSED', '这份兑换已处理，不能再操作', { redemption: null }) }))
  const page = open()
  type(page, '.code', '123456789012')
  tap(page, '.look-up')
  await flush()
  tap(page, '.complete')
  await flush()
  expect(text(page, '.error-code')).toBe('这份兑换已处理，不能再操作')
})
