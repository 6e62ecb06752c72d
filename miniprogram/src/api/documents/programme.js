/** Programme rules documents: the rules in force, which the rules page, card and till show (nothing hard-coded). */
const { gql } = require('../gql')

const PROGRAM_RULES = gql`
  query ProgramRules {
    programRules {
      version
      pointsPerYuan
      pointsPerYuanRedeemed
      memberDays
      memberDayFactor
      birthdayPeriod
      birthdayFactor
      expiryMonths
      tierWindowMonths
      tierReviewsBeforeDrop
      tiers { level name thresholdCents pointsMultiplier priceDiscount benefits }
      checkIn { rewards makeUpCost makeUpsPerMonth rewardExpiryMonths }
      referral { registeredPoints firstPurchasePoints welcomePoints }
      upcoming { version effectiveFrom }
    }
  }`

module.exports = { PROGRAM_RULES }
