/**
 * Recommendations (recommend module): what the member may like on the card, and what the clerk
 * may suggest to the member after recording a purchase (Member.recommendations through member(id),
 * counted against the clerk's store's stock).
 */
const { gql } = require('../gql')

const RECOMMENDATION_FIELDS = 'sku name reason source'

const MY_RECOMMENDATIONS = gql`
  query MyRecommendations($first: Int) {
    recommendations(first: $first) { ${RECOMMENDATION_FIELDS} }
  }`

const STAFF_MEMBER_RECOMMENDATIONS = gql`
  query StaffMemberRecommendations($id: ID!, $first: Int) {
    member(id: $id) {
      id
      member { id recommendations(first: $first) { ${RECOMMENDATION_FIELDS} } }
    }
  }`

module.exports = { MY_RECOMMENDATIONS, STAFF_MEMBER_RECOMMENDATIONS }
