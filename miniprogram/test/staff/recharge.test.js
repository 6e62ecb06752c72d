/** Recharging a member's card at the till: a package, cash or card, the member's code as consent, once per receipt. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const handoff = require('../../src/staff/lib/handoff')
const { type, holdRequests, signIn, userError } = require('./helpers')
const f = require('./fixtures')

const PACKAGES = [
  { id: 'k1', name: '充500送50', payCents: 50000, bonusCents: 5000, bonusValidDays: 365, bonusPoints: 100 },
  { id: 'k2', name: '充200', payCents: 20000, bonusCents: 0, bonusValidDays: null, bonusPoints: 0 }
]

function recharged(vars, replayed = false) {
  return { rechargeAtTill: { replayed, userErrors: [], recharge: { id: 'r1', reference: vars.input.receiptNo,
    channel: vars.input.paidBy, payCents: 50000, bonusCents: 5000, createdAt: '2026-11-23T02:15:00Z',
    member: { id: 'm1', nickname: '小美', phone: '138****1234', wallet: { balanceCents: 85000 } } } } }
}

beforeEach(() => {
  handoff.clear()
  signIn('CLERK')
  wx.__server.on('StaffRechargePackages', () => ({ rechargePackages: PACKAGES }))
  wx.__server.on('StaffRechargeAtTill', vars => recharged(vars))
  wx.scanCode.mockImplementation(options => options.success({ result: 'code-9', scanType: 'QR_CODE' }))
})

async function open() {
  const page = loadPage('staff/recharge/index')
  page.instance.onLoad({})
  await flush()
  return page
}

const recharges = () => wx.__server.calls('StaffRechargeAtTill')

test('theStoresPackagesAreListedWithWhatComesWithThem', async () => {
  const page = await open()
  expect(wx.__server.calls('StaffRechargePackages')).toEqual([{ storeId: '1' }])
  expect(texts(page, '.package-name')).toEqual(['充500送50', '充200'])
  expect(texts(page, '.package-pay')).toEqual(['¥500', '¥200'])
  expect(texts(page, '.package-extras')).toEqual(['送¥50（365天内有效） · 送100积分'])
})

test('aRechargeScansTheMembersCodeAndIsSentOnceThenShowsWhoseCardAndTheNewBalance', async () => {
  const page = await open()
  const receiptNo = page.instance.data.receiptNo
  expect(receiptNo).toMatch(/^C\d{14}-\d{4}$/)
  page.querySelectorAll('.package')[0].dispatchEvent('tap')
  tap(page, '.paid-by-card')
  await flush()
  const inFlight = holdRequests()
  tap(page, '.submit-button')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.submit-button')).toBe('充值中…')
  inFlight.release()
  await flush()
  expect(wx.scanCode).toHaveBeenCalledTimes(1)
  expect(recharges()).toEqual([{ input: { memberCodeToken: 'code-9', packageId: 'k1', receiptNo, paidBy: 'CARD' } }])
  expect(text(page, '.done')).toBe('充值成功')
  expect(text(page, '.result-member')).toBe('小美 138****1234')
  expect(text(page, '.result-pay')).toBe('¥500')
  expect(text(page, '.result-bonus')).toBe('¥50')
  expect(text(page, '.result-balance')).toBe('¥850')
  expect(handoff.take('rechargedWallet')).toEqual({ id: 'm1', balanceCents: 85000 })
})

test('nothingIsSentWithoutAPackageOrWhenTheCameraIsCancelled', async () => {
  const page = await open()
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-package')).toBe('请选择充值套餐')
  expect(wx.scanCode).not.toHaveBeenCalled()
  page.querySelectorAll('.package')[1].dispatchEvent('tap')
  type(page, '.receipt-no', ' ')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-receipt')).toBe('请填写小票号')
  type(page, '.receipt-no', 'POS-88')
  wx.scanCode.mockImplementation(options => options.fail({ errMsg: 'scanCode:fail cancel' }))
  tap(page, '.submit-button')
  await flush()
  expect(recharges()).toEqual([])
  expect(text(page, '.submit-button')).toBe('扫码确认充值')
})

test('aRefusedCodeAsksTheMemberToRefreshIt', async () => {
  wx.__server.on('StaffRechargeAtTill', () => ({ rechargeAtTill: userError('memberCodeToken', 'CODE_USED', 'x',
    { replayed: false, recharge: null }) }))
  const page = await open()
  page.querySelectorAll('.package')[0].dispatchEvent('tap')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-submit')).toBe('会员码已被扫描过，请会员在会员卡页刷新会员码后重新出示')
  expect(text(page, '.done')).toBeNull()
})

test('aRepeatedReceiptSaysItWasNotRechargedTwice', async () => {
  wx.__server.on('StaffRechargeAtTill', vars => recharged(vars, true))
  const page = await open()
  page.querySelectorAll('.package')[0].dispatchEvent('tap')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.done')).toBe('该小票已充值过')
  expect(text(page, '.replayed')).toBe('该小票已处理过，未重复充值')
  tap(page, '.another-button')
  await flush()
  expect(page.instance.data.receiptNo).not.toBe(recharges()[0].input.receiptNo)
  expect(text(page, '.submit-button')).toBe('扫码确认充值')
})

test('noPackagesOrAFailedLoadSaySo', async () => {
  wx.__server.on('StaffRechargePackages', () => ({ rechargePackages: [] }))
  expect(text(await open(), '.packages-empty')).toBe('本店暂无充值套餐，请联系管理员设置')
  wx.__server.on('StaffRechargePackages', () => ({ errors: [{ message: 'boom', extensions: { classification: 'FORBIDDEN' } }] }))
  expect(text(await open(), '.packages-failed')).toBe('加载失败，点击重试')
})

test('theTillOpensRechargeForItsMemberAndShowsTheNewBalanceAfter', async () => {
  wx.__server.on('StaffCurrent', () => f.currentStaff('CLERK'))
  wx.__server.on('StaffScanMemberCode', () => f.scanned())
  wx.__server.on('StaffCouponsForOrder', () => ({ couponsForOrder: [] }))
  const till = loadPage('staff/till/index')
  await till.instance.onLoad({})
  await flush()
  tap(till, '.scan-button')
  await flush()
  tap(till, '.recharge-link')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/staff/recharge/index' })
  const page = await open()
  expect(text(page, '.for-member')).toBe('为 小美138****1234 充值当前储值余额 ¥300')
  page.querySelectorAll('.package')[0].dispatchEvent('tap')
  tap(page, '.submit-button')
  await flush()
  till.instance.onShow()
  await flush()
  expect(text(till, '.member-wallet')).toBe('¥850')
})
