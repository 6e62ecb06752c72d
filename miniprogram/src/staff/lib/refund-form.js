/** The refund form: checks before sending, the clerk's messages for refusals, and the result view. */
const format = require('../../lib/format')
const { parseAmount } = require('./till-form')

const MAX_NO = 64

/** Returns { errors } keyed by orderNo, refundNo, amount (empty when fine) and the RefundPurchaseInput. */
function validate(form) {
  const errors = {}
  const orderNo = String(form.orderNo || '').trim()
  const refundNo = String(form.refundNo || '').trim()
  if (!orderNo) errors.orderNo = '请填写要退款的订单号'
  else if (orderNo.length > MAX_NO) errors.orderNo = `订单号最多 ${MAX_NO} 个字符`
  if (!refundNo) errors.refundNo = '请填写退款单号'
  else if (refundNo.length > MAX_NO) errors.refundNo = `退款单号最多 ${MAX_NO} 个字符`
  const amount = parseAmount(form.amount)
  if (amount.error) errors.amount = amount.error.replace('订单金额', '退款金额')
  if (Object.keys(errors).length) return { errors, input: null }
  return { errors, input: { orderNo, refundNo, amountCents: amount.cents } }
}

/** The message for a refused refund, or null to show the backend's own. */
function refusal(error) {
  if (!error) return null
  if (error.code === 'ORDER_NOT_FOUND') return '本店没有这个订单，请核对订单号'
  if (error.code === 'REFUND_EXCEEDS_ORDER') {
    const left = /剩余\s*(\d+)\s*分/.exec(error.message || '')
    return left ? `退款金额超过订单剩余可退金额${format.yuan(Number(left[1]))}` : '退款金额超过订单剩余可退金额'
  }
  return null
}

/** RefundPurchasePayload → view data. */
function refundView(payload) {
  const r = payload.refund
  const p = payload.purchase || {}
  const member = p.member || {}
  return {
    refundNo: r.refundNo,
    orderNo: p.orderNo || '',
    amount: format.yuan(r.amountCents),
    pointsReversed: format.points(r.pointsReversed),
    pointsReturned: format.points(r.pointsReturned),
    cashToReturn: r.cashToReturnCents === null || r.cashToReturnCents === undefined ? '' : format.yuan(r.cashToReturnCents),
    couponsReturned: r.couponsReturned,
    couponsKept: r.couponsKept,
    refundedTotal: p.amountCents === undefined ? '' : `${format.yuan(p.refundedCents)} / ${format.yuan(p.amountCents)}`,
    memberName: p.member === null ? '非会员顾客' : (member.nickname || '会员'),
    balance: member.pointsBalance === undefined ? '' : format.points(member.pointsBalance),
    replayed: !!payload.replayed
  }
}

module.exports = { validate, refusal, refundView }
