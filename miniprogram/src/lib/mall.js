/** How the points mall reads: prices, badges, why an item cannot be had, redemption states and codes. */
const format = require('./format')

const STATES = {
  AWAITING_PICKUP: '待提货',
  AWAITING_SHIPMENT: '待发货',
  PICKED_UP: '已提货',
  SHIPPED: '已发货',
  CANCELLED: '已取消',
  EXPIRED: '已过期退回'
}

/** "1,200积分", or "1,200积分 + ¥9.90" with a cash part (paid at the store). */
function price(goods) {
  const points = `${format.points(goods.pointsPrice)}积分`
  return Number(goods.cashCents) > 0 ? `${points} + ${format.yuan(goods.cashCents)}` : points
}

function tierName(tierNames, level) {
  return tierNames[level] || `等级${level}`
}

/** The badges over an item: tier-only, early access (now or to come). */
function badges(goods, tierNames) {
  const list = []
  if (goods.tierOnly) list.push({ key: 'tier', text: `${tierName(tierNames, goods.minTierLevel)}及以上专享` })
  if (goods.earlyAccessTierLevel != null && goods.openFrom) {
    list.push({ key: 'early', text: goods.earlyAccessNow
      ? `${tierName(tierNames, goods.earlyAccessTierLevel)}及以上优先兑换中`
      : `${tierName(tierNames, goods.earlyAccessTierLevel)}及以上 ${format.dateTime(goods.earlyAccessFrom)} 起优先兑` })
  }
  return list
}

/** One item on the shelf or its page. */
function goodsView(goods, tierNames = {}) {
  const forMe = goods.forMe || { redeemable: false, reason: null, redeemed: 0 }
  return {
    id: goods.id,
    name: goods.name,
    pictureUrl: goods.pictureUrl || '',
    price: price(goods),
    cashNote: Number(goods.cashCents) > 0 ? `另需到店支付 ${format.yuan(goods.cashCents)}，提货时在门店收银台付款` : '',
    fulfilment: goods.fulfilment === 'DELIVERY' ? '快递配送' : '到店自提',
    stock: goods.stockLeft > 0 ? `剩余${goods.stockLeft}件` : '已兑完',
    limit: goods.limitPerMember ? `每人${goods.limitPeriod === 'MONTH' ? '每月' : ''}限兑${goods.limitPerMember}件` : '',
    opens: goods.openFrom ? `${format.dateTime(goods.openFrom)} 全员开放` : '',
    badges: badges(goods, tierNames),
    redeemable: !!forMe.redeemable,
    reason: forMe.reason || '',
    maxQuantity: forMe.redeemable ? Math.max(1, forMe.maxQuantity || 1) : 0
  }
}

/** The points and cash for {@code quantity} units, in words: "3,600积分 + ¥29.70". */
function total(goods, quantity) {
  return price({ pointsPrice: Number(goods.pointsPrice) * quantity, cashCents: Number(goods.cashCents) * quantity })
}

/** What a redemption cost in all: "2件 · 2,400积分 + ¥19.80", "1,200积分", or 抽奖奖品 for a prize won in a draw. */
function redemptionPrice(r) {
  if (r.source === 'LOTTERY') return '抽奖奖品'
  const quantity = r.quantity || 1
  const total = price({ pointsPrice: r.pointsTotal != null ? r.pointsTotal : r.pointsPrice * quantity,
    cashCents: r.cashTotalCents != null ? r.cashTotalCents : r.cashCents * quantity })
  return quantity > 1 ? `${quantity}件 · ${total}` : total
}

/** One of the member's redemptions. */
function redemptionView(r) {
  const prize = r.source === 'LOTTERY'
  const cash = r.cashTotalCents != null ? r.cashTotalCents : r.cashCents
  return {
    id: r.id,
    name: r.name,
    pictureUrl: r.pictureUrl || '',
    state: r.state,
    stateText: STATES[r.state] || r.state,
    price: redemptionPrice(r),
    quantity: r.quantity > 1 ? `×${r.quantity}` : '',
    prize,
    code: r.pickupCode ? r.pickupCode.replace(/(\d{4})(?=\d)/g, '$1 ') : '',
    where: r.fulfilment === 'PICKUP' ? (r.pickupStoreName ? `${r.pickupStoreName}自提` : prize ? '任一门店自提' : '到店自提') : '快递配送',
    pickupBy: r.state === 'AWAITING_PICKUP' && r.pickupBy
      ? `请于 ${format.dateTime(r.pickupBy)} 前提货，${prize ? '逾期奖品作废' : '逾期积分自动退回'}` : '',
    cashNote: r.state === 'AWAITING_PICKUP' && Number(cash) > 0 ? `提货时需支付 ${format.yuan(cash)}` : '',
    address: r.address || '',
    tracking: r.trackingNumber ? `快递单号 ${r.trackingNumber}` : '',
    cancelReason: r.cancelReason || '',
    createdAt: format.dateTime(r.createdAt),
    canCancel: r.state === 'AWAITING_PICKUP' || r.state === 'AWAITING_SHIPMENT'
  }
}

/** What is wrong with a delivery address before sending it, by field; empty when nothing. */
function addressErrors(a) {
  const errors = {}
  if (!a.recipient || !a.recipient.trim() || a.recipient.trim().length > 32) errors.recipient = '请填写收货人（1-32个字）'
  if (!/^1\d{10}$/.test((a.phone || '').replace(/[\s-]/g, ''))) errors.phone = '请填写11位手机号'
  if (!a.region || !a.region.trim() || a.region.trim().length > 64) errors.region = '请填写所在地区'
  if (!a.detail || !a.detail.trim() || a.detail.trim().length > 200) errors.detail = '请填写详细地址（最多200字）'
  return errors
}

module.exports = { STATES, price, total, badges, goodsView, redemptionPrice, redemptionView, addressErrors }
