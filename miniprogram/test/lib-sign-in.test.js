/** The signed-out block: which errors show it, and what it says. */
const signIn = require('../src/lib/sign-in')
const { ApiError } = require('../src/api/errors')

test('aSignedOutMemberIsOfferedLogin', () => {
  expect(signIn.signInState(new ApiError('SIGNED_OUT'))).toEqual({ closing: false, closesAt: null, text: '你已退出登录' })
})

test('aClosingAccountShowsTheEraseDateInChinaTime', () => {
  const error = new ApiError('ACCOUNT_CLOSURE_PENDING', 'x')
  error.closesAt = '2026-11-30T17:00:00Z'
  expect(signIn.signInState(error)).toEqual({ closing: true, closesAt: '2026-11-30T17:00:00Z', text: '账户将于2026-12-01注销' })
})

test('otherErrorsAreNotAboutSigningIn', () => {
  expect(signIn.signInState(new ApiError('NETWORK'))).toBeNull()
  expect(signIn.signInState(new ApiError('UNAUTHENTICATED'))).toBeNull()
  expect(signIn.signInState(null)).toBeNull()
})
