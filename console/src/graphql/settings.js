import { gql } from '../api/documents.js'

/** Every field of a rule set, as programRules and programRulesVersion answer it. */
const RULES = `
  version effectiveFrom
  tiers { level name thresholdCents pointsMultiplier priceDiscount benefits }
  tierWindowMonths tierReviewsBeforeDrop pointsPerYuan
  categoryMultipliers { key factor } skuMultipliers { key factor }
  memberDays memberDayFactor birthdayPeriod birthdayFactor pointsPerYuanRedeemed expiryMonths
  checkIn { rewards afterLastDay makeUpCost makeUpsPerMonth rewardExpiryMonths }
  referral { registeredPoints firstPurchasePoints welcomePoints dailyCap lifetimeCap }
  welcomeCouponPackId welcomeMessage`

const USER_ERRORS = 'userErrors { field message code }'

/** Who a record names (StaffRef). */
const STAFF_REF = 'id username displayName'

// ---- programme rules ----

export const PROGRAM_RULES = gql`
  query ConsoleProgramRules {
    programRules { ${RULES} upcoming { version effectiveFrom } }
  }`

export const PROGRAM_RULES_VERSIONS = gql`
  query ConsoleProgramRulesVersions($after: String) {
    programRulesVersions(first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { version effectiveFrom status createdBy createdByStaff { ${STAFF_REF} } reason createdAt cancelledAt } }
    }
  }`

export const PROGRAM_RULES_VERSION = gql`
  query ConsoleProgramRulesVersion($version: Int!) {
    programRulesVersion(version: $version) {
      version effectiveFrom status createdBy createdByStaff { ${STAFF_REF} } reason createdAt cancelledAt
      rules { ${RULES} }
    }
  }`

/** The newest versions (the editor starts from the newest one not cancelled). */
export const NEWEST_PROGRAM_RULES_VERSIONS = gql`
  query ConsoleNewestProgramRulesVersions {
    programRulesVersions(first: 10) {
      edges { node { version effectiveFrom status rules { ${RULES} } } }
    }
  }`

export const SCHEDULE_PROGRAM_RULES = gql`
  mutation ConsoleScheduleProgramRules($input: ScheduleProgramRulesInput!) {
    scheduleProgramRules(input: $input) {
      scheduled { version status effectiveFrom reason }
      ${USER_ERRORS}
    }
  }`

export const CANCEL_SCHEDULED_PROGRAM_RULES = gql`
  mutation ConsoleCancelScheduledProgramRules($input: CancelScheduledProgramRulesInput!) {
    cancelScheduledProgramRules(input: $input) {
      scheduled { version status cancelledAt }
      ${USER_ERRORS}
    }
  }`

// ---- stores ----

const STORE = 'id name address phone status closedAt closeReason'

export const STORES = gql`
  query ConsoleStores($filter: StoreFilter, $after: String) {
    stores(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${STORE} } }
    }
  }`

export const STORE_MINI_PROGRAM_CODE = gql`
  query ConsoleStoreMiniProgramCode($storeId: ID) {
    storeMiniProgramCode(storeId: $storeId) { scene page imagePath }
  }`

export const CREATE_STORE = gql`
  mutation ConsoleCreateStore($input: CreateStoreInput!) {
    createStore(input: $input) { store { ${STORE} } ${USER_ERRORS} }
  }`

export const UPDATE_STORE = gql`
  mutation ConsoleUpdateStore($input: UpdateStoreInput!) {
    updateStore(input: $input) { store { ${STORE} } ${USER_ERRORS} }
  }`

export const CLOSE_STORE = gql`
  mutation ConsoleCloseStore($input: CloseStoreInput!) {
    closeStore(input: $input) { store { ${STORE} } ${USER_ERRORS} }
  }`

export const REOPEN_STORE = gql`
  mutation ConsoleReopenStore($input: ReopenStoreInput!) {
    reopenStore(input: $input) { store { ${STORE} } ${USER_ERRORS} }
  }`

// ---- staff ----

const STAFF = 'id username displayName role storeId enabled mustChangePassword'

export const STAFF_ACCOUNTS = gql`
  query ConsoleStaffAccounts($filter: StaffFilter, $after: String) {
    staffAccounts(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${STAFF} } }
    }
  }`

export const CREATE_STAFF = gql`
  mutation ConsoleCreateStaff($input: CreateStaffInput!) {
    createStaff(input: $input) { staff { ${STAFF} } ${USER_ERRORS} }
  }`

export const UPDATE_STAFF = gql`
  mutation ConsoleUpdateStaff($input: UpdateStaffInput!) {
    updateStaff(input: $input) { staff { ${STAFF} } ${USER_ERRORS} }
  }`

export const MOVE_STAFF = gql`
  mutation ConsoleMoveStaff($input: MoveStaffInput!) {
    moveStaff(input: $input) { staff { ${STAFF} } ${USER_ERRORS} }
  }`

export const SET_STAFF_ENABLED = gql`
  mutation ConsoleSetStaffEnabled($input: SetStaffEnabledInput!) {
    setStaffEnabled(input: $input) { staff { ${STAFF} } ${USER_ERRORS} }
  }`

export const RESET_STAFF_PASSWORD = gql`
  mutation ConsoleResetStaffPassword($input: ResetStaffPasswordInput!) {
    resetStaffPassword(input: $input) { temporaryPassword staff { ${STAFF} } ${USER_ERRORS} }
  }`

// ---- points approvals ----

const APPROVAL = `id memberId member { id nickname phone } delta reason requestedBy requestedByStaff { ${STAFF_REF} }
  requestedStoreId requestedAt capReason status decidedBy decidedByStaff { ${STAFF_REF} } decidedAt decisionNote
  balanceBefore balanceAfter`

export const POINTS_APPROVALS = gql`
  query ConsolePointsApprovals($status: PointsApprovalStatus, $after: String) {
    pointsApprovals(status: $status, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${APPROVAL} } }
    }
  }`

export const APPROVE_POINTS_ADJUSTMENT = gql`
  mutation ConsoleApprovePointsAdjustment($input: DecidePointsApprovalInput!) {
    approvePointsAdjustment(input: $input) { approval { ${APPROVAL} } ${USER_ERRORS} }
  }`

export const REJECT_POINTS_ADJUSTMENT = gql`
  mutation ConsoleRejectPointsAdjustment($input: DecidePointsApprovalInput!) {
    rejectPointsAdjustment(input: $input) { approval { ${APPROVAL} } ${USER_ERRORS} }
  }`

// ---- jobs ----

export const RUN_JOB = gql`
  mutation ConsoleRunJob($input: RunJobInput!) {
    runJob(input: $input) { job asOf summary ${USER_ERRORS} }
  }`

const JOB_RUN = 'id job asOf startedAt finishedAt outcome summary'

/** Every JobName (schema/jobs.graphqls and its extensions), for each job's last run. */
export const JOB_NAMES = ['POINTS_EXPIRY', 'TIER_REVIEW', 'COUPON_REMINDERS', 'MEMBER_SEGMENTS', 'AUTOMATION',
  'SEND_NOTIFICATIONS', 'ANALYTICS_ROLLUP', 'ECONOMY_ROLLUP', 'RECOMMENDATION_RULES', 'WALLET_BONUS_EXPIRY',
  'ACCOUNT_ERASURE', 'PRIVACY_RETENTION', 'CAMPAIGNS', 'LOTTERY_END']

/** The recorded runs, newest first, of one job or all. */
export const JOB_RUNS = gql`
  query ConsoleJobRuns($job: JobName, $after: String) {
    jobRuns(job: $job, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${JOB_RUN} } }
    }
  }`

/** The last run of each job, in one request (one alias per job, named as the job). */
export const LAST_JOB_RUNS = gql`
  query ConsoleLastJobRuns {
    ${JOB_NAMES.map(job => `${job}: jobRuns(job: ${job}, first: 1) { edges { node { ${JOB_RUN} } } }`).join('\n    ')}
  }`
