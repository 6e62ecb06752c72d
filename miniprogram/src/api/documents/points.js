/** The points page: balance, points expiring soon, and the history a page at a time. */
const { gql } = require('../gql')

const POINTS_SUMMARY = gql`
  query PointsSummary {
    me {
      id
      pointsBalance
      pointsExpiringSoon { points expiresAt }
    }
  }`

const POINTS_HISTORY = gql`
  query PointsHistory($first: Int, $after: String) {
    me {
      id
      pointsHistory(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { id kind delta reason orderNo store { id name } createdAt expiresAt }
        }
      }
    }
  }`

/** Live: the signed-in member's points moved (the card's balance follows it, api/live.js). */
const POINTS_CHANGED = gql`
  subscription PointsChanged {
    pointsChanged { balance delta kind at }
  }`

module.exports = { POINTS_SUMMARY, POINTS_HISTORY, POINTS_CHANGED }
