import { gql } from '../api/documents.js'

const CAMPAIGN_FIELDS = `
  id name status kind benefit audience recurrence startsAt endsAt launchedAt endedAt
  memberDay multiplier controlPercent budget topPercent windowDays message messageChannel
  tiers memberIds tagIds stages segments packId points
  filter {
    tags tiers stages rfmSegments quadrants lastPurchaseBefore lastPurchaseAfter registeredAfter registeredBefore
    storeId birthdayMonth
  }`

export const CAMPAIGNS = gql`
  query ConsoleCampaigns($filter: CampaignFilter, $after: String) {
    campaigns(filter: $filter, first: 20, after: $after) {
      totalCount
      statusCounts { status count }
      pageInfo { hasNextPage endCursor }
      edges { node { id name status kind benefit audience recurrence startsAt endsAt budget controlPercent } }
    }
  }`

export const CAMPAIGN = gql`
  query ConsoleCampaign($id: ID!) {
    campaign(id: $id) {
      ${CAMPAIGN_FIELDS}
      stats {
        audience treated control reached couponsIssued couponsRedeemed redemptionRate
        treatedOrders treatedRevenueCents controlOrders controlRevenueCents
        revenuePerTreatedMemberCents revenuePerControlMemberCents uplift costCents roi skippedNoConsent
        messagesQueued messagesSent messagesFailed messagesPending messagesSkippedNoConsent
      }
    }
  }`

/** What the step form chooses from: tiers, tags, active coupon packs and saved member filters. */
export const CAMPAIGN_FORM_OPTIONS = gql`
  query ConsoleCampaignFormOptions {
    tiers { level name }
    tags(first: 100) { edges { node { id name } } }
    couponPacks(filter: { status: ACTIVE }, first: 100) { edges { node { id name } } }
    savedMemberFilters(first: 100) { edges { node { id name memberCount } } }
  }`

export const CAMPAIGN_AUDIENCE_PREVIEW = gql`
  query ConsoleCampaignAudiencePreview($input: CampaignAudienceInput!) {
    campaignAudiencePreview(input: $input) { count withoutMarketingConsent sample { id nickname } }
  }`

const PAYLOAD = `campaign { ${CAMPAIGN_FIELDS} } userErrors { field code message }`

export const CREATE_CAMPAIGN = gql`
  mutation ConsoleCreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) { ${PAYLOAD} }
  }`

export const UPDATE_CAMPAIGN = gql`
  mutation ConsoleUpdateCampaign($input: UpdateCampaignInput!) {
    updateCampaign(input: $input) { ${PAYLOAD} }
  }`

export const LAUNCH_CAMPAIGN = gql`
  mutation ConsoleLaunchCampaign($campaignId: ID!) {
    launchCampaign(campaignId: $campaignId) {
      ${PAYLOAD}
      launch { reached skippedHoldingCoupon skippedNotEligible leftOutByBudget budgetUsed }
    }
  }`

export const PAUSE_CAMPAIGN = gql`
  mutation ConsolePauseCampaign($campaignId: ID!) {
    pauseCampaign(campaignId: $campaignId) { ${PAYLOAD} }
  }`

export const RESUME_CAMPAIGN = gql`
  mutation ConsoleResumeCampaign($campaignId: ID!) {
    resumeCampaign(campaignId: $campaignId) { ${PAYLOAD} }
  }`

export const END_CAMPAIGN = gql`
  mutation ConsoleEndCampaign($campaignId: ID!) {
    endCampaign(campaignId: $campaignId) { ${PAYLOAD} }
  }`
