/** Leaderboard documents: a board with the member's own place, and the member's home store. */
const { gql } = require('../gql')

const LEADERBOARD_ME = gql`
  query LeaderboardMe {
    me { id registrationStoreId }
  }`

const LEADERBOARD = gql`
  query Leaderboard($input: LeaderboardInput!) {
    leaderboard(input: $input) {
      scope storeId period periodKey metric
      entries { rank nickname avatarUrl score }
      myEntry { rank nickname avatarUrl score }
    }
  }`

module.exports = { LEADERBOARD_ME, LEADERBOARD }
