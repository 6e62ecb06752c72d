/** A recorded purchase as the result page shows it: money, points, and why the points were earned. */
const format = require('../../lib/format')
const { RULE_NAMES, earnLines, factorText } = require('../../lib/order-view')

/** RecordPurchasePayload → view data. */
function resultView(payload) {
  const p = payload.purchase
  const member = p.member || {}
  return {
    orderNo: p.orderNo,
    memberName: p.member === null ? '非会员顾客' : (member.nickname || '会员'),
    memberPhone: member.phone || '',
    amount: format.yuan(p.amountCents),
    couponDiscount: format.yuan(p.couponDiscountCents),
    tierDiscount: p.tierDiscountCents ? format.yuan(p.tierDiscountCents) : '',
    rulesVersion: p.rulesVersion ? `积分规则第${p.rulesVersion}版` : '',
    pointsRedeemed: format.points(p.pointsRedeemed),
    redeemedValue: format.yuan(p.redeemedCents),
    paid: format.yuan(p.paidCents),
    wallet: p.walletPayment ? format.yuan(p.walletPayment.amountCents) : '',
    pointsEarned: format.points(p.pointsEarned, true),
    balance: member.pointsBalance === undefined ? '' : format.points(member.pointsBalance),
    time: p.occurredAt ? format.dateTime(p.occurredAt) : '',
    lines: earnLines(p.earnBreakdown),
    noEarning: !(p.earnBreakdown || []).length,
    replayed: !!payload.replayed
  }
}

module.exports = { RULE_NAMES, earnLines, resultView, factorText }
