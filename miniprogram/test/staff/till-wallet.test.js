/** Paying from the member's stored-value card at the till: only after a scan, within the balance and what is left to pay. */
const { loadPage, flush, text, tap } = require('../support/page')
const handoff = require('../../src/staff/lib/handoff')
const { type, blur, signIn, userError } = require('./helpers')
const f = require('./fixtures')

beforeEach(() => {
  handoff.clear()
  signIn('CLERK')
  wx.__server.on('StaffCurrent', () => f.currentStaff('CLERK'))
  wx.__server.on('StaffScanMemberCode', () => f.scanned())
  wx.__server.on('StaffCouponsForOrder', () => ({ couponsForOrder: [] }))
  wx.__server.on('StaffRecordPurchase', vars => f.recorded({ orderNo: vars.input.orderNo,
    walletPayment: { amountCents: vars.input.walletAmountCents } }))
  wx.scanCode.mockImplementation(options => options.success({ result: 'code-123', scanType: 'QR_CODE' }))
})

const purchases = () => wx.__server.calls('StaffRecordPurchase')

async function tillWithMember(scan = f.scanned()) {
  wx.__server.on('StaffScanMemberCode', () => scan)
  const page = loadPage('staff/till/index')
  await page.instance.onLoad({})
  await flush()
  tap(page, '.scan-button')
  await flush()
  return page
}

async function enterAmount(page, amount) {
  type(page, '.amount', amount)
  blur(page, '.amount')
  await flush()
}

test('theScannedCardShowsTheStoredValueBalanceAndTheWalletPaysPartOfTheOrder', async () => {
  const page = await tillWithMember()
  expect(text(page, '.member-wallet')).toBe('¥300')
  await enterAmount(page, '200')
  type(page, '.points', '500')
  type(page, '.wallet', '150')
  await flush()
  expect(text(page, '.sum-wallet')).toBe('-¥150')
  expect(text(page, '.pay')).toBe('¥45')
  tap(page, '.submit-button')
  await flush()
  expect(purchases()[0].input).toEqual(expect.objectContaining({ tillProof: 'proof-1', amountCents: 20000,
    pointsToRedeem: 500, walletAmountCents: 15000 }))
  expect(handoff.take('purchase').purchase.walletPayment).toEqual({ amountCents: 15000 })
})

test('allFromTheWalletFillsWhatIsLeftAsFarAsTheBalanceGoes', async () => {
  const page = await tillWithMember()
  await enterAmount(page, '500')
  tap(page, '.use-wallet')
  await flush()
  expect(page.instance.data.form.wallet).toBe('300')
  expect(text(page, '.pay')).toBe('¥200')
  await enterAmount(page, '120.5')
  tap(page, '.use-wallet')
  await flush()
  expect(page.instance.data.form.wallet).toBe('120.50')
  expect(text(page, '.pay')).toBe('¥0')
})

test('moreThanTheBalanceOrThanIsLeftToPayIsRefusedBeforeSending', async () => {
  const page = await tillWithMember()
  await enterAmount(page, '500')
  type(page, '.wallet', '300.01')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-wallet')).toBe('储值余额只有¥300')
  await enterAmount(page, '100')
  type(page, '.wallet', '200')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-wallet')).toBe('用券和积分后应付¥100，储值最多支付¥100')
  type(page, '.wallet', '1.234')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-wallet')).toBe('储值金额格式不对：请输入数字，最多两位小数')
  expect(purchases()).toEqual([])
})

test('aMemberWithAnEmptyCardGetsNoWalletField', async () => {
  const page = await tillWithMember(f.scanned({ wallet: { balanceCents: 0 } }))
  expect(text(page, '.member-wallet')).toBe('¥0')
  expect(page.querySelector('.wallet')).toBeFalsy()
  expect(text(page, '.wallet-empty')).toBe('储值余额 ¥0，可在「充值」为会员充值')
})

test('insufficientBalanceFromTheBackendIsShownInYuanAtTheWalletField', async () => {
  wx.__server.on('StaffRecordPurchase', () => ({ recordPurchase: userError('walletAmountCents', 'INSUFFICIENT_BALANCE',
    '储值余额不足：可用 5000 分，需要 8000 分', { replayed: false, purchase: null }) }))
  const page = await tillWithMember()
  await enterAmount(page, '100')
  type(page, '.wallet', '80')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-wallet')).toBe('储值余额不足：会员储值只剩¥50')
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '储值余额不足：会员储值只剩¥50' }))
  expect(wx.redirectTo).not.toHaveBeenCalled()
})

test('theResultShowsWhatTheWalletPaid', async () => {
  handoff.put('purchase', f.recorded({ walletPayment: { amountCents: 15000 } }).recordPurchase)
  const page = loadPage('staff/result/index')
  page.instance.onLoad({})
  expect(text(page, '.wallet-paid')).toBe('¥150')
})
