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

/** Loaded apart from the page: WeChat may be slow or down, and the rest of the page still shows. */
const MY_INVITE_CODE = gql`
  query MyInviteCode {
    me { id nickname avatarUrl inviteMiniProgramCode { imagePath } }
  }`

/** The invited friend's welcome, asked before signing in (no token). */
const INVITE_WELCOME = gql`
  query InviteWelcome($inviterCode: String!) {
    inviteWelcome(inviterCode: $inviterCode) { inviterNickname welcomePoints welcomeGift }
  }`

const RECORD_SHARE = gql`
  mutation RecordShare($input: RecordShareInput!) {
    recordShare(input: $input) { recorded userErrors { field message code } }
  }`

module.exports = { INVITE_PAGE, MY_INVITE_CODE, INVITE_WELCOME, RECORD_SHARE }
