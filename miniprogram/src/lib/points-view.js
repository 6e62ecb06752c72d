/** How points movements read on the points page: a Chinese label per kind, signed amount, store and time. */
const format = require('./format')

/** One label for every PointsEntryKind of schema/points.graphqls (a test keeps them in step). */
const KIND_LABELS = {
  EARN: '消费获得',
  REDEEM: '积分抵现',
  REFUND_REVERSE: '退款扣回',
  REFUND_RETURN: '退款退还',
  ADJUST: '人工调整',
  EXPIRE: '积分过期',
  CHECK_IN: '签到',
  MAKE_UP: '补签',
  REFERRAL: '邀请奖励',
  COUPON_EXCHANGE: '兑换优惠券',
  CAMPAIGN: '活动奖励',
  RECHARGE: '储值赠送',
  OPENING: '期初积分',
  EVENT: '活动签到',
  STAMP_CARD: '集章奖励',
  MALL_REDEEM: '积分商城兑换',
  MALL_RETURN: '商城兑换退回',
  LOTTERY_DRAW: '积分抽奖',
  LOTTERY_PRIZE: '抽奖中奖'
}

function kindLabel(kind) {
  return KIND_LABELS[kind] || '积分变动'
}

/** A history row from a PointsEntry node. */
function entryView(node) {
  const delta = Number(node.delta)
  return {
    id: node.id,
    label: kindLabel(node.kind),
    delta: format.points(delta, true),
    positive: delta >= 0,
    reason: node.reason || '',
    store: node.store ? node.store.name : '',
    orderNo: node.orderNo || '',
    time: format.dateTime(node.createdAt)
  }
}

/** Expiring-soon rows: "120" points and "2026-12-01". */
function expiringView(list) {
  return (list || []).map(e => ({ points: format.points(e.points), date: format.date(e.expiresAt) }))
}

module.exports = { KIND_LABELS, kindLabel, entryView, expiringView }
