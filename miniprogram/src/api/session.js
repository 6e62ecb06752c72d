/**
 * Sign-ins kept in storage: one for the member (WeChat login) and one for staff (username and
 * password), so a clerk can also be a member on the same phone. Refreshes are single-flight: two
 * requests that find the access token expired share one refresh, because refresh tokens rotate
 * and presenting a rotated one revokes the whole sign-in.
 *
 * A member is signed in silently (wx.login) on first use, but never after 退出登录 or while their
 * account is closing: then only the member's own tap signs in again (loginMember({ explicit }) or
 * loginMember({ cancelClosure })), so the app can never cancel a closure or undo a sign-out by itself.
 */

const config = require('../config')
const { post } = require('./http')
const { ApiError } = require('./errors')
const { closingText } = require('../lib/sign-in')
const { LOGIN, REFRESH_SESSION, LOGOUT, STAFF_LOGIN } = require('./documents/auth')

const KEY = { member: 'loyalty.session.member', staff: 'loyalty.session.staff' }
const INVITER_KEY = 'loyalty.inviter'
const SIGNED_OUT_KEY = 'loyalty.session.member.signedOut'
const CLOSURE_PENDING = 'ACCOUNT_CLOSURE_PENDING'
const STORE_KEY = 'loyalty.registrationStore'
const refreshing = {}

function get(kind = 'member') {
  return wx.getStorageSync(KEY[kind]) || null
}

function save(kind, value) {
  wx.setStorageSync(KEY[kind], value)
}

function clear(kind = 'member') {
  wx.removeStorageSync(KEY[kind])
}

/** Sends one auth mutation without a token and returns its payload, throwing on userErrors (with the payload). */
async function authMutation(document, variables, field) {
  const res = await post({ query: document, variables })
  if (res.statusCode !== 200 || !res.data || res.data.errors) {
    throw res.data && res.data.errors ? ApiError.fromGraphQlErrors(res.data.errors) : new ApiError('SERVER')
  }
  const payload = res.data.data[field]
  if (payload.userErrors && payload.userErrors.length) {
    const error = ApiError.fromUserErrors(payload.userErrors)
    error.payload = payload
    throw error
  }
  return payload
}

/**
 * Why the member is signed out on purpose: { reason: 'SIGNED_OUT' } after 退出登录, or
 * { reason: 'ACCOUNT_CLOSURE_PENDING', closesAt } while the account is closing; null otherwise.
 */
function signedOut() {
  return wx.getStorageSync(SIGNED_OUT_KEY) || null
}

/** Forgets the member's sign-in and stays signed out (no silent sign-in) until the member signs in. */
function markSignedOut(state) {
  clear('member')
  wx.setStorageSync(SIGNED_OUT_KEY, state)
}

/** The error requests get while signed out on purpose; pages show the sign-in block for it. */
function signedOutError(state) {
  const error = state.reason === CLOSURE_PENDING
    ? new ApiError(CLOSURE_PENDING, state.closesAt ? closingText(state.closesAt) : '账户正在注销中')
    : new ApiError('SIGNED_OUT')
  error.closesAt = state.closesAt || null
  return error
}

function wxLogin() {
  const devName = config.devLoginName()
  if (devName) return Promise.resolve('dev-' + devName)
  return new Promise((resolve, reject) => {
    wx.login({
      success: res => resolve(res.code),
      fail: () => reject(new ApiError('NETWORK', '微信登录失败，请重试'))
    })
  })
}

/** Remembers who invited this member (from the page query `?inviter=`), for their first sign-in. */
function rememberInviter(code) {
  if (code) wx.setStorageSync(INVITER_KEY, code)
}

/** Remembers the store whose code opened the mini-program (scene `s=<id>`), for the first sign-in. */
function rememberStore(storeId) {
  if (storeId) wx.setStorageSync(STORE_KEY, String(storeId))
}

/**
 * What the opening link or code said (lib/scene: {inviterCode, storeId}), kept for the first
 * sign-in only: a member already signed in registered long ago, so nothing is kept for them.
 */
function rememberOpening(opened) {
  if (!opened || get('member')) return
  rememberInviter(opened.inviterCode)
  rememberStore(opened.storeId)
}

let signingIn = null

/**
 * Signs the member in with a fresh wx.login code; registers them on first use. Requests that
 * find no sign-in at the same moment share one sign-in. Without the member's tap
 * ({ explicit: true }, or { cancelClosure: true } for "撤销注销并登录") it refuses while the member is
 * signed out on purpose. A closing account's sign-in is refused by the backend
 * (ACCOUNT_CLOSURE_PENDING, error.closesAt) and the app stays signed out.
 */
function loginMember(options = {}) {
  const chosen = !!(options.explicit || options.cancelClosure)
  const state = signedOut()
  if (state && !chosen) return Promise.reject(signedOutError(state))
  if (chosen) return doLoginMember(options)
  if (!signingIn) signingIn = doLoginMember(options).finally(() => { signingIn = null })
  return signingIn
}

async function doLoginMember(options) {
  const code = await wxLogin()
  const input = { code }
  const inviterCode = wx.getStorageSync(INVITER_KEY)
  if (inviterCode) input.inviterCode = inviterCode
  const storeId = options.storeId || wx.getStorageSync(STORE_KEY)
  if (storeId) input.storeId = storeId
  if (options.cancelClosure) input.cancelClosure = true
  let payload
  try {
    payload = await authMutation(LOGIN, { input }, 'login')
  } catch (e) {
    if (e.code === CLOSURE_PENDING) {
      e.closesAt = e.payload.closesAt
      markSignedOut({ reason: CLOSURE_PENDING, closesAt: e.closesAt })
    }
    throw e
  }
  save('member', { accessToken: payload.accessToken, refreshToken: payload.refreshToken,
    expiresAt: payload.expiresAt, memberId: payload.member.id })
  wx.removeStorageSync(INVITER_KEY)
  wx.removeStorageSync(STORE_KEY)
  wx.removeStorageSync(SIGNED_OUT_KEY)
  return payload
}

/**
 * Signs staff in; the session remembers role and store so pages can show what they may do, and
 * whether the password was reset (mustChangePassword: only changeMyPassword works until it is
 * changed).
 */
async function loginStaff(username, password) {
  const payload = await authMutation(STAFF_LOGIN, { input: { username, password } }, 'staffLogin')
  saveStaff(payload, !!payload.mustChangePassword)
  return payload.staff
}

function saveStaff(payload, mustChangePassword) {
  save('staff', { accessToken: payload.accessToken, refreshToken: payload.refreshToken,
    expiresAt: payload.expiresAt, staff: payload.staff, mustChangePassword })
}

/**
 * Trades the refresh token for a new pair. Resolves true when the session was renewed, false
 * when it cannot be (no token, or the backend refused it: the session is then cleared).
 */
function refresh(kind = 'member') {
  if (!refreshing[kind]) {
    refreshing[kind] = doRefresh(kind).finally(() => { delete refreshing[kind] })
  }
  return refreshing[kind]
}

async function doRefresh(kind) {
  const current = get(kind)
  if (!current || !current.refreshToken) return false
  try {
    const payload = await authMutation(REFRESH_SESSION, { input: { refreshToken: current.refreshToken } }, 'refreshSession')
    save(kind, Object.assign({}, current, { accessToken: payload.accessToken,
      refreshToken: payload.refreshToken, expiresAt: payload.expiresAt }))
    return true
  } catch (e) {
    if (e.code === 'NETWORK') throw e
    clear(kind)
    return false
  }
}

/** Ends the sign-in on the backend (best effort) and forgets it here; a member stays signed out. */
async function logout(kind = 'member') {
  const current = get(kind)
  if (kind === 'member') markSignedOut({ reason: 'SIGNED_OUT' })
  else clear(kind)
  if (current && current.refreshToken) {
    try {
      await authMutation(LOGOUT, { input: { refreshToken: current.refreshToken } }, 'logout')
    } catch (e) {
      // The token is gone here either way; an unreachable backend lets it expire on its own.
    }
  }
}

module.exports = { get, save, clear, loginMember, loginStaff, saveStaff, refresh, logout, rememberInviter, rememberStore,
  rememberOpening, signedOut, markSignedOut }
