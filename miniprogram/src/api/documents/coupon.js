/** Coupon documents: the member's coupons, the coupon centre, claiming and exchanging. */
const { gql } = require('../gql')

const TEMPLATE_FIELDS = `
  id name kind amountOffCents thresholdCents percentOff maxDiscountCents giftName
  validFrom validUntil validDays remainingStock perMemberLimit minTierLevel
  storeIds categories channel stackable claimable pointsPrice`

const MY_COUPONS = gql`
  query MyCoupons($status: CouponStatus!, $first: Int, $after: String) {
    me {
      id
      coupons(status: $status, first: $first, after: $after) {
        totalCount
        edges { cursor node { id status source validFrom validUntil obtainedAt usedAt template { ${TEMPLATE_FIELDS} } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`

const COUPON_CENTRE = gql`
  query CouponCentre {
    couponCentre { held available opensAt early template { ${TEMPLATE_FIELDS} earlyAccess { tierNames } } }
    tiers { level name }
    me { id pointsBalance }
  }`

const COUPON_RESULT = `coupon { id status validFrom validUntil template { id name } } opensAt userErrors { field message code }`

const CLAIM_COUPON = gql`
  mutation ClaimCoupon($input: GetCouponInput!) {
    claimCoupon(input: $input) { ${COUPON_RESULT} }
  }`

const EXCHANGE_COUPON = gql`
  mutation ExchangeCoupon($input: GetCouponInput!) {
    exchangeCoupon(input: $input) { ${COUPON_RESULT} }
  }`

module.exports = { MY_COUPONS, COUPON_CENTRE, CLAIM_COUPON, EXCHANGE_COUPON }
