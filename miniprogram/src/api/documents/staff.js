/**
 * Staff documents (till, refund, points adjustment, manager numbers and the follow-up call
 * list). Every staff page runs them with {as: 'staff'}; operation names start with "Staff" so
 * they never clash with member documents.
 */
const { gql } = require('../gql')

const MEMBER_CARD_FIELDS = `
  id nickname phone
  tier { level name }
  pointsBalance
  wallet { balanceCents }`

const PURCHASE_FIELDS = `
  id orderNo amountCents pointsRedeemed redeemedCents couponDiscountCents tierDiscountCents paidCents
  pointsEarned refundedCents occurredAt rulesVersion
  earnBreakdown { rule factor points }
  walletPayment { amountCents }
  member { id nickname phone pointsBalance }`

const CURRENT_STAFF = gql`
  query StaffCurrent {
    currentStaff { id username displayName role storeId enabled }
  }`

// the open stores only: a closed store records nothing at its till (STORE_CLOSED)
const STORES = gql`
  query StaffStores {
    stores(filter: { status: OPEN }, first: 100) { edges { node { id name } } }
  }`

const SCAN_MEMBER_CODE = gql`
  mutation StaffScanMemberCode($input: ScanMemberCodeInput!) {
    scanMemberCode(input: $input) {
      card {
        member { ${MEMBER_CARD_FIELDS} }
        tags
      }
      tillProof { token expiresAt }
      userErrors { field message code }
    }
  }`

const COUPONS_FOR_ORDER = gql`
  query StaffCouponsForOrder($input: CouponsForOrderInput!) {
    couponsForOrder(input: $input) {
      applicable discountCents reason
      coupon {
        id validUntil
        template { id name kind stackable thresholdCents }
      }
    }
  }`

const RECORD_PURCHASE = gql`
  mutation StaffRecordPurchase($input: RecordPurchaseInput!) {
    recordPurchase(input: $input) {
      replayed
      purchase { ${PURCHASE_FIELDS} }
      userErrors { field message code }
    }
  }`

const REFUND_PURCHASE = gql`
  mutation StaffRefundPurchase($input: RefundPurchaseInput!) {
    refundPurchase(input: $input) {
      replayed
      refund { refundNo amountCents pointsReversed pointsReturned couponsReturned couponsKept cashToReturnCents createdAt }
      purchase { id orderNo amountCents refundedCents paidCents member { id nickname phone pointsBalance } }
      userErrors { field message code }
    }
  }`

const ADJUST_POINTS = gql`
  mutation StaffAdjustPoints($input: AdjustPointsInput!) {
    adjustPoints(input: $input) {
      replayed
      member { id nickname phone pointsBalance }
      pendingApproval { id delta capReason }
      userErrors { field message code }
    }
  }`

const TODAY_NUMBERS = gql`
  query StaffTodayNumbers($storeId: ID) {
    todayNumbers(storeId: $storeId) {
      day storeId newMembers orders salesCents buyers30d repurchaseRate30d
      pointsLiability pointsLiabilityCents
    }
  }`

const FOLLOW_UP_TASKS = gql`
  query StaffFollowUpTasks($storeId: ID, $status: FollowUpStatus, $first: Int, $after: String) {
    followUpTasks(storeId: $storeId, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id reason status note dueOn createdAt
          member { id nickname phone }
        }
      }
    }
  }`

const UPDATE_FOLLOW_UP_TASK = gql`
  mutation StaffUpdateFollowUpTask($input: UpdateFollowUpTaskInput!) {
    updateFollowUpTask(input: $input) {
      task { id status note updatedAt }
      userErrors { field message code }
    }
  }`

/** The member's full number for the call button (audited, rate limited). */
const REVEAL_MEMBER_PHONE = gql`
  mutation StaffRevealMemberPhone($input: RevealMemberPhoneInput!) {
    revealMemberPhone(input: $input) {
      phone
      userErrors { field message code }
    }
  }`

/** The store's mini-program code (scene s=<storeId>): members who scan it register at the store. */
const STORE_MINI_PROGRAM_CODE = gql`
  query StaffStoreMiniProgramCode($storeId: ID) {
    storeMiniProgramCode(storeId: $storeId) { scene imagePath }
  }`

module.exports = {
  CURRENT_STAFF,
  STORES,
  SCAN_MEMBER_CODE,
  COUPONS_FOR_ORDER,
  RECORD_PURCHASE,
  REFUND_PURCHASE,
  ADJUST_POINTS,
  TODAY_NUMBERS,
  FOLLOW_UP_TASKS,
  UPDATE_FOLLOW_UP_TASK,
  REVEAL_MEMBER_PHONE,
  STORE_MINI_PROGRAM_CODE
}
