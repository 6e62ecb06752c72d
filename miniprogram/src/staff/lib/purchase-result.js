/** A recorded purchase as the result page shows it: money, points, and why the points were earned. */
const format = require('../../lib/format')

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
    pointsEarned: format.points(p.pointsEarned, true),
    balance: member.pointsBalance === undefined ? '' : format.points(member.pointsBalance),
    time: p.occurredAt ? format.dateTime(p.occurredAt) : '',
    lines: earnLines(p.earnBreakdown),
    noEarning: !(p.earnBreakdown || []).length,
    replayed: !!payload.replayed
  }
}

module.exports = { RULE_NAMES, earnLines, resultView, factorText }
