import { gql } from '../api/documents.js'

/** Every field of a stamp card the console shows or edits. */
const CARD_FIELDS = `
  id name status version storeId stampsNeeded category minPaidCents period periodDays rewardPoints
  rewardCouponTemplateId rule periodText reward createdAt updatedAt stats { running completed stamps }`

const ERRORS = 'userErrors { field code message }'

export const STAMP_CARDS = gql`
  query ConsoleStampCards($filter: StampCardFilter, $after: String) {
    stampCards(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${CARD_FIELDS} } }
    }
  }`

/** A card's versions for its history: which is current, from when, who saved it, what changed, cards running under it. */
export const STAMP_CARD_VERSIONS = gql`
  query ConsoleStampCardVersions($id: ID!) {
    stampCard(id: $id) {
      id
      versions {
        version current effectiveFrom effectiveUntil changedBy { id username displayName }
        stampsNeeded rule periodText reward changes runningCards
      }
    }
  }`

export const CREATE_STAMP_CARD = gql`
  mutation ConsoleCreateStampCard($input: CreateStampCardInput!) {
    createStampCard(input: $input) { stampCard { ${CARD_FIELDS} } ${ERRORS} }
  }`

export const UPDATE_STAMP_CARD = gql`
  mutation ConsoleUpdateStampCard($input: UpdateStampCardInput!) {
    updateStampCard(input: $input) { stampCard { ${CARD_FIELDS} } ${ERRORS} }
  }`

export const PAUSE_STAMP_CARD = gql`
  mutation ConsolePauseStampCard($input: StampCardIdInput!) {
    pauseStampCard(input: $input) { stampCard { id status } ${ERRORS} }
  }`

export const RESUME_STAMP_CARD = gql`
  mutation ConsoleResumeStampCard($input: StampCardIdInput!) {
    resumeStampCard(input: $input) { stampCard { id status } ${ERRORS} }
  }`

export const STOP_STAMP_CARD = gql`
  mutation ConsoleStopStampCard($input: StampCardIdInput!) {
    stopStampCard(input: $input) { stampCard { id status } ${ERRORS} }
  }`

const BENEFIT_FIELDS = 'tierLevel tierName version changedBy changedAt items { couponTemplateId couponName quantity }'

export const TIER_BENEFITS = gql`
  query ConsoleTierBenefits {
    tierBenefits { ${BENEFIT_FIELDS} }
  }`

export const SET_TIER_BENEFITS = gql`
  mutation ConsoleSetTierBenefits($input: SetTierBenefitsInput!) {
    setTierBenefits(input: $input) { benefits { ${BENEFIT_FIELDS} } ${ERRORS} }
  }`
