import { gql } from '../api/documents.js'

/** Every field of a template the console shows or edits. */
const TEMPLATE_FIELDS = `
  id name status archivedAt kind amountOffCents thresholdCents percentOff maxDiscountCents giftName
  validFrom validUntil validDays totalStock remainingStock perMemberLimit minTierLevel storeIds categories
  channel stackable claimable pointsPrice claimPhase
  earlyAccess { tierLevels tierNames earlyFrom generalFrom }
  usage { issued redeemed remainingStock }`

const PACK_FIELDS = 'id name status archivedAt items { templateId quantity }'

const ERRORS = 'userErrors { field code message }'

export const COUPON_TEMPLATES = gql`
  query ConsoleCouponTemplates($filter: CouponTemplateFilter, $after: String) {
    couponTemplates(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${TEMPLATE_FIELDS} } }
    }
  }`

/** Names of templates, to choose from in a pack (and to name a pack's items). */
export const COUPON_TEMPLATE_CHOICES = gql`
  query ConsoleCouponTemplateChoices($filter: CouponTemplateFilter) {
    couponTemplates(filter: $filter, first: 100) {
      edges { node { id name status kind storeIds } }
    }
  }`

export const COUPON_TEMPLATE = gql`
  query ConsoleCouponTemplate($id: ID!) {
    couponTemplate(id: $id) { ${TEMPLATE_FIELDS} }
  }`

/** The brand's tiers, to choose a coupon's early-access tiers from. */
export const COUPON_FORM_TIERS = gql`
  query ConsoleCouponFormTiers {
    tiers { level name }
  }`

export const CREATE_COUPON_TEMPLATE = gql`
  mutation ConsoleCreateCouponTemplate($input: CreateCouponTemplateInput!) {
    createCouponTemplate(input: $input) { template { id name } ${ERRORS} }
  }`

export const UPDATE_COUPON_TEMPLATE = gql`
  mutation ConsoleUpdateCouponTemplate($input: UpdateCouponTemplateInput!) {
    updateCouponTemplate(input: $input) { template { ${TEMPLATE_FIELDS} } ${ERRORS} }
  }`

export const ARCHIVE_COUPON_TEMPLATE = gql`
  mutation ConsoleArchiveCouponTemplate($input: CouponTemplateIdInput!) {
    archiveCouponTemplate(input: $input) { template { id status archivedAt } ${ERRORS} }
  }`

export const UNARCHIVE_COUPON_TEMPLATE = gql`
  mutation ConsoleUnarchiveCouponTemplate($input: CouponTemplateIdInput!) {
    unarchiveCouponTemplate(input: $input) { template { id status archivedAt } ${ERRORS} }
  }`

export const ISSUE_COUPON = gql`
  mutation ConsoleIssueCoupon($input: IssueCouponInput!) {
    issueCoupon(input: $input) { coupon { id status validFrom validUntil template { id name } } ${ERRORS} }
  }`

export const COUPON_PACKS = gql`
  query ConsoleCouponPacks($filter: CouponPackFilter, $after: String) {
    couponPacks(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${PACK_FIELDS} } }
    }
  }`

export const COUPON_PACK = gql`
  query ConsoleCouponPack($id: ID!) {
    couponPack(id: $id) { ${PACK_FIELDS} }
  }`

export const CREATE_COUPON_PACK = gql`
  mutation ConsoleCreateCouponPack($input: CreateCouponPackInput!) {
    createCouponPack(input: $input) { pack { ${PACK_FIELDS} } ${ERRORS} }
  }`

export const UPDATE_COUPON_PACK = gql`
  mutation ConsoleUpdateCouponPack($input: UpdateCouponPackInput!) {
    updateCouponPack(input: $input) { pack { ${PACK_FIELDS} } ${ERRORS} }
  }`

export const ARCHIVE_COUPON_PACK = gql`
  mutation ConsoleArchiveCouponPack($input: CouponPackIdInput!) {
    archiveCouponPack(input: $input) { pack { id status archivedAt } ${ERRORS} }
  }`

export const UNARCHIVE_COUPON_PACK = gql`
  mutation ConsoleUnarchiveCouponPack($input: CouponPackIdInput!) {
    unarchiveCouponPack(input: $input) { pack { id status archivedAt } ${ERRORS} }
  }`

export const ISSUE_COUPON_PACK = gql`
  mutation ConsoleIssueCouponPack($input: IssueCouponPackInput!) {
    issueCouponPack(input: $input) { coupons { id validUntil template { id name } } ${ERRORS} }
  }`

/** The member picker (components/MemberLookup.vue): by phone, member code or nickname. */
export const MEMBER_LOOKUP = gql`
  query ConsoleMemberLookup($search: MemberSearch!) {
    findMembers(search: $search, first: 10) {
      totalCount
      edges { node { id member { id nickname phone registrationStoreId } } }
    }
  }`

export const COUPON_REDEMPTION_REPORT = gql`
  query ConsoleCouponRedemptionReport($range: AnalyticsRange!) {
    couponReport(range: $range) {
      storeId
      total { start end issued redeemed redemptionRate discountCents }
      series { start end issued redeemed redemptionRate discountCents }
      templates { templateId name kind issued redeemed redemptionRate discountCents }
      campaigns { campaignId name benefit treated control couponsIssued couponsRedeemed attributedRevenueCents discountCostCents pointsCostCents costCents roi }
    }
  }`
