import { gql } from '../api/documents.js'

/** The dashboard's cards: today's numbers of a store or the brand. */
export const TODAY_NUMBERS = gql`
  query ConsoleTodayNumbers($storeId: ID) {
    todayNumbers(storeId: $storeId) {
      day storeId newMembers orders salesCents buyers30d repurchaseRate30d pointsLiability pointsLiabilityCents
    }
  }`

/** The dashboard's trends: members, orders and sales per day, repurchase per week, points moved per day. */
export const DASHBOARD_TRENDS = gql`
  query ConsoleDashboardTrends($daily: AnalyticsRange!, $weekly: AnalyticsRange!) {
    memberGrowth(range: $daily) { series { start newMembers members } }
    salesAnalytics(range: $daily) { series { start orders salesCents memberSalesCents guestSalesCents } }
    weeklySales: salesAnalytics(range: $weekly) { series { start end buyers repeatBuyers repurchaseRate } }
    pointsEconomy(range: $daily) { liability liabilityCents series { start issued redeemed net } }
  }`

/** Stored value owed now (store managers and admins only: MARKETER may not read walletReport). */
export const DASHBOARD_WALLET = gql`
  query ConsoleDashboardWallet($range: AnalyticsRange!) {
    walletReport(range: $range) { liability { asOf principalCents bonusCents totalCents } }
  }`

export const SALES_ANALYTICS = gql`
  query ConsoleSalesAnalytics($range: AnalyticsRange!) {
    salesAnalytics(range: $range) {
      storeId
      total {
        orders salesCents averageOrderCents memberOrders memberSalesCents memberAverageOrderCents
        guestOrders guestSalesCents guestAverageOrderCents memberSalesShare buyers repeatBuyers
        repurchaseRate purchaseFrequency
      }
      series {
        start end orders salesCents averageOrderCents memberOrders memberSalesCents guestOrders guestSalesCents
        memberSalesShare buyers repeatBuyers repurchaseRate purchaseFrequency
      }
    }
  }`

export const MEMBER_GROWTH = gql`
  query ConsoleMemberGrowth($range: AnalyticsRange!) {
    memberGrowth(range: $range) {
      storeId growthRate
      total { start end newMembers newMembersWithPhone newMemberPhoneShare members membersWithPhone phoneShare }
      previous { start end newMembers }
      series { start end newMembers newMembersWithPhone members membersWithPhone phoneShare }
      byChannel { channel newMembers newMembersWithPhone }
      byStore { storeId storeName newMembers newMembersWithPhone }
    }
  }`

export const MEMBER_ACTIVITY = gql`
  query ConsoleMemberActivity($range: AnalyticsRange!) {
    memberActivity(range: $range) {
      storeId
      total { activeMembers members checkIns checkInMembers checkInRate pointsSpenders pointsSpent }
      series { start end activeMembers members checkIns checkInMembers checkInRate pointsSpenders pointsSpent }
    }
  }`

const HEALTH_METRIC = 'members base rate previousMembers previousBase previousRate change'

export const MEMBER_HEALTH = gql`
  query ConsoleMemberHealth($month: String!, $storeId: ID) {
    memberHealth(month: $month, storeId: $storeId) {
      month previousMonth storeId
      newMemberConversion { ${HEALTH_METRIC} }
      highValueRetention { ${HEALTH_METRIC} }
      pointsRedemption { ${HEALTH_METRIC} }
      campaignParticipation { ${HEALTH_METRIC} }
    }
  }`

export const CHURN_REPORT = gql`
  query ConsoleChurnReport($range: AnalyticsRange!) {
    churnReport(range: $range) {
      storeId churnedDays stagesAsOf unscored
      funnel { stage members share }
      total { start end customers churned retained rate }
      series { start end customers churned retained rate }
    }
  }`

const POINTS_FLOW = `start end issued earned checkIn referral campaign stampCards events lotteryPrizes rechargeBonus
  redeemed redeemedAtTill couponExchange makeUp mallRedemptions lotteryDraws
  expired reversedByRefunds returnedByRefunds adjustedUp adjustedDown imported net`

export const POINTS_ECONOMY = gql`
  query ConsolePointsEconomy($range: AnalyticsRange!) {
    pointsEconomy(range: $range) {
      storeId liability liabilityCents
      expiring { days points cents }
      total { ${POINTS_FLOW} }
      series { ${POINTS_FLOW} }
    }
  }`

export const TIER_REPORT = gql`
  query ConsoleTierReport($range: AnalyticsRange!) {
    tierReport(range: $range) {
      storeId
      tiers { level name members share }
      series { start end tiers { level name members } }
      moves { month reviewed reviewUpgrades reviewDowngrades instantUpgrades upgrades downgrades }
    }
  }`

export const LIFETIME_VALUE = gql`
  query ConsoleLifetimeValue($groupBy: LtvGroupBy!, $storeId: ID, $first: Int) {
    lifetimeValueBySegment(groupBy: $groupBy, storeId: $storeId) {
      groupBy storeId monthlyChurnRate expectedLifetimeMonths
      segments {
        key label members historicalValueCents averageHistoricalValueCents predictedValueCents
        averagePredictedValueCents lifetimeValueCents
      }
    }
    topMembersByValue(storeId: $storeId, first: $first) {
      memberId nickname orders historicalValueCents predictedValueCents lifetimeValueCents lastPurchaseOn
    }
  }`

export const MEMBER_LIFETIME_VALUE = gql`
  query ConsoleMemberLifetimeValue($memberId: ID!) {
    memberLifetimeValue(memberId: $memberId) {
      memberId nickname orders historicalValueCents averageOrderCents purchasesPerMonth firstPurchaseOn
      lastPurchaseOn predictedValueCents lifetimeValueCents monthlyChurnRate expectedLifetimeMonths
    }
  }`

export const ASSOCIATION_RULES = gql`
  query ConsoleAssociationRules($first: Int) {
    associationRules {
      asOf computedAt windowDays baskets minSupport minConfidence maxItemsetSize miningMillis ruleCount
      rules(first: $first) {
        text support confidence lift
        antecedent { sku name category }
        consequent { sku name category }
      }
    }
  }`

/** One report as CSV (a query with a payload: run it with useMutation, it answers userErrors). */
export const EXPORT_REPORT = gql`
  query ConsoleExportReport($input: ExportReportInput!) {
    exportReport(input: $input) {
      filename contentType rows csv
      userErrors { field code message }
    }
  }`

export const BACKFILL_ANALYTICS = gql`
  mutation ConsoleBackfillAnalytics($input: BackfillAnalyticsInput!) {
    backfillAnalytics(input: $input) {
      days
      userErrors { field code message }
    }
  }`

const EVENT_GROUP = 'members buyers orders salesCents buyerRate salesPerMemberCents'
const EVENT_NUMBERS = `events capacity confirmed waiting cancelled attended attendanceRate noShows pointsAwarded
  purchasesAfter { windowDays complete attendees { ${EVENT_GROUP} } nonAttendees { ${EVENT_GROUP} } }`

export const EVENT_REPORT = gql`
  query ConsoleEventReport($range: AnalyticsRange!, $first: Int) {
    eventReport(range: $range, first: $first) {
      storeId eventCount purchaseWindowDays
      total { ${EVENT_NUMBERS} }
      events { eventId title storeId storeName startsAt endsAt status numbers { ${EVENT_NUMBERS} } }
    }
  }`
