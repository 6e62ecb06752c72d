/** programRules as the backend's first version answers it, for page tests (override per test with wx.__server.on). */
const PROGRAM_RULES = {
  version: 1,
  pointsPerYuan: 1,
  pointsPerYuanRedeemed: 100,
  memberDays: [8],
  memberDayFactor: 2,
  birthdayPeriod: 'MONTH',
  birthdayFactor: 2,
  expiryMonths: 12,
  tierWindowMonths: 3,
  tierReviewsBeforeDrop: 3,
  tiers: [
    { level: 0, name: '普通', thresholdCents: 0, pointsMultiplier: 1, priceDiscount: 100, benefits: ['消费积分'] },
    { level: 1, name: '银卡', thresholdCents: 50000, pointsMultiplier: 1.2, priceDiscount: 100, benefits: ['生日券'] },
    { level: 2, name: '金卡', thresholdCents: 80000, pointsMultiplier: 1.5, priceDiscount: 95, benefits: ['全场 95 折'] }
  ],
  checkIn: { rewards: [1, 2, 3, 4, 5, 6, 10], makeUpCost: 20, makeUpsPerMonth: 2, rewardExpiryMonths: 3 },
  referral: { registeredPoints: 50, firstPurchasePoints: 100, welcomePoints: 20 },
  upcoming: null
}

module.exports = { PROGRAM_RULES }
