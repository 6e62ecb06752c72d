import { gql } from '../api/documents.js'

const USER_ERRORS = 'userErrors { field message code }'
const CLIENT = 'id name kind status scopes storeIds createdAt updatedAt lastUsedAt revokedAt previousSecretExpiresAt'

export const API_CLIENTS = gql`
  query ConsoleApiClients($filter: ApiClientFilter, $after: String) {
    apiClients(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${CLIENT} } }
    }
  }`

export const API_CLIENT = gql`
  query ConsoleApiClient($id: ID!) {
    apiClient(id: $id) { ${CLIENT} }
  }`

export const API_CLIENT_SCOPES = gql`
  query ConsoleApiClientScopes {
    apiClientScopes { scope description }
  }`

/** What the client did lately, from the audit trail. */
export const API_CLIENT_ACTIONS = gql`
  query ConsoleApiClientActions($clientId: ID) {
    staffActions(clientId: $clientId, first: 20) {
      totalCount
      edges { node { id at storeId action memberId detail } }
    }
  }`

export const CREATE_API_CLIENT = gql`
  mutation ConsoleCreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) { clientId clientSecret client { ${CLIENT} } ${USER_ERRORS} }
  }`

export const UPDATE_API_CLIENT = gql`
  mutation ConsoleUpdateApiClient($input: UpdateApiClientInput!) {
    updateApiClient(input: $input) { client { ${CLIENT} } ${USER_ERRORS} }
  }`

export const ROTATE_API_CLIENT_SECRET = gql`
  mutation ConsoleRotateApiClientSecret($input: ApiClientIdInput!) {
    rotateApiClientSecret(input: $input) { clientId clientSecret client { ${CLIENT} } ${USER_ERRORS} }
  }`

export const REVOKE_API_CLIENT = gql`
  mutation ConsoleRevokeApiClient($input: ApiClientIdInput!) {
    revokeApiClient(input: $input) { client { ${CLIENT} } ${USER_ERRORS} }
  }`
