/** The rotating member code on the card (QR token and digits) and where it was scanned (live, or polled as a fallback). */
const { gql } = require('../gql')

const MEMBER_CODE = gql`
  query MemberCode {
    memberCode { token digits expiresAt }
  }`

const MEMBER_CODE_SCAN = gql`
  query MemberCodeScan($token: String!) {
    memberCodeScan(token: $token) { storeId storeName at }
  }`

const MEMBER_CODE_SCANNED = gql`
  subscription MemberCodeScanned {
    memberCodeScanned { storeId storeName at }
  }`

module.exports = { MEMBER_CODE, MEMBER_CODE_SCAN, MEMBER_CODE_SCANNED }
