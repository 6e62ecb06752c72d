/** The till: scan a member, ring up a purchase, and record it once, refusing bad input before sending. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')
const handoff = require('../../src/staff/lib/handoff')
const { type, blur, holdRequests, signIn, userError } = require('./helpers')
const f = require('./fixtures')

beforeEach(() => {
  handoff.clear()
  signIn('STORE_MANAGER')
  wx.__server.on('StaffCurrent', () => f.currentStaff('STORE_MANAGER'))
  wx.__server.on('StaffScanMemberCode', () => f.scanned())
  wx.__server.on('StaffCouponsForOrder', () => ({ couponsForOrder: [] }))
  wx.__server.on('StaffRecordPurchase', vars => f.recorded({ orderNo: vars.input.orderNo }))
  wx.scanCode.mockImplementation(options => options.success({ result: 'code-123', scanType: 'QR_CODE' }))
})

async function openTill() {
  const page = loadPage('staff/till/index')
  await page.instance.onLoad({})
  await flush()
  return page
}

async function scanMember(page) {
  tap(page, '.scan-button')
  await flush()
}

async function enterAmount(page, amount) {
  type(page, '.amount', amount)
  blur(page, '.amount')
  await flush()
}

const purchases = () => wx.__server.calls('StaffRecordPurchase')

test('scanningTheMemberCodeShowsTheirCardForTheTill', async () => {
  const page = await openTill()
  await scanMember(page)
  expect(wx.scanCode).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] }))
  expect(wx.__server.calls('StaffScanMemberCode')).toEqual([{ input: { token: 'code-123' } }])
  expect(text(page, '.member-name')).toBe('小美')
  expect(text(page, '.member-phone')).toBe('138****1234')
  expect(text(page, '.member-tier')).toBe('金卡')
  expect(text(page, '.member-balance')).toBe('1,250')
  expect(texts(page, '.tag')).toEqual(['高价值', '复购'])
  expect(text(page, '.scan-button')).toBeNull()
  expect(wx.__server.requests.every(r => r.headers.Authorization === 'Bearer staff-a')).toBe(true)
})

test.each([
  ['CODE_EXPIRED', '会员码已过期，请会员在会员卡页刷新会员码后重新出示'],
  ['CODE_USED', '会员码已被扫描过，请会员在会员卡页刷新会员码后重新出示'],
  ['CODE_INVALID', '无法识别的会员码，请会员在会员卡页刷新会员码后重新出示']
])('a refused code (%s) tells the clerk to ask the member to refresh it', async (code, message) => {
  wx.__server.on('StaffScanMemberCode', () => f.scanRefused(code))
  const page = await openTill()
  await scanMember(page)
  expect(text(page, '.scan-error')).toBe(message)
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: message }))
  expect(text(page, '.member-name')).toBeNull()
})

test('theDigitsTypedFromTheMembersCardAreSentWithoutTheirSpaces', async () => {
  const page = await openTill()
  expect(text(page, '.field-label')).toBe('扫不了？输入条形码下的18位数字')
  type(page, '.manual-code', ' 8812 3456 7890 1234 52 ')
  tap(page, '.manual-button')
  await flush()
  expect(wx.__server.calls('StaffScanMemberCode')).toEqual([{ input: { token: '881234567890123452' } }])
  expect(text(page, '.member-name')).toBe('小美')
})

test('digitsOfTheWrongCountAreRefusedBeforeSending', async () => {
  const page = await openTill()
  type(page, '.manual-code', '8812 3456 7890 1234 5')
  tap(page, '.manual-button')
  await flush()
  expect(text(page, '.scan-error')).toBe('会员码数字应为18位，已输入17位，请核对')
  expect(wx.__server.calls('StaffScanMemberCode')).toEqual([])
  type(page, '.manual-code', ' ')
  tap(page, '.manual-button')
  await flush()
  expect(text(page, '.scan-error')).toBe('请输入会员码')
  expect(wx.__server.calls('StaffScanMemberCode')).toEqual([])
})

test('theCameraReadsTheBarcodeOfTheMembersCardToo', async () => {
  wx.scanCode.mockImplementation(options => options.success({ result: '881234567890123452', scanType: 'CODE_128' }))
  const page = await openTill()
  await scanMember(page)
  expect(wx.__server.calls('StaffScanMemberCode')).toEqual([{ input: { token: '881234567890123452' } }])
  expect(text(page, '.member-name')).toBe('小美')
})

test('cancellingTheCameraSendsNothing', async () => {
  wx.scanCode.mockImplementation(options => options.fail({ errMsg: 'scanCode:fail cancel' }))
  const page = await openTill()
  await scanMember(page)
  expect(wx.__server.calls('StaffScanMemberCode')).toEqual([])
  expect(text(page, '.scan-error')).toBeNull()
})

test('anOrderNumberIsProposedAndTheClerkCanOverwriteIt', async () => {
  const page = await openTill()
  await scanMember(page)
  expect(page.instance.data.form.orderNo).toMatch(/^T\d{14}-\d{4}$/)
  type(page, '.order-no', 'POS-889')
  await enterAmount(page, '88')
  tap(page, '.submit-button')
  await flush()
  expect(purchases()[0].input.orderNo).toBe('POS-889')
})

describe('the purchase form refuses bad input with a message and sends nothing', () => {
  test.each([
    ['', '.error-amount', '请输入订单金额'],
    ['12.345', '.error-amount', '金额格式不对：请输入数字，最多两位小数'],
    ['abc', '.error-amount', '金额格式不对：请输入数字，最多两位小数'],
    ['0', '.error-amount', '订单金额需大于 0']
  ])('amount "%s"', async (amount, selector, message) => {
    const page = await openTill()
    await scanMember(page)
    await enterAmount(page, amount)
    tap(page, '.submit-button')
    await flush()
    expect(text(page, selector)).toBe(message)
    expect(purchases()).toEqual([])
  })

  test('missingOrderNumber', async () => {
    const page = await openTill()
    await scanMember(page)
    await enterAmount(page, '100')
    type(page, '.order-no', '   ')
    tap(page, '.submit-button')
    await flush()
    expect(text(page, '.error-order-no')).toBe('请填写订单号')
    expect(purchases()).toEqual([])
  })

  test('itemsThatDoNotAddUpToTheAmount', async () => {
    const page = await openTill()
    await scanMember(page)
    await enterAmount(page, '100')
    tap(page, '.add-item')
  await flush()
    type(page, '.item-sku', 'SKU-1')
    type(page, '.item-name', '拿铁')
    type(page, '.item-quantity', '2')
    type(page, '.item-price', '30')
    tap(page, '.submit-button')
    await flush()
    expect(text(page, '.error-items')).toBe('商品合计¥60，与订单金额¥100不一致')
    expect(purchases()).toEqual([])
  })

  test('morePointsThanTheMemberHas', async () => {
    wx.__server.on('StaffScanMemberCode', () => f.scanned({ pointsBalance: 300 }))
    const page = await openTill()
    await scanMember(page)
    await enterAmount(page, '100')
    type(page, '.points', '301')
    tap(page, '.submit-button')
    await flush()
    expect(text(page, '.error-points')).toBe('会员只有 300 积分')
    expect(purchases()).toEqual([])
  })

  test('morePointsThanWhatIsLeftToPayAfterCoupons', async () => {
    wx.__server.on('StaffCouponsForOrder', () => ({ couponsForOrder: [f.coupon('c1', '满10减5', true, 500)] }))
    const page = await openTill()
    await scanMember(page)
    await enterAmount(page, '10')
    tap(page, '.coupon')
    await flush()
    type(page, '.points', '600')
    tap(page, '.submit-button')
    await flush()
    expect(text(page, '.error-points')).toBe('用券后应付¥5，最多抵扣 500 积分')
    expect(purchases()).toEqual([])
  })

  test('pointsThatAreNotAWholeNumber', async () => {
    const page = await openTill()
    await scanMember(page)
    await enterAmount(page, '100')
    type(page, '.points', '1.5')
    tap(page, '.submit-button')
    await flush()
    expect(text(page, '.error-points')).toBe('抵扣积分需为整数')
    expect(purchases()).toEqual([])
  })
})

test('couponsForTheOrderAreListedOnceTheAmountIsEnteredAndTickingOneLowersWhatTheyPay', async () => {
  wx.__server.on('StaffCouponsForOrder', () => ({ couponsForOrder: [
    f.coupon('c1', '满100减20', true, 2000),
    f.coupon('c2', '满300减60', false, 0, '未达到使用门槛¥300')
  ] }))
  const page = await openTill()
  await scanMember(page)
  expect(text(page, '.coupons-hint')).toBe('输入订单金额后显示会员的券')
  await enterAmount(page, '150')
  expect(wx.__server.calls('StaffCouponsForOrder')).toEqual([{ input: { memberId: 'm1', amountCents: 15000 } }])
  expect(texts(page, '.coupon-name')).toEqual(['☐ 满100减20', '☐ 满300减60'])
  expect(texts(page, '.coupon-discount')).toEqual(['可减¥20', '不可用'])
  expect(texts(page, '.coupon-reason')[1]).toBe('未达到使用门槛¥300')
  expect(text(page, '.pay')).toBe('¥150')
  tap(page, '.coupon')
  await flush()
  expect(texts(page, '.coupon-name')[0]).toBe('☑ 满100减20')
  expect(text(page, '.sum-discount')).toBe('-¥20')
  expect(text(page, '.pay')).toBe('¥130')
  expect(text(page, '.max-points')).toBe('1,250')
  page.querySelectorAll('.coupon')[1].dispatchEvent('tap')
  await flush()
  expect(texts(page, '.coupon-name')[1]).toBe('☐ 满300减60')
})

test('itemsAreSentToTheCouponCheckAndWithThePurchase', async () => {
  const page = await openTill()
  await scanMember(page)
  tap(page, '.add-item')
  await flush()
  type(page, '.item-sku', 'SKU-1')
  type(page, '.item-name', '拿铁')
  type(page, '.item-category', '咖啡')
  type(page, '.item-quantity', '2')
  type(page, '.item-price', '30.5')
  await enterAmount(page, '61')
  const item = { sku: 'SKU-1', name: '拿铁', category: '咖啡', quantity: 2, unitPriceCents: 3050 }
  expect(wx.__server.calls('StaffCouponsForOrder')).toEqual([{ input: { memberId: 'm1', amountCents: 6100, items: [item] } }])
  tap(page, '.submit-button')
  await flush()
  expect(purchases()[0].input.items).toEqual([item])
})

test('aDoubleTapRecordsThePurchaseOnceAndOpensTheResult', async () => {
  wx.__server.on('StaffCouponsForOrder', () => ({ couponsForOrder: [f.coupon('c1', '满100减20', true, 2000)] }))
  const page = await openTill()
  await scanMember(page)
  await enterAmount(page, '200')
  tap(page, '.coupon')
  await flush()
  type(page, '.points', '500')
  await flush()
  const orderNo = page.instance.data.form.orderNo
  expect(text(page, '.pay')).toBe('¥175')
  const inFlight = holdRequests()
  tap(page, '.submit-button')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.submit-button')).toBe('提交中…')
  expect(inFlight.count).toBe(1)
  inFlight.release()
  await flush()
  expect(purchases()).toEqual([{ input: { memberId: 'm1', tillProof: 'proof-1', orderNo, amountCents: 20000, pointsToRedeem: 500, couponIds: ['c1'] } }])
  expect(wx.redirectTo).toHaveBeenCalledTimes(1)
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/staff/result/index' })
  expect(handoff.take('purchase').purchase.orderNo).toBe(orderNo)
})

test('aLostConnectionResendsTheSameOrderSoItCountsOnce', async () => {
  let attempts = 0
  wx.__server.on('StaffRecordPurchase', vars => {
    attempts++
    if (attempts === 1) throw 'NETWORK'
    return f.recorded({ orderNo: vars.input.orderNo })
  })
  const page = await openTill()
  await scanMember(page)
  await enterAmount(page, '50')
  jest.useFakeTimers()
  tap(page, '.submit-button')
  await jest.advanceTimersByTimeAsync(1000)
  jest.useRealTimers()
  await flush()
  expect(purchases()).toHaveLength(2)
  expect(purchases()[1]).toEqual(purchases()[0])
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/staff/result/index' })
})

test('aRefusedTillProofAsksForANewScanAndKeepsTheOrder', async () => {
  wx.__server.on('StaffRecordPurchase', () => ({ recordPurchase: userError('tillProof', 'MEMBER_PROOF_INVALID',
    '扫码凭证无效或已过期（10 分钟内、同一门店同一店员有效），请重新扫描会员码', { replayed: false, purchase: null }) }))
  const page = await openTill()
  await scanMember(page)
  await enterAmount(page, '50')
  type(page, '.points', '100')
  const orderNo = page.instance.data.form.orderNo
  tap(page, '.submit-button')
  await flush()
  expect(purchases()[0].input.tillProof).toBe('proof-1')
  expect(text(page, '.member-name')).toBeNull()
  expect(text(page, '.scan-error')).toBe('扫码凭证无效或已过期（10 分钟内、同一门店同一店员有效），请重新扫描会员码')
  expect(page.instance.data.form).toEqual(expect.objectContaining({ amount: '50', orderNo, points: '' }))
  // the new scan brings a new proof; the same order goes out again
  wx.__server.on('StaffScanMemberCode', () => ({ scanMemberCode: Object.assign(f.scanned().scanMemberCode,
    { tillProof: { token: 'proof-2', expiresAt: '2026-11-23T02:35:00Z' } }) }))
  wx.__server.on('StaffRecordPurchase', vars => f.recorded({ orderNo: vars.input.orderNo }))
  await scanMember(page)
  tap(page, '.submit-button')
  await flush()
  expect(purchases()[1].input).toEqual({ memberId: 'm1', tillProof: 'proof-2', orderNo, amountCents: 5000, pointsToRedeem: 0 })
})

test('aRefusalAboutOneFieldIsShownAtThatField', async () => {
  wx.__server.on('StaffRecordPurchase', () => ({ recordPurchase: userError('pointsToRedeem', 'INSUFFICIENT_POINTS', '会员可用积分不足', { replayed: false, purchase: null }) }))
  const page = await openTill()
  await scanMember(page)
  await enterAmount(page, '50')
  type(page, '.points', '100')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-points')).toBe('会员可用积分不足')
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '会员可用积分不足' }))
  expect(text(page, '.submit-button')).toBe('确认收款并记录')
  expect(wx.redirectTo).not.toHaveBeenCalled()
})

test('managersSeeAdjustAndManagerLinksClerksDoNot', async () => {
  const manager = await openTill()
  await scanMember(manager)
  expect(text(manager, '.adjust-link')).toBe('调整积分')
  expect(text(manager, '.manager-link')).toBe('店长看板')
  tap(manager, '.adjust-link')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/staff/adjust/index' })
  expect(handoff.take('adjustMember').id).toBe('m1')

  signIn('CLERK')
  wx.__server.on('StaffCurrent', () => f.currentStaff('CLERK'))
  const clerk = await openTill()
  await scanMember(clerk)
  expect(text(clerk, '.staff-name')).toBe('小李 · 店员')
  expect(text(clerk, '.adjust-link')).toBeNull()
  expect(text(clerk, '.manager-link')).toBeNull()
  expect(text(clerk, '.refund-link')).toBe('退款')
})

test('logoutEndsTheStaffSignInAndReturnsToLogin', async () => {
  wx.__server.on('Logout', () => ({ logout: { revoked: true, userErrors: [] } }))
  const page = await openTill()
  tap(page, '.logout')
  await flush()
  expect(wx.__server.calls('Logout')).toEqual([{ input: { refreshToken: 'staff-r' } }])
  expect(session.get('staff')).toBeNull()
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/staff/login/index' })
})

test('withoutAStaffSignInTheTillSendsToLogin', async () => {
  session.clear('staff')
  const page = loadPage('staff/till/index')
  page.instance.onLoad({})
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/staff/login/index' })
  expect(wx.__server.requests).toEqual([])
})

test('aNewScanAfterAnAdjustmentShowsTheNewBalanceWhenBack', async () => {
  const page = await openTill()
  await scanMember(page)
  handoff.put('adjustedBalance', { id: 'm1', balance: 1500 })
  page.instance.onShow()
  expect(text(page, '.member-balance')).toBe('1,500')
})

test('anAdminMustPickAStoreAndItIsSentWithTheCouponsAndThePurchase', async () => {
  signIn('ADMIN')
  wx.__server.on('StaffCurrent', () => f.currentStaff('ADMIN'))
  wx.__server.on('StaffStores', () => ({
    stores: { edges: [{ node: { id: '1', name: '徐汇店' } }, { node: { id: '2', name: '静安店' } }] }
  }))
  const page = await openTill()
  await scanMember(page)
  await enterAmount(page, '20')
  expect(wx.__server.calls('StaffCouponsForOrder')).toEqual([])
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-store')).toBe('请先选择门店')
  expect(purchases()).toEqual([])
  page.querySelector('#store-picker').querySelector('.store-choose').dispatchEvent('change', { detail: { value: 0 } })
  await flush()
  expect(wx.__server.calls('StaffCouponsForOrder')).toEqual([{ input: { memberId: 'm1', amountCents: 2000, storeId: '1' } }])
  tap(page, '.submit-button')
  await flush()
  expect(purchases()[0].input.storeId).toBe('1')
  expect(wx.getStorageSync('loyalty.staff.storeId')).toBe('1')
})
