/** Refunds: by order number with a generated refund number, sent once, with points and coupons explained. */
const { loadPage, flush, text, tap } = require('../support/page')
const { type, holdRequests, signIn, userError } = require('./helpers')

beforeEach(() => signIn('CLERK'))
afterEach(() => jest.restoreAllMocks())

function refunded(vars, replayed = false) {
  return {
    refundPurchase: {
      replayed,
      refund: { refundNo: vars.input.refundNo, amountCents: vars.input.amountCents, pointsReversed: 88, pointsReturned: 200,
        couponsReturned: 1, couponsKept: 0, cashToReturnCents: vars.input.amountCents - 500, createdAt: '2026-11-23T03:00:00Z' },
      purchase: { id: 'p1', orderNo: vars.input.orderNo, amountCents: 20000, refundedCents: vars.input.amountCents, paidCents: 17500,
        member: { id: 'm1', nickname: '小美', phone: '138****1234', pointsBalance: 872 } },
      userErrors: []
    }
  }
}

function refused(field, code, message) {
  return { refundPurchase: userError(field, code, message, { replayed: false, refund: null, purchase: null }) }
}

async function fill(page, orderNo, amount) {
  type(page, '.order-no', orderNo)
  type(page, '.amount', amount)
  await flush()
}

function open() {
  const page = loadPage('staff/refund/index')
  page.instance.onLoad({})
  return page
}

const refunds = () => wx.__server.calls('StaffRefundPurchase')

test('aRefundIsSentOnceWithTheGeneratedRefundNumberAndShowsPointsAndCoupons', async () => {
  wx.__server.on('StaffRefundPurchase', vars => refunded(vars))
  const page = open()
  const refundNo = page.instance.data.form.refundNo
  expect(refundNo).toMatch(/^R\d{14}-\d{4}$/)
  await fill(page, 'T20261123101530-0427', '200')
  const inFlight = holdRequests()
  tap(page, '.submit-button')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.submit-button')).toBe('退款中…')
  inFlight.release()
  await flush()
  expect(refunds()).toEqual([{ input: { orderNo: 'T20261123101530-0427', refundNo, amountCents: 20000 } }])
  expect(text(page, '.done')).toBe('退款完成')
  expect(text(page, '.refund-amount')).toBe('¥200')
  expect(text(page, '.cash-to-return')).toBe('¥195')
  expect(text(page, '.points-reversed')).toBe('88')
  expect(text(page, '.points-returned')).toBe('200')
  expect(text(page, '.coupons-returned')).toBe('1 张')
  expect(text(page, '.coupons-kept')).toBe('0 张')
  expect(text(page, '.refunded-total')).toBe('¥200 / ¥200')
  expect(text(page, '.balance')).toBe('872')
})

test('theClerkMayTypeTheirOwnRefundNumber', async () => {
  wx.__server.on('StaffRefundPurchase', vars => refunded(vars))
  const page = open()
  await fill(page, 'T1', '10')
  type(page, '.refund-no', 'POS-R-77')
  tap(page, '.submit-button')
  await flush()
  expect(refunds()[0].input.refundNo).toBe('POS-R-77')
})

test('aRepeatedRefundNumberSaysNothingWasRefundedTwice', async () => {
  wx.__server.on('StaffRefundPurchase', vars => refunded(vars, true))
  const page = open()
  await fill(page, 'T1', '10')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.replayed')).toBe('该退款单已处理过，未重复退款')
})

test('anUnknownOrderSaysSoAtTheOrderNumber', async () => {
  wx.__server.on('StaffRefundPurchase', () => refused('orderNo', 'ORDER_NOT_FOUND', '本店没有这个订单'))
  const page = open()
  await fill(page, 'NOPE', '10')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-order-no')).toBe('本店没有这个订单，请核对订单号')
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '本店没有这个订单，请核对订单号' }))
  expect(text(page, '.refund-result')).toBeNull()
})

test('tooLargeARefundSaysHowMuchIsLeft', async () => {
  wx.__server.on('StaffRefundPurchase', () => refused('amountCents', 'REFUND_EXCEEDS_ORDER', '退款金额超过订单可退金额（剩余 5050 分）'))
  const page = open()
  await fill(page, 'T1', '80')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-amount')).toBe('退款金额超过订单剩余可退金额¥50.50')
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '退款金额超过订单剩余可退金额¥50.50' }))
})

test('badInputIsRefusedBeforeSending', async () => {
  const page = open()
  type(page, '.refund-no', '')
  await fill(page, '', '1.234')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-order-no')).toBe('请填写要退款的订单号')
  expect(text(page, '.error-refund-no')).toBe('请填写退款单号')
  expect(text(page, '.error-amount')).toBe('金额格式不对：请输入数字，最多两位小数')
  expect(refunds()).toEqual([])
})

test('anotherRefundStartsWithANewRefundNumber', async () => {
  wx.__server.on('StaffRefundPurchase', vars => refunded(vars))
  jest.spyOn(Math, 'random').mockReturnValueOnce(0.1111).mockReturnValueOnce(0.2222)
  const page = open()
  expect(page.instance.data.form.refundNo).toMatch(/-1111$/)
  await fill(page, 'T1', '10')
  tap(page, '.submit-button')
  await flush()
  tap(page, '.another-button')
  await flush()
  expect(text(page, '.refund-result')).toBeNull()
  expect(page.instance.data.form.orderNo).toBe('')
  expect(page.instance.data.form.refundNo).toMatch(/^R\d{14}-2222$/)
})
