/**
 * The staff member's sign-in. The access token lives only in memory; the refresh token is an
 * httpOnly SameSite=Strict cookie that script never sees (POST /console/session/*, see docs/api.md).
 * A reload or a new tab gets a fresh access token from the cookie. Refreshes are serialized across
 * tabs with the Web Locks API, so two tabs never present the same refresh token (which the backend
 * would take for theft and end the sign-in).
 */
import { reactive } from 'vue'
import { ApiError } from './errors.js'

export const session = reactive({
  accessToken: null,
  expiresAt: null,
  /** { id, username, displayName, role, storeId } once signed in */
  staff: null,
  mustChangePassword: false,
  /** true once the first restore() has finished (signed in or not) */
  ready: false
})

const RENEW_BEFORE_MS = 60_000
let renewTimer = null
let refreshing = null
let loadStaff = async () => null

/** Lets the client load currentStaff after a sign-in without an import cycle. */
export function onSignedIn(loader) {
  loadStaff = loader
}

async function post(path, body, token) {
  let response
  try {
    response = await fetch(`/console/session/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'X-Requested-With': 'loyalty-console',
        ...(token ? { Authorization: `Bearer ${token}` } : {})
      },
      body: JSON.stringify(body || {})
    })
  } catch (e) {
    throw new ApiError('NETWORK')
  }
  let json = {}
  try { json = await response.json() } catch (e) { /* empty or not JSON */ }
  if (json.userErrors && json.userErrors.length) throw ApiError.fromUserErrors(json.userErrors)
  if (response.status === 401) throw new ApiError('UNAUTHENTICATED')
  if (!response.ok) throw new ApiError(response.status >= 500 ? 'SERVER' : 'BAD_REQUEST')
  return json
}

function accept(tokens) {
  session.accessToken = tokens.accessToken
  session.expiresAt = tokens.expiresAt
  if (tokens.mustChangePassword !== undefined) session.mustChangePassword = !!tokens.mustChangePassword
  clearTimeout(renewTimer)
  const wait = new Date(tokens.expiresAt).getTime() - Date.now() - RENEW_BEFORE_MS
  if (wait > 0 && wait < 2 ** 31) renewTimer = setTimeout(() => refresh().catch(() => {}), wait)
}

function clear() {
  clearTimeout(renewTimer)
  session.accessToken = null
  session.expiresAt = null
  session.staff = null
  session.mustChangePassword = false
}

function exclusively(task) {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request('loyalty-console-refresh', task)
  return task()
}

/** A new access token from the cookie; one at a time in this tab and across tabs. */
export function refresh() {
  if (!refreshing) {
    refreshing = exclusively(() => post('refresh'))
      .then(tokens => { accept(tokens) })
      .catch(error => { clear(); throw error })
      .finally(() => { refreshing = null })
  }
  return refreshing
}

/** On start: signed in again from the cookie when it is still good, else signed out. */
export async function restore() {
  try {
    await refresh()
    session.staff = await loadStaff()
  } catch (e) {
    clear()
  } finally {
    session.ready = true
  }
}

export async function signIn(username, password) {
  const tokens = await post('login', { username, password })
  accept(tokens)
  session.staff = await loadStaff()
  session.ready = true
}

export async function changePassword(currentPassword, newPassword) {
  const tokens = await post('password', { currentPassword, newPassword }, session.accessToken)
  accept({ ...tokens, mustChangePassword: false })
  session.staff = await loadStaff()
}

/** Ends this sign-in (and clears the cookie). */
export async function signOut() {
  try { await post('logout') } finally { clear() }
}

export function signedIn() {
  return !!session.accessToken && !!session.staff
}
