/** After 退出登录 or closing the account the card stays signed out: the sign-in block, no code, no silent sign-in. */
const { flush, text } = require('../support/page')
const { signIn, CLOSES_AT, signedOut, loginAnswer, sent, open } = require('../support/signed-out')

test('theCardOfASignedOutMemberOffersLoginAndFetchesNoCode', async () => {
  signedOut()
  const page = await open('pages/card/index')
  expect(text(signIn(page), '.signed-out-text')).toBe('你已退出登录')
  expect(text(signIn(page), '.sign-in-button')).toBe('登录')
  expect(page.querySelector('.card')).toBeFalsy()
  expect(page.querySelector('.code-section')).toBeFalsy()
  await new Promise(resolve => setTimeout(resolve, 50))
  expect(wx.login).not.toHaveBeenCalled()
  expect(sent().filter(name => name !== 'ProgramRules')).toEqual([])
})

test('aClosingMembersCardOffersOnlyToCancelTheClosureThenShowsTheCard', async () => {
  signedOut({ reason: 'ACCOUNT_CLOSURE_PENDING', closesAt: CLOSES_AT })
  loginAnswer()
  wx.__server.on('MyCard', () => ({ me: { id: '7', nickname: null, tier: { level: 0, name: '普通' }, pointsBalance: 120,
    pointsExpiringSoon: [], tierProgress: null } }))
  wx.__server.on('MemberCode', () => ({ memberCode: { token: 't1', expiresAt: new Date(Date.now() + 60000).toISOString() } }))
  wx.__server.on('MemberCodeScan', () => ({ memberCodeScan: null }))
  const page = await open('pages/card/index')
  expect(text(signIn(page), '.closing-text')).toBe('账户将于2026-11-30注销')
  expect(wx.__server.calls('Login')).toEqual([])
  signIn(page).querySelector('.cancel-closure').dispatchEvent('tap', {})
  await flush()
  expect(wx.__server.calls('Login').map(v => v.input.cancelClosure)).toEqual([true])
  expect(text(page, '.balance')).toBe('120')
  expect(page.querySelector('#sign-in')).toBeFalsy()
  page.instance.onHide()
})
