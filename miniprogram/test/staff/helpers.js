/** Helpers for the staff page tests: typing into fields, holding requests in flight, a signed-in staff. */
const { toResponse } = require('../support/fake-server')
const session = require('../../src/api/session')
const { type, blur } = require('../support/page')

/**
 * Keeps requests in flight until release(), so a test can look at the page while a request runs.
 * Requests still reach the fake server's records when released.
 */
function holdRequests() {
  const held = []
  wx.__requestOverride = options => held.push(options)
  return {
    get count() { return held.length },
    release() {
      wx.__requestOverride = null
      held.splice(0).forEach(options => options.success(toResponse(wx.__server.handle(options))))
    }
  }
}

/** Signs a staff member of this role in (session only; no request). */
function signIn(role, extra = {}) {
  session.save('staff', { accessToken: 'staff-a', refreshToken: 'staff-r',
    staff: Object.assign({ id: '7', username: 'u', displayName: role === 'CLERK' ? '小李' : '王店长', role,
      storeId: role === 'ADMIN' ? null : '1' }, extra) })
}

/** A payload with one userError. */
function userError(field, code, message, extra = {}) {
  return Object.assign({ userErrors: [{ field: ['input', field].filter(Boolean), message, code }] }, extra)
}

module.exports = { type, blur, holdRequests, signIn, userError }
