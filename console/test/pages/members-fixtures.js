/** Answers of the member pages' operations, shaped as the API answers them. */

export const row = (id, overrides = {}) => ({
  id,
  member: { id, nickname: '小爱', avatarUrl: null, phone: '138****0001', registeredAt: '2026-06-01T02:00:00Z', pointsBalance: 2280, tier: { level: 1, name: '银卡' } },
  lifecycle: { stage: 'ACTIVE' },
  rfm: { segmentName: '重要价值客户' },
  purchases: { orders: 3, totalCents: 228000, lastPurchaseAt: '2026-12-06T08:00:00Z' },
  tags: [{ id: '3', name: '老顾客', kind: 'MANUAL' }],
  ...overrides
})

export const connection = (nodes, { hasNextPage = false, total = nodes.length } = {}) => ({
  totalCount: total, pageInfo: { hasNextPage, endCursor: 'c1' }, edges: nodes.map(node => ({ cursor: `c-${node.id}`, node }))
})

export const tiers = { tiers: [{ level: 0, name: '普通' }, { level: 1, name: '银卡' }, { level: 2, name: '金卡' }, { level: 3, name: '黑钻' }] }
export const tagOptions = { tags: { edges: [{ node: { id: '3', name: '老顾客', kind: 'MANUAL' } }, { node: { id: '4', name: 'VIP', kind: 'MANUAL' } }] } }

export const ledgerEntry = (id, overrides = {}) => ({
  id, kind: 'EARN', delta: 420, reason: '消费得积分', orderNo: 'DEMO-1003', store: { name: '徐汇店' },
  createdAt: '2026-12-06T08:00:00Z', expiresAt: '2027-12-31T15:59:59Z', ...overrides
})

export function profile(overrides = {}, memberOverrides = {}) {
  return {
    member: {
      id: '7',
      member: {
        id: '7', nickname: '小爱', avatarUrl: null, phone: '138****0001', gender: 'FEMALE', birthday: '1992-05-08',
        registeredAt: '2026-06-01T02:00:00Z', registrationChannel: 'STORE', registrationStoreId: '1',
        pointsBalance: 2280,
        pointsExpiringSoon: [{ points: 80, expiresAt: '2026-12-31T15:59:59Z' }],
        tier: { level: 1, name: '银卡', pointsMultiplier: 1.2, priceDiscount: 98 },
        tierProgress: {
          current: { level: 1, name: '银卡' }, next: { level: 2, name: '金卡', thresholdCents: 80000 },
          averageMonthlySpendCents: 60000, spendNeededCents: 60000, progress: 0.75, monthsBelowThreshold: 0,
          keepRequirementCents: 30000, nextReviewAt: '2026-12-31T16:00:00Z', basis: '按最近 3 个自然月的月均消费评定等级'
        },
        tierHistory: [{ from: { name: '普通' }, to: { name: '银卡' }, reason: '月均消费达到银卡标准', reviewMonth: null, changedAt: '2026-11-16T02:00:00Z' }],
        pointsHistory: connection([ledgerEntry('31'), ledgerEntry('30', { kind: 'ADJUST', delta: -100, reason: '录错了', orderNo: null, expiresAt: null })], { hasNextPage: true, total: 25 }),
        coupons: connection([{ id: '91', status: 'USABLE', source: 'CAMPAIGN', validFrom: '2026-12-01T00:00:00Z', validUntil: '2026-12-31T15:59:59Z', obtainedAt: '2026-12-01T02:00:00Z',
          template: { name: '演示·满200减50', kind: 'AMOUNT_OFF', amountOffCents: 5000, thresholdCents: 20000, percentOff: null, maxDiscountCents: null, giftName: null } }]),
        recommendations: [{ sku: 'B-12', name: '芝士蛋糕', category: '蛋糕', reason: '常与生日蛋糕一起购买', source: 'BOUGHT_TOGETHER' }],
        ...memberOverrides
      },
      purchases: {
        orders: 3, totalCents: 228000, averageOrderCents: 76000, lastPurchaseAt: '2026-12-06T08:00:00Z',
        favouriteCategories: [{ category: '蛋糕', orders: 2, spendCents: 150000 }],
        favouriteStores: [{ storeId: '1', storeName: '徐汇店', orders: 3 }]
      },
      rfm: { recencyScore: 5, frequencyScore: 4, monetaryScore: 5, recencyDays: 1, frequency: 3, monetaryCents: 228000, segment: 'IMPORTANT_VALUE', segmentName: '重要价值客户' },
      quadrant: { quadrant: 'HIGH_FREQUENCY_HIGH_VALUE', name: '高频高客单', play: '储值赠礼' },
      lifecycle: { stage: 'ACTIVE', since: '2026-11-16', usualIntervalDays: 15.5, lastPurchaseAt: '2026-12-06T08:00:00Z',
        history: [{ from: 'NEW', to: 'ACTIVE', asOf: '2026-11-16', changedAt: '2026-11-16T02:00:00Z' }] },
      tags: [{ id: '3', name: '老顾客', kind: 'MANUAL' }, { id: '5', name: '高客单', kind: 'RULE' }],
      recentOrders: [{ id: '501', orderNo: 'DEMO-1003', storeId: '1', channel: 'STORE', amountCents: 42000, paidCents: 41000, pointsEarned: 410, refundedCents: 0, occurredAt: '2026-12-06T08:00:00Z' }],
      ...overrides
    }
  }
}
