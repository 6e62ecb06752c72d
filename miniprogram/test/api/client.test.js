/** The GraphQL client: sign-in, refresh on UNAUTHENTICATED, readable errors, safe retries. */
const client = require('../../src/api/client')
const session = require('../../src/api/session')
const { unauthenticated } = require('../support/fake-server')
const { gql } = require('../../src/api/gql')

const ME = gql`query Me { me { id } }`
const CLAIM = gql`mutation ClaimCoupon($input: GetCouponInput!) { claimCoupon(input: $input) { coupon { id } userErrors { field message code } } }`
const CHECK_IN = gql`mutation CheckIn { checkIn { checkIn { day } userErrors { field message code } } }`

function loginAnswers(server) {
  let n = 0
  server.on('Login', () => {
    n++
    return { login: { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresAt: '2026-11-23T10:00:00+08:00',
      registered: n === 1, member: { id: '7', nickname: null }, userErrors: [] } }
  })
}

function bearer(request) {
  return request.headers.Authorization
}

test('firstRequestSignsTheMemberInWithWxLoginAndSendsTheToken', async () => {
  const server = wx.__server
  loginAnswers(server)
  server.on('Me', () => ({ me: { id: '7' } }))
  const data = await client.request(ME)
  expect(data.me.id).toBe('7')
  expect(server.calls('Login')[0].input.code).toBe('dev-test-1')
  expect(bearer(server.requests[1])).toBe('Bearer access-1')
  expect(session.get('member').refreshToken).toBe('refresh-1')
})

test('inviterCodeFromThePageQueryGoesWithTheFirstSignInOnly', async () => {
  const server = wx.__server
  loginAnswers(server)
  server.on('Me', () => ({ me: { id: '7' } }))
  session.rememberInviter('INV123')
  await client.request(ME)
  session.clear('member')
  await client.request(ME)
  expect(server.calls('Login').map(v => v.input.inviterCode)).toEqual(['INV123', undefined])
})

test('expiredAccessTokenIsRefreshedOnceAndTheRequestRetried', async () => {
  const server = wx.__server
  session.save('member', { accessToken: 'stale', refreshToken: 'r1' })
  server.on('RefreshSession', v => ({ refreshSession: { accessToken: 'fresh', refreshToken: 'r2', expiresAt: null, userErrors: [] } }))
  server.on('Me', (v, req) => (bearer(req) === 'Bearer fresh' ? { me: { id: '7' } } : unauthenticated()))
  const data = await client.request(ME)
  expect(data.me.id).toBe('7')
  expect(server.calls('RefreshSession')).toEqual([{ input: { refreshToken: 'r1' } }])
  expect(session.get('member')).toMatchObject({ accessToken: 'fresh', refreshToken: 'r2' })
})

test('parallelRequestsWithAnExpiredTokenShareOneRefresh', async () => {
  const server = wx.__server
  session.save('member', { accessToken: 'stale', refreshToken: 'r1' })
  server.on('RefreshSession', () => ({ refreshSession: { accessToken: 'fresh', refreshToken: 'r2', expiresAt: null, userErrors: [] } }))
  server.on('Me', (v, req) => (bearer(req) === 'Bearer fresh' ? { me: { id: '7' } } : unauthenticated()))
  const results = await Promise.all([client.request(ME), client.request(ME), client.request(ME)])
  expect(results.map(r => r.me.id)).toEqual(['7', '7', '7'])
  expect(server.calls('RefreshSession')).toHaveLength(1)
})

test('memberWhoseRefreshTokenIsRefusedSignsInAgainSilently', async () => {
  const server = wx.__server
  session.save('member', { accessToken: 'stale', refreshToken: 'revoked' })
  server.on('RefreshSession', () => ({ refreshSession: { accessToken: null, refreshToken: null, expiresAt: null,
    userErrors: [{ field: [], message: '登录已失效，请重新登录', code: 'REFRESH_TOKEN_INVALID' }] } }))
  loginAnswers(server)
  server.on('Me', (v, req) => (bearer(req) === 'Bearer access-1' ? { me: { id: '7' } } : unauthenticated()))
  const data = await client.request(ME)
  expect(data.me.id).toBe('7')
  expect(server.calls('Login')).toHaveLength(1)
})

test('staffWhoseSessionCannotBeRenewedGetUnauthenticatedAndAreSentToStaffLogin', async () => {
  const server = wx.__server
  session.save('staff', { accessToken: 'stale', refreshToken: 'revoked' })
  server.on('RefreshSession', () => ({ refreshSession: { accessToken: null, refreshToken: null, expiresAt: null,
    userErrors: [{ field: [], message: '登录已失效', code: 'REFRESH_TOKEN_INVALID' }] } }))
  server.on('Me', () => unauthenticated())
  const error = await client.request(ME, {}, { as: 'staff' }).catch(e => e)
  expect(error).toMatchObject({ code: 'UNAUTHENTICATED', kind: 'staff' })
  expect(session.get('staff')).toBeNull()
  require('../../src/api/errors').showError(error)
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/staff/login/index' })
})

test('stillUnauthenticatedAfterRenewingFailsInsteadOfLooping', async () => {
  const server = wx.__server
  session.save('member', { accessToken: 'stale', refreshToken: 'r1' })
  server.on('RefreshSession', () => ({ refreshSession: { accessToken: 'fresh', refreshToken: 'r2', expiresAt: null, userErrors: [] } }))
  server.on('Me', () => unauthenticated())
  const error = await client.request(ME).catch(e => e)
  expect(error.code).toBe('UNAUTHENTICATED')
  expect(server.calls('Me')).toHaveLength(2)
})

test('userErrorsBecomeOneReadableMessageWithTheirCode', async () => {
  const server = wx.__server
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  server.on('CheckIn', () => ({ checkIn: { checkIn: null,
    userErrors: [{ field: [], message: '今天已经签到过了', code: 'ALREADY_CHECKED_IN' }] } }))
  const error = await client.mutate(CHECK_IN).catch(e => e)
  expect(error).toMatchObject({ name: 'ApiError', code: 'ALREADY_CHECKED_IN', message: '今天已经签到过了' })
})

test('networkFailureOfAnIdempotentMutationIsResentWithTheSameKey', async () => {
  const server = wx.__server
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  let attempts = 0
  server.on('ClaimCoupon', () => {
    if (++attempts < 3) throw 'NETWORK'
    return { claimCoupon: { coupon: { id: '9' }, userErrors: [] } }
  })
  const key = client.idempotencyKey('claim')
  const payload = await client.mutate(CLAIM, { input: { templateId: '1', idempotencyKey: key } }, { idempotent: true })
  expect(payload.coupon.id).toBe('9')
  expect(server.calls('ClaimCoupon').map(v => v.input.idempotencyKey)).toEqual([key, key, key])
})

test('networkFailureOfAMutationWithoutKeyIsNotResentAndSaysSoPlainly', async () => {
  const server = wx.__server
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  server.on('CheckIn', () => { throw 'NETWORK' })
  const error = await client.mutate(CHECK_IN).catch(e => e)
  expect(error).toMatchObject({ code: 'NETWORK', message: '网络不给力，请检查网络后重试' })
  expect(server.calls('CheckIn')).toHaveLength(1)
})

test('serverErrorOfAQueryIsRetriedThenReported', async () => {
  const server = wx.__server
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  server.on('Me', () => ({ statusCode: 503, data: 'down' }))
  const error = await client.request(ME).catch(e => e)
  expect(error.code).toBe('SERVER')
  expect(server.calls('Me')).toHaveLength(3)
})

test('idempotencyKeysDoNotRepeat', () => {
  const keys = new Set(Array.from({ length: 1000 }, () => client.idempotencyKey('k')))
  expect(keys.size).toBe(1000)
})

test('aRequestAnsweredAfterAnotherAlreadyRefreshedRetriesWithoutRefreshingAgain', async () => {
  const server = wx.__server
  session.save('member', { accessToken: 'stale', refreshToken: 'r1' })
  server.on('RefreshSession', v => ({ refreshSession: { accessToken: 'fresh-' + v.input.refreshToken,
    refreshToken: v.input.refreshToken + '+', expiresAt: null, userErrors: [] } }))
  server.on('Me', (v, req) => (bearer(req).startsWith('Bearer fresh') ? { me: { id: '7' } } : unauthenticated()))
  const original = wx.request.getMockImplementation()
  let sent = 0
  wx.request.mockImplementation(options => {
    if (++sent === 2) return setTimeout(() => original(options), 50) // the second request is answered late
    return original(options)
  })
  const results = await Promise.all([client.request(ME), client.request(ME)])
  expect(results.map(r => r.me.id)).toEqual(['7', '7'])
  expect(server.calls('RefreshSession')).toHaveLength(1)
})

test('developmentBuildCanSignInAsANamedDemoMemberAgainstTheFakeWeChat', async () => {
  const server = wx.__server
  loginAnswers(server)
  wx.setStorageSync('loyalty.devLogin', 'alice')
  await session.loginMember()
  wx.getAccountInfoSync.mockReturnValue({ miniProgram: { envVersion: 'release' } })
  await session.loginMember()
  expect(server.calls('Login').map(v => v.input.code)).toEqual(['dev-alice', 'dev-test-1'])
})

test('parallelFirstRequestsShareOneSignIn', async () => {
  const server = wx.__server
  loginAnswers(server)
  server.on('Me', () => ({ me: { id: '7' } }))
  await Promise.all([client.request(ME), client.request(ME), client.request(ME)])
  expect(server.calls('Login')).toHaveLength(1)
  expect(wx.login).toHaveBeenCalledTimes(1)
})

// Signed out on purpose: the app never signs the member in by itself.

const CLOSING = { login: { accessToken: null, refreshToken: null, expiresAt: null, registered: false, member: null,
  closesAt: '2026-11-30T02:00:00Z',
  userErrors: [{ field: [], message: '账户将于2026-11-30注销。如要继续使用，请选择“撤销注销并登录”', code: 'ACCOUNT_CLOSURE_PENDING' }] } }

test('afterLogoutRequestsAreRefusedLocallyAndNothingSignsInSilently', async () => {
  const server = wx.__server
  server.on('Logout', () => ({ logout: { revoked: true, userErrors: [] } }))
  loginAnswers(server)
  server.on('Me', () => ({ me: { id: '7' } }))
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  await session.logout('member')
  await expect(client.request(ME)).rejects.toMatchObject({ code: 'SIGNED_OUT', message: '你已退出登录，请登录后使用' })
  expect(wx.login).not.toHaveBeenCalled()
  expect(server.calls('Login')).toEqual([])
  expect(server.calls('Me')).toEqual([])

  // the member's own tap signs in, and from then on requests go through
  await session.loginMember({ explicit: true })
  expect((await client.request(ME)).me.id).toBe('7')
})

test('aRefusedRefreshDoesNotSignInAgainAfterLogoutRacedIt', async () => {
  const server = wx.__server
  session.save('member', { accessToken: 'stale', refreshToken: 'r1' })
  server.on('Logout', () => ({ logout: { revoked: true, userErrors: [] } }))
  server.on('RefreshSession', () => ({ refreshSession: { accessToken: null, refreshToken: null, expiresAt: null,
    userErrors: [{ field: [], message: '登录已失效，请重新登录', code: 'REFRESH_TOKEN_INVALID' }] } }))
  loginAnswers(server)
  let loggedOut
  server.on('Me', () => {
    loggedOut = session.logout('member')
    return unauthenticated()
  })
  await expect(client.request(ME)).rejects.toMatchObject({ code: 'SIGNED_OUT' })
  await loggedOut
  expect(server.calls('Login')).toEqual([])
})

test('aClosingAccountIsNotSignedInSilentlyAndStaysSignedOutWithItsEraseDate', async () => {
  const server = wx.__server
  server.on('Login', () => CLOSING)
  server.on('Me', () => ({ me: { id: '7' } }))
  await expect(client.request(ME)).rejects.toMatchObject({ code: 'ACCOUNT_CLOSURE_PENDING', closesAt: '2026-11-30T02:00:00Z' })
  // later requests do not try again by themselves: only the member's choice does
  await expect(client.request(ME)).rejects.toMatchObject({ code: 'ACCOUNT_CLOSURE_PENDING', message: '账户将于2026-11-30注销' })
  expect(server.calls('Login')).toHaveLength(1)
  expect(server.calls('Login')[0].input.cancelClosure).toBeUndefined()
  expect(session.signedOut()).toEqual({ reason: 'ACCOUNT_CLOSURE_PENDING', closesAt: '2026-11-30T02:00:00Z' })

  loginAnswers(server)
  await session.loginMember({ cancelClosure: true })
  expect(server.calls('Login')[1].input.cancelClosure).toBe(true)
  expect(session.signedOut()).toBeNull()
  expect((await client.request(ME)).me.id).toBe('7')
})
