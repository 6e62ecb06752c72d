/** The member card documents: tier, balance, expiring points and growth to the next tier. */
const { gql } = require('../gql')

const MY_CARD = gql`
  query MyCard {
    me {
      id
      nickname
      tier { level name }
      pointsBalance
      pointsExpiringSoon { points expiresAt }
      tierProgress {
        current { level name thresholdCents }
        next { level name thresholdCents }
        averageMonthlySpendCents
        spendNeededCents
        progress
        monthsBelowThreshold
        keepRequirementCents
      }
    }
  }`

module.exports = { MY_CARD }
