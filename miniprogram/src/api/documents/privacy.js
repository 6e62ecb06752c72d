/** Personal data documents: the privacy notice's text, consents, the data export, closing the account. */
const { gql } = require('../gql')

const CONSENT_FIELDS = 'currentNoticeVersion acceptedNoticeVersion noticeAccepted marketing closesAt'

const PRIVACY_NOTICE = gql`
  query PrivacyNotice {
    privacyNotice { version title text current }
  }`

const MY_CONSENTS = gql`
  query MyConsents {
    myConsents { ${CONSENT_FIELDS} }
  }`

const UPDATE_CONSENTS = gql`
  mutation UpdateConsents($input: UpdateConsentsInput!) {
    updateConsents(input: $input) { consents { ${CONSENT_FIELDS} } userErrors { field message code } }
  }`

const EXPORT_MY_DATA = gql`
  query ExportMyData {
    exportMyData { generatedAt sections { name count } json }
  }`

const CLOSE_ACCOUNT = gql`
  mutation CloseAccount($input: CloseAccountInput!) {
    closeAccount(input: $input) { closesAt userErrors { field message code } }
  }`

module.exports = { PRIVACY_NOTICE, MY_CONSENTS, UPDATE_CONSENTS, EXPORT_MY_DATA, CLOSE_ACCOUNT }
