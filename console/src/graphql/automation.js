import { gql } from '../api/documents.js'

const RULE_FIELDS = 'id rule enabled threshold packId message lastRuns { asOf acted ranAt skippedNoConsent skippedPackArchived }'

export const AUTOMATION_RULES = gql`
  query ConsoleAutomationRules {
    automationRules { ${RULE_FIELDS} }
  }`

/** The packs a rule may give (the brand's active ones), for the rule editor. */
export const AUTOMATION_PACKS = gql`
  query ConsoleAutomationPacks {
    couponPacks(first: 100) { edges { node { id name status } } }
  }`

export const UPDATE_AUTOMATION_RULE = gql`
  mutation ConsoleUpdateAutomationRule($input: UpdateAutomationRuleInput!) {
    updateAutomationRule(input: $input) { rule { ${RULE_FIELDS} } userErrors { field code message } }
  }`

export const FOLLOW_UP_TASKS = gql`
  query ConsoleFollowUpTasks($storeId: ID, $status: FollowUpStatus, $after: String) {
    followUpTasks(storeId: $storeId, status: $status, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id storeId reason status note dueOn createdAt updatedAt member { id nickname phone } } }
    }
  }`

export const UPDATE_FOLLOW_UP_TASK = gql`
  mutation ConsoleUpdateFollowUpTask($input: UpdateFollowUpTaskInput!) {
    updateFollowUpTask(input: $input) { task { id status note updatedAt } userErrors { field code message } }
  }`

export const SENT_NOTIFICATIONS = gql`
  query ConsoleSentNotifications($filter: SentNotificationFilter, $after: String) {
    sentNotifications(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id memberId recipient purpose channel status attempts dueAt sentAt lastError createdAt
        delivery { status at note } } }
    }
  }`

/** The member's full number for a call of the call list (manager, admin; audited). */
export const REVEAL_TASK_PHONE = gql`
  mutation ConsoleRevealTaskPhone($input: RevealMemberPhoneInput!) {
    revealMemberPhone(input: $input) { phone userErrors { field code message } }
  }`
