/**
 * The invited friend's welcome page: who invited them (masked) and what they get, before signing
 * in; 加入会员 signs in with the inviter's code and opens the card.
 */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')

function welcome(over = {}) {
  return { inviteWelcome: Object.assign({ inviterNickname: '王**', welcomePoints: 20, welcomeGift: '新人券包' }, over) }
}

function loginAnswer() {
  wx.__server.on('Login', () => ({ login: { accessToken: 'a1', refreshToken: 'r1', expiresAt: null, registered: true,
    member: { id: '9', nickname: null }, userErrors: [] } }))
}

/** Lets a tap's handler run without letting requests answer (they answer on a 0 ms timer). */
async function microtasks() {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

async function open(query) {
  const page = loadPage('pages/welcome/index')
  await page.instance.onLoad(query)
  await flush()
  return page
}

test('aFriendsCodeShowsWhoInvitedThemAndWhatTheyGetWithoutSigningIn', async () => {
  wx.__server.on('InviteWelcome', () => welcome())
  const page = await open({ scene: encodeURIComponent('i=AB12CD34') })
  expect(wx.__server.calls('InviteWelcome')).toEqual([{ inviterCode: 'AB12CD34' }])
  expect(wx.__server.requests[0].headers.Authorization).toBeUndefined()
  expect(wx.login).not.toHaveBeenCalled()
  expect(text(page, '.inviter')).toBe('王** 邀请你成为会员')
  expect(texts(page, '.gift')).toEqual(['用手机号完成注册，即得20积分欢迎礼', '新会员礼包：新人券包'])
  expect(text(page, '.join')).toBe('加入会员')
})

test('joiningSignsInWithTheInvitersCodeOnceAndOpensTheCard', async () => {
  wx.__server.on('InviteWelcome', () => welcome({ welcomeGift: null }))
  loginAnswer()
  const page = await open({ inviter: 'ab12cd34' })
  expect(texts(page, '.gift')).toEqual(['用手机号完成注册，即得20积分欢迎礼'])
  tap(page, '.join')
  tap(page, '.join')
  await flush()
  expect(wx.__server.calls('Login')).toHaveLength(1)
  expect(wx.__server.calls('Login')[0].input.inviterCode).toBe('AB12CD34')
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/card/index' })
})

test('whileJoiningTheButtonSaysSoAndAFailureLetsTheFriendTryAgain', async () => {
  wx.__server.on('InviteWelcome', () => welcome())
  let up = false
  wx.__server.on('Login', () => (up
    ? { login: { accessToken: 'a1', refreshToken: 'r1', expiresAt: null, registered: true, member: { id: '9' }, userErrors: [] } }
    : { statusCode: 500, data: null }))
  const page = await open({ scene: 'i%3DAB12CD34' })
  tap(page, '.join')
  await microtasks()
  expect(text(page, '.join')).toBe('加入中…')
  await flush()
  expect(text(page, '.join')).toBe('加入会员')
  expect(wx.showToast).toHaveBeenCalled()
  expect(wx.reLaunch).not.toHaveBeenCalled()
  up = true
  tap(page, '.join')
  await flush()
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/card/index' })
})

test('anUnknownInvitationStillLetsTheFriendJoin', async () => {
  wx.__server.on('InviteWelcome', () => ({ inviteWelcome: null }))
  const page = await open({ scene: 'i%3DZZZZ9999' })
  expect(text(page, '.no-invite')).toBe('没有找到这份邀请，你仍可直接加入会员')
  expect(page.querySelector('.inviter')).toBeFalsy()
  expect(text(page, '.join')).toBe('加入会员')
})

test('withoutAnInviteCodeNothingIsAskedAndTheFriendMayJoin', async () => {
  const page = await open({})
  expect(wx.__server.calls('InviteWelcome')).toEqual([])
  expect(text(page, '.no-invite')).toBe('没有找到这份邀请，你仍可直接加入会员')
})

test('aFailedLoadSaysSoAndATapTriesAgain', async () => {
  let up = false
  wx.__server.on('InviteWelcome', () => (up ? welcome() : { statusCode: 500, data: null }))
  jest.useFakeTimers()
  const page = loadPage('pages/welcome/index')
  page.instance.onLoad({ scene: 'i%3DAB12CD34' })
  await jest.advanceTimersByTimeAsync(3000)
  jest.useRealTimers()
  await flush()
  expect(text(page, '.failed')).toBe('加载失败，点击重试')
  up = true
  tap(page, '.failed')
  await flush()
  expect(text(page, '.inviter')).toBe('王** 邀请你成为会员')
})

test('whileLoadingThePageSaysSo', async () => {
  wx.__server.on('InviteWelcome', () => welcome())
  const page = loadPage('pages/welcome/index')
  page.instance.onLoad({ scene: 'i%3DAB12CD34' })
  expect(text(page, '.loading')).toBe('加载中…')
  await flush()
  expect(page.querySelector('.loading')).toBeFalsy()
})

test('aMemberAlreadySignedInIsToldTheWelcomeIsForNewFriends', async () => {
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  const page = await open({ scene: 'i%3DAB12CD34' })
  expect(text(page, '.member-already')).toContain('你已经是会员啦')
  expect(wx.__server.calls('InviteWelcome')).toEqual([])
  tap(page, '.to-card')
  await flush()
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/card/index' })
})
