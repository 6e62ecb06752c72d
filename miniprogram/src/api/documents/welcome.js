/** A new member's welcome (pack and message of the rules in force at registration), shown once on the card. */
const { gql } = require('../gql')

const MY_WELCOME = gql`
  query MyWelcome {
    myWelcome { welcomedAt packName message }
  }`

const MARK_WELCOME_SEEN = gql`
  mutation MarkWelcomeSeen {
    markWelcomeSeen { changed userErrors { field message code } }
  }`

module.exports = { MY_WELCOME, MARK_WELCOME_SEEN }
