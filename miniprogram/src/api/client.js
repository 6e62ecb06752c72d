/**
 * The one GraphQL client: adds the sign-in's token, refreshes it once on UNAUTHENTICATED and
 * retries, turns userErrors and failures into ApiError with a readable message, and resends
 * idempotent requests (queries, and mutations carrying an idempotency key) after network
 * failures with the very same body, so a retry can never count twice.
 */

const { post } = require('./http')
const { ApiError } = require('./errors')
const session = require('./session')

const RETRY_DELAYS_MS = [400, 1200]

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms))
}

function isQuery(document) {
  return !/^\s*(mutation|subscription)\b/.test(document)
}

function isUnauthenticated(res) {
  const errors = res.data && res.data.errors
  return !!errors && errors.some(e => (e.extensions || {}).classification === 'UNAUTHENTICATED')
}

/** Posts, resending after network failures and 5xx answers when the request is idempotent. */
async function send(body, token, retryable) {
  const headers = token ? { Authorization: 'Bearer ' + token } : {}
  for (let attempt = 0; ; attempt++) {
    const canRetry = retryable && attempt < RETRY_DELAYS_MS.length
    try {
      const res = await post(body, headers)
      if (res.statusCode < 500 || !canRetry) return res
    } catch (e) {
      if (!canRetry) throw e
    }
    await sleep(RETRY_DELAYS_MS[attempt])
  }
}

/** Makes sure there is a sign-in of this kind: members sign in silently, staff must log in. */
async function ensureSession(kind) {
  if (session.get(kind)) return
  if (kind === 'member') {
    await session.loginMember()
    return
  }
  throw unauthenticated(kind)
}

function unauthenticated(kind) {
  const error = new ApiError('UNAUTHENTICATED')
  error.kind = kind
  return error
}

/**
 * Renews the sign-in after UNAUTHENTICATED, unless another request already did since this one
 * was sent; a member whose refresh fails signs in again silently.
 */
async function renew(kind, usedToken) {
  const current = session.get(kind)
  if (current && current.accessToken !== usedToken) return
  if (await session.refresh(kind)) return
  if (kind === 'member') {
    await session.loginMember()
    return
  }
  throw unauthenticated(kind)
}

function interpret(res) {
  if (res.statusCode >= 500) throw new ApiError('SERVER')
  if (res.statusCode === 401) throw new ApiError('UNAUTHENTICATED')
  if (res.statusCode >= 400 || !res.data) throw new ApiError('BAD_REQUEST')
  if (res.data.errors && res.data.errors.length) throw ApiError.fromGraphQlErrors(res.data.errors)
  return res.data.data
}

/**
 * Runs a document and resolves with its `data`.
 * @param {object} [options]
 * @param {'member'|'staff'} [options.as='member'] whose sign-in to use
 * @param {boolean} [options.auth=true] false for documents anyone may run
 * @param {boolean} [options.idempotent] resend after network failures (default: queries only)
 */
async function request(document, variables = {}, options = {}) {
  const kind = options.as || 'member'
  const auth = options.auth !== false
  const retryable = options.idempotent === undefined ? isQuery(document) : !!options.idempotent
  const body = { query: document, variables }
  if (auth) await ensureSession(kind)
  const token = () => (auth && session.get(kind) ? session.get(kind).accessToken : null)
  const sentWith = token()
  let res = await send(body, sentWith, retryable)
  if (auth && isUnauthenticated(res)) {
    await renew(kind, sentWith)
    res = await send(body, token(), retryable)
    if (isUnauthenticated(res)) throw unauthenticated(kind)
  }
  return interpret(res)
}

/**
 * Runs a mutation and resolves with the payload of its one root field; rejects with the
 * payload's userErrors as an ApiError.
 */
async function mutate(document, variables = {}, options = {}) {
  const data = await request(document, variables, options)
  const payload = data[Object.keys(data)[0]]
  if (payload && payload.userErrors && payload.userErrors.length) throw ApiError.fromUserErrors(payload.userErrors)
  return payload
}

/** A key that makes a retried mutation (claim, adjust, purchase) count once, e.g. "claim-1a2b3c-...". */
function idempotencyKey(prefix) {
  const random = Math.random().toString(36).slice(2, 10)
  return `${prefix}-${Date.now().toString(36)}-${random}`
}

module.exports = { request, mutate, idempotencyKey, ensureSession, renew }
