/**
 * Sign-ins kept in storage: one for the member (WeChat login) and one for staff (username and
 * password), so a clerk can also be a member on the same phone. Refreshes are single-flight: two
 * requests that find the access token expired share one refresh, because refresh tokens rotate
 * and presenting a rotated one revokes the whole sign-in.
 */

const config = require('../config')
const { post } = require('./http')
const { ApiError } = require('./errors')
const { LOGIN, REFRESH_SESSION, LOGOUT, STAFF_LOGIN } = require('./documents/auth')

const KEY = { member: 'loyalty.session.member', staff: 'loyalty.session.staff' }
const INVITER_KEY = 'loyalty.inviter'
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

/** Sends one auth mutation without a token and returns its payload, throwing on userErrors. */
async function authMutation(document, variables, field) {
  const res = await post({ query: document, variables })
  if (res.statusCode !== 200 || !res.data || res.data.errors) {
    throw res.data && res.data.errors ? ApiError.fromGraphQlErrors(res.data.errors) : new ApiError('SERVER')
  }
  const payload = res.data.data[field]
  if (payload.userErrors && payload.userErrors.length) throw ApiError.fromUserErrors(payload.userErrors)
  return payload
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
 * find no sign-in at the same moment share one sign-in.
 */
function loginMember(options = {}) {
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
  const payload = await authMutation(LOGIN, { input }, 'login')
  save('member', { accessToken: payload.accessToken, refreshToken: payload.refreshToken,
    expiresAt: payload.expiresAt, memberId: payload.member.id })
  wx.removeStorageSync(INVITER_KEY)
  wx.removeStorageSync(STORE_KEY)
  return payload
}

/** Signs staff in; the session remembers role and store so pages can show what they may do. */
async function loginStaff(username, password) {
  const payload = await authMutation(STAFF_LOGIN, { input: { username, password } }, 'staffLogin')
  save('staff', { accessToken: payload.accessToken, refreshToken: payload.refreshToken,
    expiresAt: payload.expiresAt, staff: payload.staff })
  return payload.staff
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

/** Ends the sign-in on the backend (best effort) and forgets it here. */
async function logout(kind = 'member') {
  const current = get(kind)
  clear(kind)
  if (current && current.refreshToken) {
    try {
      await authMutation(LOGOUT, { input: { refreshToken: current.refreshToken } }, 'logout')
    } catch (e) {
      // The token is gone here either way; an unreachable backend lets it expire on its own.
    }
  }
}

module.exports = { get, save, clear, loginMember, loginStaff, refresh, logout, rememberInviter, rememberStore, rememberOpening }
