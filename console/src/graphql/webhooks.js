import { gql } from '../api/documents.js'

const SUBSCRIPTION_FIELDS = `id clientId clientName url events description status consecutiveFailures disabledAt
  disabledReason secretRotatedAt createdAt`
const DELIVERY_FIELDS = `id eventId eventType status attempts nextAttemptAt lastAttemptAt deliveredAt lastStatusCode
  lastError createdAt`
const ERRORS = 'userErrors { field code message }'

export const WEBHOOK_SUBSCRIPTIONS = gql`
  query ConsoleWebhookSubscriptions($filter: WebhookSubscriptionFilter, $after: String) {
    webhookSubscriptions(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${SUBSCRIPTION_FIELDS} } }
    }
    disabled: webhookSubscriptions(filter: { status: DISABLED }, first: 5) {
      totalCount
      edges { node { id clientName url disabledAt disabledReason } }
    }
  }`

/** What the subscription form offers: the events and the active API clients. */
export const WEBHOOK_CHOICES = gql`
  query ConsoleWebhookChoices {
    webhookEventTypes { type name label }
    webhookClients { id name kind storeIds }
  }`

/** One subscription with a page of its delivery log (each delivery's attempts and payload). */
export const WEBHOOK_SUBSCRIPTION = gql`
  query ConsoleWebhookSubscription($id: ID!, $status: WebhookDeliveryStatus, $after: String) {
    webhookSubscription(id: $id) {
      ${SUBSCRIPTION_FIELDS}
      deliveries(status: $status, first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node {
          ${DELIVERY_FIELDS} payload
          attemptLog { attemptedAt durationMs statusCode error responseSnippet }
        } }
      }
    }
  }`

export const CREATE_WEBHOOK_SUBSCRIPTION = gql`
  mutation ConsoleCreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) { subscription { ${SUBSCRIPTION_FIELDS} } secret ${ERRORS} }
  }`

export const UPDATE_WEBHOOK_SUBSCRIPTION = gql`
  mutation ConsoleUpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {
    updateWebhookSubscription(input: $input) { subscription { ${SUBSCRIPTION_FIELDS} } ${ERRORS} }
  }`

export const PAUSE_WEBHOOK_SUBSCRIPTION = gql`
  mutation ConsolePauseWebhookSubscription($input: WebhookSubscriptionIdInput!) {
    pauseWebhookSubscription(input: $input) { subscription { id status } ${ERRORS} }
  }`

export const RESUME_WEBHOOK_SUBSCRIPTION = gql`
  mutation ConsoleResumeWebhookSubscription($input: WebhookSubscriptionIdInput!) {
    resumeWebhookSubscription(input: $input) { subscription { id status consecutiveFailures } ${ERRORS} }
  }`

export const DELETE_WEBHOOK_SUBSCRIPTION = gql`
  mutation ConsoleDeleteWebhookSubscription($input: WebhookSubscriptionIdInput!) {
    deleteWebhookSubscription(input: $input) { deletedSubscriptionId ${ERRORS} }
  }`

export const ROTATE_WEBHOOK_SECRET = gql`
  mutation ConsoleRotateWebhookSecret($input: WebhookSubscriptionIdInput!) {
    rotateWebhookSecret(input: $input) { subscription { id secretRotatedAt } secret ${ERRORS} }
  }`

export const SEND_TEST_WEBHOOK = gql`
  mutation ConsoleSendTestWebhook($input: WebhookSubscriptionIdInput!) {
    sendTestWebhook(input: $input) { delivery { ${DELIVERY_FIELDS} } ${ERRORS} }
  }`

export const REPLAY_WEBHOOK_DELIVERY = gql`
  mutation ConsoleReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
    replayWebhookDelivery(input: $input) { delivery { ${DELIVERY_FIELDS} } ${ERRORS} }
  }`
