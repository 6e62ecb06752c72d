/**
 * Orders: the store's order list and an order's detail for staff (operation names start with
 * "Staff", run with {as: 'staff'}), and the member's own orders.
 */
const { gql } = require('../gql')

const ORDER_ROW_FIELDS = `
  id orderNo amountCents paidCents refundedCents pointsEarned occurredAt`

const ORDER_DETAIL_FIELDS = `
  ${ORDER_ROW_FIELDS}
  storeId couponDiscountCents tierDiscountCents pointsRedeemed redeemedCents
  earnBreakdown { rule factor points }
  items { lineNo name quantity unitPriceCents amountCents }
  refunds { refundNo amountCents pointsReversed pointsReturned createdAt }
  coupons { id template { id name } }
  walletPayment { amountCents }`

const STORE_ORDERS = gql`
  query StaffStoreOrders($storeId: ID, $filter: StoreOrderFilter, $first: Int, $after: String) {
    storeOrders(storeId: $storeId, filter: $filter, first: $first, after: $after) {
      totalCount amountCents paidCents refundedCents
      pageInfo { hasNextPage endCursor }
      edges { node { ${ORDER_ROW_FIELDS} member { id nickname phone } } }
    }
  }`

const STORE_ORDER = gql`
  query StaffStoreOrder($id: ID!) {
    storeOrder(id: $id) {
      ${ORDER_DETAIL_FIELDS}
      member { id nickname phone }
    }
  }`

const MY_ORDERS = gql`
  query MyOrders($first: Int, $after: String) {
    myOrders(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${ORDER_ROW_FIELDS} } }
    }
  }`

const MY_ORDER = gql`
  query MyOrder($id: ID!) {
    myOrder(id: $id) { ${ORDER_DETAIL_FIELDS} }
  }`

module.exports = { STORE_ORDERS, STORE_ORDER, MY_ORDERS, MY_ORDER }
