/** Signed out on purpose (退出登录, a closing account) in page tests: the state, the sign-in block, what was sent. */
const { loadPage, flush } = require('./page')
const session = require('../../src/api/session')

const signIn = page => page.querySelector('#sign-in')
const CLOSES_AT = '2026-11-30T02:00:00Z'

function signedOut(state = { reason: 'SIGNED_OUT' }) {
  session.markSignedOut(state)
}

function loginAnswer() {
  wx.__server.on('Login', () => ({ login: { accessToken: 'a2', refreshToken: 'r2', expiresAt: null, registered: false,
    closesAt: null, member: { id: '7', nickname: null }, userErrors: [] } }))
}

function sent() {
  return wx.__server.requests.map(r => r.operationName)
}

async function open(path) {
  const page = loadPage(path)
  page.instance.onLoad({})
  if (page.instance.onShow) page.instance.onShow()
  await flush()
  return page
}

module.exports = { signIn, CLOSES_AT, signedOut, loginAnswer, sent, open }
