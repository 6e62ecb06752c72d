/** Lottery documents: the lottery with its odds, drawing, and the member's draws. */
const { gql } = require('../gql')

const DRAW_FIELDS = `id lotteryId lotteryTitle poolVersion prizeKind prizeName fellToNothing pointsWon couponId mallRedemptionId costPoints
  createdAt`

const LOTTERY = gql`
  query Lottery($id: ID) {
    lotteryForMember(id: $id) {
      id title rulesText status startsAt endsAt costPoints dailyLimit totalLimit drawsLeftToday
      odds { kind name points probabilityBp probabilityText inStock }
    }
    me { id pointsBalance }
  }`

const DRAW_LOTTERY = gql`
  mutation DrawLottery($input: DrawLotteryInput!) {
    drawLottery(input: $input) {
      replayed pointsBalance
      draw { ${DRAW_FIELDS} }
      userErrors { field message code }
    }
  }`

const MY_LOTTERY_DRAWS = gql`
  query MyLotteryDraws($first: Int, $after: String) {
    myLotteryDraws(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ${DRAW_FIELDS} } }
    }
  }`

module.exports = { LOTTERY, DRAW_LOTTERY, MY_LOTTERY_DRAWS }
