/** Answers of the fake backend for staff page tests. */

function member(extra = {}) {
  return Object.assign({ id: 'm1', nickname: '小美', phone: '138****1234', tier: { level: 2, name: '金卡' }, pointsBalance: 1250,
    wallet: { balanceCents: 30000 } }, extra)
}

function scanned(extra = {}, tags = ['高价值', '复购']) {
  return { scanMemberCode: { card: { member: member(extra), tags },
    tillProof: { token: 'proof-1', expiresAt: '2026-11-23T02:25:00Z' }, userErrors: [] } }
}

function scanRefused(code) {
  return { scanMemberCode: { card: null, tillProof: null, userErrors: [{ field: ['input', 'token'], message: 'backend text', code }] } }
}

function currentStaff(role = 'STORE_MANAGER') {
  return { currentStaff: { id: '7', username: 'manager-xuhui', displayName: role === 'CLERK' ? '小李' : '王店长', role,
    storeId: role === 'ADMIN' ? null : '1', enabled: true } }
}

function coupon(id, name, applicable, discountCents, reason = null, stackable = false) {
  return {
    applicable, discountCents, reason,
    coupon: { id, validUntil: '2026-12-31T15:59:59Z', template: { id: 't' + id, name, kind: 'AMOUNT_OFF', stackable, thresholdCents: 0 } }
  }
}

function purchase(extra = {}) {
  return Object.assign({
    id: 'p1', orderNo: 'T1', amountCents: 20000, pointsRedeemed: 500, redeemedCents: 500, couponDiscountCents: 2000,
    paidCents: 17500, pointsEarned: 210, refundedCents: 0, occurredAt: '2026-11-23T02:15:00Z',
    earnBreakdown: [
      { rule: 'BASE', factor: 1, points: 175 },
      { rule: 'TIER', factor: 1.2, points: 35 }
    ],
    member: { id: 'm1', nickname: '小美', phone: '138****1234', pointsBalance: 960 }
  }, extra)
}

function recorded(extra = {}, replayed = false) {
  return { recordPurchase: { replayed, purchase: purchase(extra), userErrors: [] } }
}

module.exports = { member, scanned, scanRefused, currentStaff, coupon, purchase, recorded }
