/** Stamp cards (集章) and the tier's monthly benefits (专属服务) the member collects. */
const { gql } = require('../gql')

const MY_STAMP_CARDS = gql`
  query MyStampCards {
    myStampCards { cardId name stampsNeeded stamps rule period reward startedAt endsAt paused completedCount }
  }`

const MY_TIER_BENEFITS = gql`
  query MyTierBenefits {
    myTierBenefits { couponTemplateId name quantity state month validUntil }
  }`

module.exports = { MY_STAMP_CARDS, MY_TIER_BENEFITS }
