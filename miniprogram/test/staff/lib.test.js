/** The staff pages' pure modules, tested directly. */
const tillForm = require('../../src/staff/lib/till-form')
const { earnLines, resultView } = require('../../src/staff/lib/purchase-result')
const refundForm = require('../../src/staff/lib/refund-form')
const adjustForm = require('../../src/staff/lib/adjust-form')
const managerView = require('../../src/staff/lib/manager-view')
const roles = require('../../src/staff/lib/roles')
const handoff = require('../../src/staff/lib/handoff')
const numbers = require('../../src/staff/lib/numbers')
const { cardView, scanErrorMessage } = require('../../src/staff/lib/member-card')
const { formField } = require('../../src/staff/lib/fields')
const f = require('./fixtures')

const rows = tillForm.couponRows([
  f.coupon('a', '满100减20', true, 2000, null, false),
  f.coupon('b', '9折', true, 1500, null, true),
  f.coupon('c', '满50减5', true, 500, null, true),
  f.coupon('d', '满300减60', false, 0, '未达门槛')
])

function form(changes) {
  return Object.assign({ amount: '100', orderNo: 'T1', items: [], points: '', couponIds: [] }, changes)
}

function ctx(changes) {
  const base = { memberId: 'm1', tillProof: 'proof-1', balance: 5000, coupons: rows, pointsPerYuanRedeemed: 100 }
  const merged = Object.assign(base, changes)
  if (merged.couponsKey === undefined) merged.couponsKey = (tillForm.couponsQuery(form(changes && changes.form), 'm1') || {}).key
  return merged
}

describe('till form', () => {
  test('aValidFormBecomesTheRecordPurchaseInput', () => {
    const { errors, input } = tillForm.validate(form({ amount: '¥88.8', points: '300' }), ctx())
    expect(errors).toEqual({})
    expect(input).toEqual({ memberId: 'm1', tillProof: 'proof-1', orderNo: 'T1', amountCents: 8880, pointsToRedeem: 300 })
  })

  test('spendingPointsOrCouponsNeedsTheScansProof', () => {
    const noProof = ctx({ tillProof: '' })
    expect(tillForm.validate(form({ points: '300' }), noProof).errors.member).toBe('用积分、优惠券或储值需会员在场，请重新扫描会员码')
    const withCoupon = form({ couponIds: ['a'] })
    expect(tillForm.validate(withCoupon, ctx({ tillProof: '', form: withCoupon })).errors.member)
      .toBe('用积分、优惠券或储值需会员在场，请重新扫描会员码')
    // earning only: the member id is enough
    expect(tillForm.validate(form(), noProof).input).toEqual({ memberId: 'm1', orderNo: 'T1', amountCents: 10000, pointsToRedeem: 0 })
  })

  test.each([
    ['', '请输入订单金额'], ['1.234', '金额格式不对：请输入数字，最多两位小数'], ['-5', '金额格式不对：请输入数字，最多两位小数'],
    ['0.00', '订单金额需大于 0'], ['1e3', '金额格式不对：请输入数字，最多两位小数']
  ])('amount %p is refused: %s', (amount, message) => {
    expect(tillForm.validate(form({ amount }), ctx()).errors.amount).toBe(message)
  })

  test('orderNumberIsRequiredAndAtMost64Characters', () => {
    expect(tillForm.validate(form({ orderNo: ' ' }), ctx()).errors.orderNo).toBe('请填写订单号')
    expect(tillForm.validate(form({ orderNo: 'x'.repeat(65) }), ctx()).errors.orderNo).toBe('订单号最多 64 个字符')
  })

  test('noMemberNoPurchase', () => {
    expect(tillForm.validate(form(), ctx({ memberId: null })).errors.member).toBe('请先扫描会员码')
  })

  test('itemsMustBeCompleteAndAddUpToTheAmount', () => {
    const item = { sku: 'S', name: '拿铁', category: '', quantity: '2', unitPrice: '50' }
    expect(tillForm.validate(form({ items: [item] }), ctx()).input.items).toEqual([{ sku: 'S', name: '拿铁', quantity: 2, unitPriceCents: 5000 }])
    expect(tillForm.validate(form({ items: [item, tillForm.emptyItem()] }), ctx()).errors).toEqual({})
    expect(tillForm.validate(form({ items: [Object.assign({}, item, { quantity: '3' })] }), ctx()).errors.items)
      .toBe('商品合计¥150，与订单金额¥100不一致')
    expect(tillForm.validate(form({ items: [Object.assign({}, item, { sku: '' })] }), ctx()).errors.items).toBe('第1件商品缺少 SKU')
    expect(tillForm.validate(form({ items: [Object.assign({}, item, { name: '' })] }), ctx()).errors.items).toBe('第1件商品缺少名称')
    expect(tillForm.validate(form({ items: [Object.assign({}, item, { quantity: '0' })] }), ctx()).errors.items).toBe('第1件商品数量需为正整数')
    expect(tillForm.validate(form({ items: [Object.assign({}, item, { unitPrice: '1.999' })] }), ctx()).errors.items)
      .toBe('第1件商品单价格式不对：最多两位小数')
  })

  test('pointsAreAWholeNumberWithinTheBalanceAndWhatIsLeftAfterCoupons', () => {
    expect(tillForm.validate(form({ points: '2.5' }), ctx()).errors.points).toBe('抵扣积分需为整数')
    expect(tillForm.validate(form({ points: '5001' }), ctx()).errors.points).toBe('会员只有 5,000 积分')
    expect(tillForm.validate(form({ points: '1' }), ctx({ balance: -20 })).errors.points).toBe('会员当前没有可用积分')
    const withCoupon = form({ couponIds: ['a'], points: '8001' })
    expect(tillForm.validate(withCoupon, ctx({ balance: 9000, form: withCoupon })).errors.points).toBe('用券后应付¥80，最多抵扣 8,000 积分')
    const exact = form({ couponIds: ['a'], points: '8000' })
    expect(tillForm.validate(exact, ctx({ balance: 9000, form: exact })).input).toEqual(
      { memberId: 'm1', tillProof: 'proof-1', orderNo: 'T1', amountCents: 10000, pointsToRedeem: 8000, couponIds: ['a'] })
  })

  test('couponsTickedForAnEarlierAmountMustBeChosenAgain', () => {
    const changed = form({ amount: '120', couponIds: ['a'] })
    expect(tillForm.validate(changed, ctx({ couponsKey: tillForm.couponsQuery(form(), 'm1').key })).errors.coupons)
      .toBe('订单已修改，请重新选择优惠券')
  })

  test('summaryShowsWhatTheMemberPaysAndTheMostPointsTheyMayUse', () => {
    const s = tillForm.summary(form({ couponIds: ['a'], points: '1000' }), { balance: 5000, coupons: rows, pointsPerYuanRedeemed: 100 })
    expect([s.amountText, s.discountText, s.redeemedText, s.payText, s.maxPointsText]).toEqual(['¥100', '¥20', '¥10', '¥70', '5,000'])
    expect(tillForm.summary(form({ amount: '30' }), { balance: 5000, coupons: rows, pointsPerYuanRedeemed: 100 }).maxPoints).toBe(3000)
    expect(tillForm.summary(form({ amount: 'x' }), { balance: 5000, coupons: rows, pointsPerYuanRedeemed: 100 }).payText).toBe('¥0')
    expect(tillForm.summary(form(), { balance: -10, coupons: [], pointsPerYuanRedeemed: 100 }).maxPoints).toBe(0)
  })

  test('pointsPayAtTheRateOfTheRulesInForceAndNotBeforeItIsKnown', () => {
    const dear = tillForm.summary(form({ points: '1000' }), { balance: 5000, coupons: rows, pointsPerYuanRedeemed: 200 })
    expect([dear.redeemedText, dear.maxPointsText, dear.rateText]).toEqual(['¥5', '5,000', '200积分抵1元'])
    const unknown = tillForm.summary(form(), { balance: 5000, coupons: rows })
    expect([unknown.maxPoints, unknown.rateText]).toEqual([0, '积分规则加载中'])
    expect(tillForm.validate(form({ points: '100' }), ctx({ pointsPerYuanRedeemed: null })).errors.points)
      .toBe('积分规则加载中，请稍后再用积分')
  })

  test('couponRowsSayWhatApplyAndWhyNot', () => {
    expect(rows.map(r => [r.name, r.discountText, r.reason])).toEqual([
      ['满100减20', '可减¥20', ''], ['9折', '可减¥15', ''], ['满50减5', '可减¥5', ''], ['满300减60', '不可用', '未达门槛']
    ])
  })

  test('aCouponThatDoesNotStackStandsAloneAndOnesThatDoNotApplyCannotBeTicked', () => {
    expect(tillForm.toggleCoupon(rows, [], 'd')).toEqual([])
    expect(tillForm.toggleCoupon(rows, ['b', 'c'], 'a')).toEqual(['a'])
    expect(tillForm.toggleCoupon(rows, ['a'], 'b')).toEqual(['b'])
    expect(tillForm.toggleCoupon(rows, ['b'], 'c')).toEqual(['b', 'c'])
    expect(tillForm.toggleCoupon(rows, ['b', 'c'], 'b')).toEqual(['c'])
    expect(tillForm.keepApplicable(rows, ['a', 'd', 'gone'])).toEqual(['a'])
  })

  test('theCouponQueryWaitsForAValidAmountAndItems', () => {
    expect(tillForm.couponsQuery(form({ amount: '' }), 'm1')).toBeNull()
    expect(tillForm.couponsQuery(form({ items: [{ sku: '', name: 'x', quantity: '1', unitPrice: '1' }] }), 'm1')).toBeNull()
    expect(tillForm.couponsQuery(form(), 'm1').input).toEqual({ memberId: 'm1', amountCents: 10000 })
  })
})

describe('purchase result', () => {
  test('eachEarningRuleReadsInChineseWithItsFactor', () => {
    expect(earnLines([
      { rule: 'BASE', factor: 1, points: 100 }, { rule: 'TIER', factor: 1.5, points: 50 },
      { rule: 'MEMBER_DAY', factor: 2, points: 150 }, { rule: 'BIRTHDAY', factor: 2, points: 300 },
      { rule: 'CAMPAIGN', factor: 1.1, points: 60 }
    ]).map(l => `${l.label} ${l.points}`)).toEqual(['基础积分 +100', '等级加成 ×1.5 +50', '会员日 ×2 +150', '生日 ×2 +300', '活动 ×1.1 +60'])
  })

  test('moneyIsInYuan', () => {
    const v = resultView(f.recorded().recordPurchase)
    expect([v.amount, v.couponDiscount, v.pointsRedeemed, v.redeemedValue, v.paid, v.pointsEarned, v.time])
      .toEqual(['¥200', '¥20', '500', '¥5', '¥175', '+210', '11月23日 10:15'])
  })
})

describe('refund form', () => {
  test('checksAndBuildsTheInput', () => {
    expect(refundForm.validate({ orderNo: ' T1 ', refundNo: 'R1', amount: '12.5' }))
      .toEqual({ errors: {}, input: { orderNo: 'T1', refundNo: 'R1', amountCents: 1250 } })
    expect(refundForm.validate({ orderNo: 'T1', refundNo: 'R1', amount: '0' }).errors.amount).toBe('退款金额需大于 0')
  })

  test('refusalsReadForTheClerk', () => {
    expect(refundForm.refusal({ code: 'ORDER_NOT_FOUND' })).toBe('本店没有这个订单，请核对订单号')
    expect(refundForm.refusal({ code: 'REFUND_EXCEEDS_ORDER', message: '剩余 100 分' })).toBe('退款金额超过订单剩余可退金额¥1')
    expect(refundForm.refusal({ code: 'REFUND_EXCEEDS_ORDER', message: 'other' })).toBe('退款金额超过订单剩余可退金额')
    expect(refundForm.refusal({ code: 'NETWORK' })).toBeNull()
  })

  test('aGuestOrderReadsAsNonMemberWithNoBalance', () => {
    const v = refundForm.refundView({
      refund: { refundNo: 'R1', amountCents: 500, pointsReversed: 0, pointsReturned: 0, couponsReturned: 0, couponsKept: 0,
        cashToReturnCents: 500 },
      purchase: { orderNo: 'G1', amountCents: 1000, refundedCents: 500, member: null },
      replayed: false
    })
    expect([v.memberName, v.balance, v.refundedTotal, v.cashToReturn]).toEqual(['非会员顾客', '', '¥5 / ¥10', '¥5'])
  })
})

describe('adjust form', () => {
  test('signAndPointsMakeTheDelta', () => {
    expect(adjustForm.validate({ sign: '+', points: '30', reason: ' 补发 ' }, 0)).toEqual({ errors: {}, delta: 30, reason: '补发' })
    expect(adjustForm.validate({ sign: '-', points: '30', reason: 'x' }, 30).delta).toBe(-30)
    expect(adjustForm.validate({ sign: '-', points: '31', reason: 'x' }, 30).errors.points).toBe('会员只有 30 积分，不能扣减 31')
    expect(adjustForm.validate({ sign: '+', points: '5', reason: 'x'.repeat(201) }, 0).errors.reason).toBe('调整原因最多 200 字')
  })
})

describe('manager view', () => {
  test.each([[0, '0%'], [0.5, '50%'], [0.375, '37.5%'], [0.33333, '33.3%'], [1, '100%']])('rate %p reads %p', (rate, text) => {
    expect(managerView.percent(rate)).toBe(text)
  })

  test('pagesAppendWithoutRepeatingTasks', () => {
    const node = id => ({ node: { id, reason: 'r', status: 'OPEN', dueOn: '2026-11-23', member: { nickname: null, phone: null } } })
    const first = managerView.appendTasks([], { edges: [node('1'), node('2')] })
    const both = managerView.appendTasks(first, { edges: [node('2'), node('3')] })
    expect(both.map(t => t.id)).toEqual(['1', '2', '3'])
    expect(both[0].nickname).toBe('未设置昵称')
    expect(both[0].phone).toBe('未绑定手机')
  })
})

describe('small helpers', () => {
  test('rolesDecideWhatStaffSee', () => {
    expect(['CLERK', 'STORE_MANAGER', 'ADMIN'].map(roles.canAdjustPoints)).toEqual([false, true, true])
    expect(['CLERK', 'STORE_MANAGER', 'ADMIN'].map(roles.canSeeManager)).toEqual([false, true, true])
    expect(['CLERK', 'STORE_MANAGER', 'ADMIN'].map(roles.roleName)).toEqual(['店员', '店长', '管理员'])
  })

  test('handoffIsReadOnce', () => {
    handoff.put('x', 1)
    expect(handoff.take('x')).toBe(1)
    expect(handoff.take('x')).toBeNull()
  })

  test('orderNumbersCarryChinaTime', () => {
    expect(numbers.orderNo(Date.parse('2026-11-23T16:30:05Z'), () => 0.0427)).toBe('T20261124003005-0427')
    expect(numbers.refundNo(Date.parse('2026-11-23T02:00:00Z'), () => 0.9999)).toBe('R20261123100000-9999')
  })

  test('theCardFallsBackForMissingNicknameAndPhone', () => {
    const v = cardView({ member: { id: 'm', nickname: null, phone: null, tier: { name: '普通' }, pointsBalance: 0 }, tags: [] })
    expect([v.nickname, v.phone, v.tierName, v.balanceText]).toEqual(['未设置昵称', '未绑定手机', '普通', '0'])
    expect(scanErrorMessage({ code: 'SERVER' })).toBeNull()
  })

  test('errorsFindTheirFormField', () => {
    expect(formField({ field: ['input', 'pointsToRedeem'] }, { pointsToRedeem: 'points' })).toBe('points')
    expect(formField({ field: [] }, { pointsToRedeem: 'points' })).toBeNull()
  })
})
