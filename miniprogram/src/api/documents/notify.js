/** Subscribe-message documents: which templates to ask consent for, and recording the consents. */
const { gql } = require('../gql')

const SUBSCRIBE_TEMPLATES = gql`
  query SubscribeTemplates {
    subscribeTemplates { purpose templateId remainingConsents }
  }`

const GRANT_SUBSCRIBE_CONSENT = gql`
  mutation GrantSubscribeConsent($input: GrantSubscribeConsentInput!) {
    grantSubscribeConsent(input: $input) {
      templates { purpose templateId remainingConsents }
      userErrors { field message code }
    }
  }`

module.exports = { SUBSCRIBE_TEMPLATES, GRANT_SUBSCRIBE_CONSENT }
