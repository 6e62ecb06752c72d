/** The scanned member as the till shows them, and what to tell the clerk when a code fails. */
const format = require('../../lib/format')

const REFRESH = '请会员在会员卡页刷新会员码后重新出示'

const CODE_MESSAGES = {
  CODE_EXPIRED: '会员码已过期，' + REFRESH,
  CODE_USED: '会员码已被扫描过，' + REFRESH,
  CODE_INVALID: '无法识别的会员码，' + REFRESH
}

/**
 * MemberCard → view data: nickname, masked phone, tier name, balance, tags, stored-value balance
 * (walletCents), and the scan's till
 * proof (what lets the till spend the member's points and coupons on one order; '' when none).
 */
function cardView(card, tillProof) {
  const member = card.member
  const balance = Number(member.pointsBalance || 0)
  return {
    id: member.id,
    nickname: member.nickname || '未设置昵称',
    phone: member.phone || '未绑定手机',
    tierName: (member.tier && member.tier.name) || '',
    balance,
    balanceText: format.points(balance),
    tags: card.tags || [],
    walletCents: Number((member.wallet && member.wallet.balanceCents) || 0),
    walletText: format.yuan((member.wallet && member.wallet.balanceCents) || 0),
    tillProof: (tillProof && tillProof.token) || ''
  }
}

/** The member after a purchase, refund or adjustment changed their balance. */
function withBalance(view, balance) {
  return Object.assign({}, view, { balance: Number(balance), balanceText: format.points(balance) })
}

/** The member after a recharge changed their stored-value balance. */
function withWallet(view, balanceCents) {
  return Object.assign({}, view, { walletCents: Number(balanceCents), walletText: format.yuan(balanceCents) })
}

/** The clerk's message for a failed scan: the member must refresh their code; null for other errors. */
function scanErrorMessage(error) {
  return (error && CODE_MESSAGES[error.code]) || null
}

/** How many digits a member code has (its barcode on the member card, and 查看数字). */
const CODE_DIGITS = 18

/**
 * The code inside a scanned QR code or barcode or typed by hand, trimmed, and for digits without
 * the spaces the card groups them with; '' when there is none.
 */
function tokenOf(text) {
  const code = String(text || '').trim()
  return /^[\d\s]+$/.test(code) ? code.replace(/\s+/g, '') : code
}

/** What is wrong with a typed code before it is sent (digits of the wrong count), or null. */
function typedCodeProblem(code) {
  if (!code) return '请输入会员码'
  if (/^\d+$/.test(code) && code.length !== CODE_DIGITS) {
    return `会员码数字应为${CODE_DIGITS}位，已输入${code.length}位，请核对`
  }
  return null
}

module.exports = { cardView, withBalance, withWallet, scanErrorMessage, tokenOf, typedCodeProblem, CODE_MESSAGES }
