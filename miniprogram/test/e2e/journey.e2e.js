/**
 * The mini-program against a real backend: a member signs in with wx.login, a clerk signs in with
 * a password; pages render what the backend says.
 */
const session = require('../../src/api/session')
const client = require('../../src/api/client')
const { loadPage, flush, texts } = require('../support/page')

const member = 'e2e' + Date.now().toString(36)

beforeAll(() => useRealWx(member))

test('memberSignsInWithWxLoginAndIsRegisteredOnce', async () => {
  const first = await session.loginMember()
  expect(first.registered).toBe(true)
  session.clear('member')
  const again = await session.loginMember()
  expect(again).toMatchObject({ registered: false, member: { id: first.member.id } })
})

test('rulesPageShowsTheBrandsTiersFromTheBackend', async () => {
  const page = loadPage('pages/rules/index')
  await page.instance.onLoad({})
  await flush()
  expect(texts(page, '.tier-name')).toEqual(['普通', '银卡', '金卡', '黑钻'])
})

test('clerkSignsInWithTheDemoPassword', async () => {
  const staff = await session.loginStaff('clerk-xuhui', 'demo-password')
  expect(staff).toMatchObject({ role: 'CLERK' })
  const wrong = await session.loginStaff('clerk-xuhui', 'wrong-password').catch(e => e)
  expect(wrong.code).toBe('BAD_CREDENTIALS')
})
