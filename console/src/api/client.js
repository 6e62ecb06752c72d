/**
 * gql(document, variables): one request to /graphql with the in-memory access token. An expired
 * token is renewed once from the cookie and the request repeated. A document with a root field the
 * signed-in role may not call is never sent (NOT_ALLOWED_FOR_ROLE): pages hide such actions, and
 * this keeps a slip from reaching the API.
 */
import { ApiError } from './errors.js'
import { operationOf } from './documents.js'
import { rolesFor } from './permissions.js'
import { session, refresh, onSignedIn } from './session.js'
import { CURRENT_STAFF } from '../graphql/session.js'

async function send(document, variables) {
  let response
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        ...(session.accessToken ? { Authorization: `Bearer ${session.accessToken}` } : {})
      },
      body: JSON.stringify({ query: document, variables })
    })
  } catch (e) {
    throw new ApiError('NETWORK')
  }
  if (response.status === 401) return { errors: [{ extensions: { classification: 'UNAUTHENTICATED' } }] }
  try {
    return await response.json()
  } catch (e) {
    throw new ApiError(response.status >= 500 ? 'SERVER' : 'BAD_REQUEST')
  }
}

function unauthenticated(result) {
  return (result.errors || []).some(e => (e.extensions || {}).classification === 'UNAUTHENTICATED')
}

function checkRole(document) {
  const role = session.staff && session.staff.role
  if (!role) return
  const { kind, rootFields } = operationOf(document)
  const refused = rootFields.filter(field => field !== '__typename' && !rolesFor(kind, field).includes(role))
  if (refused.length) {
    console.error(`[console] ${role} may not call ${refused.join(', ')}`)
    throw new ApiError('NOT_ALLOWED_FOR_ROLE')
  }
}

/** The `data` of a GraphQL request; GraphQL errors are thrown as ApiError. */
export async function gql(document, variables = {}) {
  checkRole(document)
  let result = await send(document, variables)
  if (unauthenticated(result) && session.accessToken) {
    await refresh()
    result = await send(document, variables)
  }
  if (result.errors && result.errors.length) throw ApiError.fromGraphQlErrors(result.errors)
  return result.data
}

/** A mutation's payload: its userErrors thrown as one ApiError, else the payload. */
export async function mutate(document, variables, field) {
  const data = await gql(document, variables)
  const payload = data[field || operationOf(document).rootFields[0]]
  if (payload && payload.userErrors && payload.userErrors.length) throw ApiError.fromUserErrors(payload.userErrors)
  return payload
}

onSignedIn(async () => (await gql(CURRENT_STAFF)).currentStaff)
