/** Points mall documents: the shelf, an item, redeeming, the member's redemptions, cancelling; the staff pickup. */
const { gql } = require('../gql')

const GOODS_FIELDS = `
  id version status name pictureUrl pointsPrice cashCents fulfilment stockLeft limitPerMember limitPeriod
  minTierLevel earlyAccessTierLevel earlyAccessFrom openFrom tierOnly earlyAccessNow
  forMe { redeemable reason redeemed maxQuantity }`

const REDEMPTION_FIELDS = `
  id goodsId name pictureUrl version state source quantity pointsPrice pointsTotal cashCents cashTotalCents fulfilment
  pickupStoreName pickupCode pickupBy
  pickedUpAt address trackingNumber shippedAt cancelledAt cancelReason createdAt`

const MALL_GOODS = gql`
  query MallGoods($first: Int, $after: String) {
    mallGoods(first: $first, after: $after) {
      totalCount
      edges { cursor node { ${GOODS_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
    tiers { level name }
    me { id pointsBalance }
  }`

const MALL_ITEM = gql`
  query MallItem($id: ID!) {
    mallItem(id: $id) { ${GOODS_FIELDS} description stockScope pickupStores { storeId storeName remaining } }
    tiers { level name }
    me { id pointsBalance }
  }`

const REDEEM_MALL_GOODS = gql`
  mutation RedeemMallGoods($input: RedeemMallGoodsInput!) {
    redeemMallGoods(input: $input) { replayed redemption { ${REDEMPTION_FIELDS} } userErrors { field message code } }
  }`

const MY_MALL_REDEMPTIONS = gql`
  query MyMallRedemptions($first: Int, $after: String) {
    myMallRedemptions(first: $first, after: $after) {
      totalCount
      edges { cursor node { ${REDEMPTION_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }`

const CANCEL_MALL_REDEMPTION = gql`
  mutation CancelMallRedemption($input: CancelMallRedemptionInput!) {
    cancelMallRedemption(input: $input) { redemption { ${REDEMPTION_FIELDS} } userErrors { field message code } }
  }`

const STAFF_FIELDS = `id name state source quantity pointsPrice pointsTotal cashCents cashTotalCents pickupStoreName pickupBy
  pickedUpAt cashCollectedCents createdAt`

const STAFF_MALL_PICKUP = gql`
  query StaffMallPickup($input: MallPickupInput!) {
    mallPickup(input: $input) { ${STAFF_FIELDS} }
  }`

const STAFF_COMPLETE_MALL_PICKUP = gql`
  mutation StaffCompleteMallPickup($input: CompleteMallPickupInput!) {
    completeMallPickup(input: $input) { redemption { ${STAFF_FIELDS} } userErrors { field message code } }
  }`

module.exports = { MALL_GOODS, MALL_ITEM, REDEEM_MALL_GOODS, MY_MALL_REDEMPTIONS, CANCEL_MALL_REDEMPTION,
  STAFF_MALL_PICKUP, STAFF_COMPLETE_MALL_PICKUP }
