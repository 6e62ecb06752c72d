/** Answers the settings pages' tests give for /graphql: rule sets, versions, stores, staff. */
export const rules = (overrides = {}) => ({
  version: 3,
  effectiveFrom: '2026-11-01T00:00:00Z',
  tiers: [
    { level: 0, name: '普通', thresholdCents: 0, pointsMultiplier: 1, priceDiscount: 100, benefits: ['消费积分'] },
    { level: 1, name: '银卡', thresholdCents: 50000, pointsMultiplier: 1.2, priceDiscount: 100, benefits: ['积分 1.2 倍', '生日礼券'] },
    { level: 2, name: '金卡', thresholdCents: 100000, pointsMultiplier: 1.5, priceDiscount: 95, benefits: ['全场 95 折'] },
    { level: 3, name: '黑钻', thresholdCents: 200000, pointsMultiplier: 2, priceDiscount: 90, benefits: ['专属客服'] }
  ],
  tierWindowMonths: 3,
  tierReviewsBeforeDrop: 3,
  pointsPerYuan: 1,
  categoryMultipliers: [{ key: '护肤', factor: 2 }],
  skuMultipliers: [],
  memberDays: [8],
  memberDayFactor: 2,
  birthdayPeriod: 'MONTH',
  birthdayFactor: 2,
  pointsPerYuanRedeemed: 100,
  expiryMonths: 12,
  checkIn: { rewards: [1, 2, 3, 4, 5, 6, 10], afterLastDay: 'REPEAT', makeUpCost: 20, makeUpsPerMonth: 2, rewardExpiryMonths: 3 },
  referral: { registeredPoints: 50, firstPurchasePoints: 100, welcomePoints: 20, dailyCap: 10, lifetimeCap: 200 },
  welcomeCouponPackId: null,
  welcomeMessage: '欢迎加入',
  ...overrides
})

export const version = (number, status, overrides = {}) => ({
  version: number,
  effectiveFrom: '2026-11-01T00:00:00Z',
  status,
  createdBy: number === 1 ? null : '14',
  createdByStaff: number === 1 ? null : { id: '14', username: 'ops-li', displayName: '李娜' },
  reason: `第 ${number} 版的原因`,
  createdAt: '2026-10-30T02:00:00Z',
  cancelledAt: null,
  ...overrides
})

export const connection = (field, nodes, { hasNextPage = false, totalCount = nodes.length } = {}) => ({
  [field]: { totalCount, pageInfo: { hasNextPage, endCursor: 'c1' }, edges: nodes.map(node => ({ node, cursor: 'c' })) }
})

export const failure = { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] }

export const userError = (field, code, message) => ({ [field]: { userErrors: [{ field: ['input'], code, message }] } })
