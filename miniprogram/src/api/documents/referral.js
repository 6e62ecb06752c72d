/** Invitation documents: the member's invite code, stats and invitations; recording a share. */
const { gql } = require('../gql')

const INVITE_PAGE = gql`
  query InvitePage($first: Int, $after: String) {
    inviteRules { registeredPoints firstPurchasePoints welcomePoints dailyCap lifetimeCap }
    me {
      id
      inviteCode
      inviteStats { joined registered purchased pointsEarned }
      invitations(first: $first, after: $after) {
        totalCount
        edges { cursor node { nickname status joinedAt rewards { kind points granted } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`

const RECORD_SHARE = gql`
  mutation RecordShare($input: RecordShareInput!) {
    recordShare(input: $input) { recorded userErrors { field message code } }
  }`

module.exports = { INVITE_PAGE, RECORD_SHARE }
