import { gql } from '../api/documents.js'

const PRIZE_FIELDS = 'id kind name points couponTemplateId goodsId probabilityBp stock remaining'
const LOTTERY_FIELDS = `
  id title rulesText status startsAt endsAt costPoints dailyLimit totalLimit budgetPoints budgetCoupons
  pointsGiven couponsGiven createdAt updatedAt
  totals { draws pointsTaken prizesGiven budgetPointsLeft budgetCouponsLeft }`

export const LOTTERIES = gql`
  query ConsoleLotteries($status: LotteryStatus, $after: String) {
    lotteries(status: $status, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${LOTTERY_FIELDS} } }
    }
  }`

export const LOTTERY = gql`
  query ConsoleLottery($id: ID!) {
    lottery(id: $id) {
      ${LOTTERY_FIELDS}
      poolVersions { id version effectiveFrom createdAt prizes { ${PRIZE_FIELDS} } }
      recentDraws(first: 20) { id memberId poolVersion randomValue prizeKind prizeName fellToNothing pointsWon couponId mallRedemptionId costPoints createdAt }
    }
  }`

const PAYLOAD = `lottery { id status } userErrors { field message code }`

export const CREATE_LOTTERY = gql`
  mutation ConsoleCreateLottery($input: CreateLotteryInput!) { createLottery(input: $input) { ${PAYLOAD} } }`
export const UPDATE_LOTTERY = gql`
  mutation ConsoleUpdateLottery($input: UpdateLotteryInput!) { updateLottery(input: $input) { ${PAYLOAD} } }`
export const START_LOTTERY = gql`
  mutation ConsoleStartLottery($input: LotteryIdInput!) { startLottery(input: $input) { ${PAYLOAD} } }`
export const PAUSE_LOTTERY = gql`
  mutation ConsolePauseLottery($input: LotteryIdInput!) { pauseLottery(input: $input) { ${PAYLOAD} } }`
export const RESUME_LOTTERY = gql`
  mutation ConsoleResumeLottery($input: LotteryIdInput!) { resumeLottery(input: $input) { ${PAYLOAD} } }`
export const END_LOTTERY = gql`
  mutation ConsoleEndLottery($input: LotteryIdInput!) { endLottery(input: $input) { ${PAYLOAD} } }`
