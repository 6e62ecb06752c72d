/**
 * Orders as the pages show them (the staff's order list and detail, the member's order history):
 * money in yuan, China time, the earning rules, lines, refunds and coupons.
 */
const format = require('./format')

const RULE_NAMES = {
  BASE: '基础积分',
  SKU: '指定商品',
  CATEGORY: '指定品类',
  TIER: '等级加成',
  MEMBER_DAY: '会员日',
  BIRTHDAY: '生日',
  CAMPAIGN: '活动'
}

/** 1.2 → "1.2", 2 → "2", 1.25 → "1.25". */
function factorText(factor) {
  return String(Math.round(Number(factor) * 100) / 100)
}

/** One line per earning rule: "等级加成 ×1.2" and "+24". */
function earnLines(breakdown) {
  return (breakdown || []).map(line => ({
    rule: line.rule,
    label: (RULE_NAMES[line.rule] || line.rule) + (line.rule === 'BASE' ? '' : ` ×${factorText(line.factor)}`),
    points: format.points(line.points, true)
  }))
}

/** "已退款", "部分退款 ¥50" or "" by what was refunded of the order. */
function refundState(order) {
  if (!order.refundedCents) return ''
  if (order.refundedCents >= order.amountCents) return '已退款'
  return `部分退款 ${format.yuan(order.refundedCents)}`
}

/** The member as staff see them: "小美 138****1234", or 非会员顾客 for a guest order. */
function buyer(order) {
  if (!order.member) return '非会员顾客'
  return [order.member.nickname || '未设置昵称', order.member.phone || '未绑定手机'].join(' ')
}

/** A row of an order list. */
function rowView(order) {
  return {
    id: order.id,
    orderNo: order.orderNo,
    time: format.dateTime(order.occurredAt),
    amount: format.yuan(order.amountCents),
    paid: format.yuan(order.paidCents),
    buyer: buyer(order),
    pointsEarned: order.pointsEarned ? format.points(order.pointsEarned, true) + ' 积分' : '',
    refundState: refundState(order)
  }
}

/** An order with its lines, refunds, coupons, points and stored-value payment. */
function detailView(order) {
  const wallet = order.walletPayment
  return Object.assign(rowView(order), {
    memberOrder: !!order.member,
    couponDiscount: order.couponDiscountCents ? format.yuan(order.couponDiscountCents) : '',
    tierDiscount: order.tierDiscountCents ? format.yuan(order.tierDiscountCents) : '',
    pointsRedeemed: order.pointsRedeemed ? `${format.points(order.pointsRedeemed)} 积分 = ${format.yuan(order.redeemedCents)}` : '',
    wallet: wallet ? format.yuan(wallet.amountCents) : '',
    earned: format.points(order.pointsEarned, true),
    lines: earnLines(order.earnBreakdown),
    refunded: format.yuan(order.refundedCents),
    refundableCents: order.amountCents - order.refundedCents,
    refundable: format.yuan(order.amountCents - order.refundedCents),
    items: (order.items || []).map(item => ({
      lineNo: item.lineNo,
      name: item.name,
      detail: `${item.quantity} × ${format.yuan(item.unitPriceCents)}`,
      amount: format.yuan(item.amountCents)
    })),
    refunds: (order.refunds || []).map(refund => ({
      refundNo: refund.refundNo,
      time: format.dateTime(refund.createdAt),
      amount: format.yuan(refund.amountCents),
      points: refundPoints(refund)
    })),
    coupons: (order.coupons || []).map(coupon => ({ id: coupon.id, name: coupon.template.name }))
  })
}

/** "收回积分 88 · 退还积分 200", only the parts that moved. */
function refundPoints(refund) {
  const parts = []
  if (refund.pointsReversed) parts.push(`收回积分 ${format.points(refund.pointsReversed)}`)
  if (refund.pointsReturned) parts.push(`退还积分 ${format.points(refund.pointsReturned)}`)
  return parts.join(' · ')
}

module.exports = { RULE_NAMES, factorText, earnLines, rowView, detailView }
