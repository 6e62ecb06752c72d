import { gql } from '../api/documents.js'

/** What a row of the member list shows. */
const ROW = `
  id
  member { id nickname avatarUrl phone registeredAt pointsBalance tier { level name } }
  lifecycle { stage }
  rfm { segmentName }
  purchases { orders totalCents lastPurchaseAt }
  tags { id name kind }`

export const FIND_MEMBERS = gql`
  query ConsoleFindMembers($search: MemberSearch!, $after: String) {
    findMembers(search: $search, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${ROW} } }
    }
  }`

export const FILTER_MEMBERS = gql`
  query ConsoleFilterMembers($filter: MemberFilter, $after: String) {
    members(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${ROW} } }
    }
  }`

export const MEMBER_FILTER_TIERS = gql`
  query ConsoleMemberFilterTiers {
    tiers { level name }
  }`

export const MEMBER_LIST_SAVED_FILTERS = gql`
  query ConsoleMemberListSavedFilters {
    savedMemberFilters(first: 100) {
      totalCount
      edges { node {
        id name memberCount
        filter { tags tiers stages rfmSegments quadrants lastPurchaseBefore lastPurchaseAfter registeredAfter registeredBefore storeId birthdayMonth }
      } }
    }
  }`

export const MEMBER_LIST_SAVE_FILTER = gql`
  mutation ConsoleMemberListSaveFilter($input: SaveMemberFilterInput!) {
    saveMemberFilter(input: $input) {
      savedFilter { id name memberCount }
      userErrors { field code message }
    }
  }`

const LEDGER = `
  totalCount
  pageInfo { hasNextPage endCursor }
  edges { node { id kind delta reason orderNo store { name } createdAt expiresAt } }`

/**
 * The 360° profile in one read: the API audits every member(id) read (VIEW_MEMBER_PROFILE) and
 * rate-limits them, so the page asks once and its tabs show parts of this answer.
 */
export const MEMBER_PROFILE = gql`
  query ConsoleMemberProfile($id: ID!) {
    member(id: $id) {
      id
      member {
        id nickname avatarUrl phone gender birthday registeredAt registrationChannel registrationStoreId
        pointsBalance
        pointsExpiringSoon { points expiresAt }
        tier { level name pointsMultiplier priceDiscount }
        tierProgress {
          current { level name }
          next { level name thresholdCents }
          averageMonthlySpendCents spendNeededCents progress monthsBelowThreshold keepRequirementCents nextReviewAt basis
        }
        tierHistory { from { name } to { name } reason reviewMonth changedAt }
        pointsHistory(first: 20) { ${LEDGER} }
        coupons(status: USABLE, first: 50) {
          totalCount
          edges { node { id status source validFrom validUntil obtainedAt
            template { name kind amountOffCents thresholdCents percentOff maxDiscountCents giftName } } }
        }
        recommendations(first: 5) { sku name category reason source }
      }
      purchases {
        orders totalCents averageOrderCents lastPurchaseAt
        favouriteCategories { category orders spendCents }
        favouriteStores { storeId storeName orders }
      }
      rfm { recencyScore frequencyScore monetaryScore recencyDays frequency monetaryCents segment segmentName }
      quadrant { quadrant name play }
      lifecycle { stage since usualIntervalDays lastPurchaseAt history { from to asOf changedAt } }
      tags { id name kind }
      recentOrders { id orderNo storeId channel amountCents paidCents pointsEarned refundedCents occurredAt }
    }
  }`

/** A later page of the points ledger (a member(id) read too: audited like the profile). */
export const MEMBER_POINTS_PAGE = gql`
  query ConsoleMemberPointsPage($id: ID!, $after: String) {
    member(id: $id) {
      id
      member { id pointsHistory(first: 20, after: $after) { ${LEDGER} } }
    }
  }`

export const MEMBER_MESSAGES = gql`
  query ConsoleMemberMessages($memberId: ID!) {
    notifications(memberId: $memberId, first: 50) {
      totalCount
      edges { node { id purpose channel recipient status lastError dueAt sentAt createdAt } }
    }
  }`

export const MEMBER_TAG_OPTIONS = gql`
  query ConsoleMemberTagOptions($kind: TagKind, $search: String) {
    tags(kind: $kind, search: $search, first: 50) {
      edges { node { id name kind } }
    }
  }`

export const REVEAL_MEMBER_PHONE = gql`
  mutation ConsoleRevealMemberPhone($input: RevealMemberPhoneInput!) {
    revealMemberPhone(input: $input) {
      phone
      userErrors { field code message }
    }
  }`

export const ADJUST_MEMBER_POINTS = gql`
  mutation ConsoleAdjustMemberPoints($input: AdjustPointsInput!) {
    adjustPoints(input: $input) {
      replayed
      member { id pointsBalance }
      pendingApproval { id delta status capReason requestedAt }
      userErrors { field code message }
    }
  }`

export const ADD_MEMBER_TAG = gql`
  mutation ConsoleAddMemberTag($input: MemberTagInput!) {
    addMemberTag(input: $input) {
      changed
      tag { id name memberCount }
      userErrors { field code message }
    }
  }`

export const REMOVE_MEMBER_TAG = gql`
  mutation ConsoleRemoveMemberTag($input: MemberTagInput!) {
    removeMemberTag(input: $input) {
      changed
      tag { id name memberCount }
      userErrors { field code message }
    }
  }`

/**
 * The member page's 签到 tab (a member(id) read of its own, audited like the profile, made when the
 * tab opens): streaks and the latest 30 check-ins.
 */
export const MEMBER_CHECK_INS = gql`
  query ConsoleMemberCheckIns($id: ID!) {
    member(id: $id) {
      id
      member { id checkIns { currentStreak longestStreak checkedInToday total recent { day streak points makeUp } } }
    }
  }`

/** The 授权 tab: what the member agreed to (store managers, marketers, admins; not clerks). */
export const MEMBER_CONSENTS = gql`
  query ConsoleMemberConsents($id: ID!) {
    member(id: $id) {
      id
      member {
        id
        consents {
          currentNoticeVersion acceptedNoticeVersion acceptedAt noticeAccepted marketing marketingUpdatedAt
          subscribeConsents { purpose templateId remainingConsents }
        }
      }
    }
  }`

/** The 参与活动 tab: campaigns the member was in, newest first (the readers of campaign). */
export const MEMBER_CAMPAIGNS = gql`
  query ConsoleMemberCampaigns($id: ID!) {
    member(id: $id) {
      id
      member { id campaigns { campaignId name status kind benefit group startsAt endsAt reached reachedAt } }
    }
  }`

/** The 会员活动 tab: the events the member signed up for and whether they came (the readers of member). */
export const MEMBER_EVENT_SIGN_UPS = gql`
  query ConsoleMemberEventSignUps($id: ID!) {
    member(id: $id) {
      id
      member {
        id
        eventSignUps(first: 50) {
          id eventId status waitingPosition points signedUpAt attendedAt pointsAwarded
          event { id title startsAt status store { id name } }
        }
      }
    }
  }`
