/** Profile documents for the "mine" page: the member's profile and stored-value card, editing it, binding the phone. */
const { gql } = require('../gql')

const PROFILE_FIELDS = 'id nickname avatarUrl phone birthday gender'

const MINE_PROFILE = gql`
  query MineProfile {
    me { ${PROFILE_FIELDS} tier { level name } wallet { balanceCents principalCents bonusCents } }
  }`

const UPDATE_PROFILE = gql`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) { member { ${PROFILE_FIELDS} } userErrors { field message code } }
  }`

const BIND_PHONE = gql`
  mutation BindPhone($input: BindPhoneInput!) {
    bindPhone(input: $input) { member { ${PROFILE_FIELDS} } signInAgain userErrors { field message code } }
  }`

module.exports = { MINE_PROFILE, UPDATE_PROFILE, BIND_PHONE }
