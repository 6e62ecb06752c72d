/** The stored-value card as pages show it: balance, recharge packages, history entries and recharges. */
const format = require('./format')

const ENTRY_LABELS = {
  RECHARGE: '充值',
  PAYMENT: '消费',
  PURCHASE_REFUND: '退款退回',
  RECHARGE_REFUND: '充值退款',
  BONUS_EXPIRY: '赠送金过期',
  OPENING: '期初储值'
}

const CHANNEL_NAMES = { CASH: '现金', CARD: '银行卡', WECHAT_PAY: '微信支付', OPENING: '期初余额' }

/** Wallet → { balance, principal, bonus } in yuan. */
function balanceView(wallet) {
  return {
    balanceCents: wallet.balanceCents,
    balance: format.yuan(wallet.balanceCents),
    principal: format.yuan(wallet.principalCents),
    bonus: format.yuan(wallet.bonusCents)
  }
}

/** A package as a row: "充500送50", pay ¥500, what comes with it (送¥50 · 赠送金30天内有效 · 送100积分). */
function packageView(p) {
  const extras = []
  if (p.bonusCents) extras.push(`送${format.yuan(p.bonusCents)}` + (p.bonusValidDays ? `（${p.bonusValidDays}天内有效）` : ''))
  if (p.bonusPoints) extras.push(`送${format.points(p.bonusPoints)}积分`)
  return {
    id: p.id,
    name: p.name,
    payCents: p.payCents,
    pay: format.yuan(p.payCents),
    extras: extras.join(' · ')
  }
}

/** A history entry: label, signed amount, what it was about, time. */
function entryView(e) {
  const about = e.orderNo ? `订单 ${e.orderNo}` : (e.reference || '')
  return {
    id: e.id,
    label: ENTRY_LABELS[e.kind] || e.kind,
    amount: (e.amountCents > 0 ? '+' : '') + format.yuan(e.amountCents),
    positive: e.amountCents > 0,
    about,
    time: format.dateTime(e.createdAt)
  }
}

/** A recharge: what was paid and given, how, what is left of it, and its status. */
function rechargeView(r) {
  return {
    id: r.id,
    title: `充值${format.yuan(r.payCents)}` + (r.bonusCents ? ` 送${format.yuan(r.bonusCents)}` : ''),
    channel: CHANNEL_NAMES[r.channel] || r.channel,
    time: format.dateTime(r.createdAt),
    left: `剩余本金${format.yuan(r.principalRemainingCents)} · 赠送金${format.yuan(r.bonusRemainingCents)}`,
    bonusExpires: r.bonusExpiresAt && r.bonusRemainingCents ? `赠送金${format.date(r.bonusExpiresAt)}到期` : '',
    status: r.status === 'REFUNDED' ? `已退款 ${format.yuan(r.refundedCents || 0)}` : ''
  }
}

module.exports = { ENTRY_LABELS, CHANNEL_NAMES, balanceView, packageView, entryView, rechargeView }
