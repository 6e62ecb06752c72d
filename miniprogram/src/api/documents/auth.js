/** Sign-in documents. */
const { gql } = require('../gql')

const LOGIN = gql`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken refreshToken expiresAt registered closesAt
      member { id nickname }
      userErrors { field message code }
    }
  }`

const REFRESH_SESSION = gql`
  mutation RefreshSession($input: RefreshSessionInput!) {
    refreshSession(input: $input) {
      accessToken refreshToken expiresAt
      userErrors { field message code }
    }
  }`

const LOGOUT = gql`
  mutation Logout($input: LogoutInput!) {
    logout(input: $input) { revoked userErrors { field message code } }
  }`

const STAFF_LOGIN = gql`
  mutation StaffLogin($input: StaffLoginInput!) {
    staffLogin(input: $input) {
      accessToken refreshToken expiresAt
      staff { id username displayName role storeId }
      mustChangePassword
      userErrors { field message code }
    }
  }`

// needs the staff sign-in (a temporary password's session may run only this)
const CHANGE_MY_PASSWORD = gql`
  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input) {
      accessToken refreshToken expiresAt
      staff { id username displayName role storeId }
      userErrors { field message code }
    }
  }`

module.exports = { LOGIN, REFRESH_SESSION, LOGOUT, STAFF_LOGIN, CHANGE_MY_PASSWORD }
