/** Tier documents. */
const { gql } = require('../gql')

const TIERS = gql`
  query Tiers {
    tiers { level name thresholdCents pointsMultiplier benefits }
  }`

module.exports = { TIERS }
