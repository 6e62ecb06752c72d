/** Invite friends: the code and its QR, the rules, invitations with progress and rewards, sharing. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')

function node(nickname, status, rewards) {
  return { nickname, status, joinedAt: '2026-11-20T02:00:00Z', rewards }
}

function invitePage(nodes, pageInfo = { hasNextPage: false, endCursor: null }, total = nodes.length) {
  return { inviteRules: { registeredPoints: 60, firstPurchasePoints: 120, welcomePoints: 30, dailyCap: 5, lifetimeCap: 100 },
    me: { id: '1', inviteCode: 'AB12CD', inviteStats: { joined: 5, registered: 3, purchased: 1, pointsEarned: 1250 },
    invitations: { totalCount: total, edges: nodes.map((n, i) => ({ cursor: 'c' + i, node: n })), pageInfo } } }
}

async function open() {
  const page = loadPage('pages/invite/index')
  await page.instance.onLoad({})
  await flush()
  return page
}

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

test('theInviteCodeIsShownBigWithAQrOfTheSharePath', async () => {
  wx.__server.on('InvitePage', () => invitePage([]))
  const page = await open()
  expect(text(page, '.code')).toBe('AB12CD')
  expect(page.instance.data.qrText).toBe('pages/card/index?inviter=AB12CD')
  expect(page.querySelector('qr-code')).not.toBeNull()
  expect(texts(page, '.stat-value')).toEqual(['5', '3', '1', '1,250'])
  expect(text(page, '.empty-state')).toBe('还没有好友通过你的邀请加入，快去邀请吧')
  tap(page, '.copy')
  await flush()
  expect(wx.setClipboardData).toHaveBeenCalledWith({ data: 'AB12CD' })
})

test('theRulesStateTheBackendsRewardsAndCapsAndThatSharingIsNotRewarded', async () => {
  wx.__server.on('InvitePage', () => invitePage([]))
  const page = await open()
  const rules = texts(page, '.rule').join('\n')
  expect(rules).toContain('用手机号完成注册：你得60积分，好友得30积分欢迎礼')
  expect(rules).toContain('好友第一次消费：你再得120积分')
  expect(rules).toContain('每天最多奖励5位好友，累计最多100位')
  expect(rules).toContain('分享本身不奖励')
})

test('invitationsShowTheMaskedNicknameHowFarTheyGotAndTheRewards', async () => {
  wx.__server.on('InvitePage', () => invitePage([
    node('小*', 'PURCHASED', [{ kind: 'REGISTERED', points: 50, granted: true }, { kind: 'FIRST_PURCHASE', points: 100, granted: true }]),
    node('阿**', 'REGISTERED', [{ kind: 'REGISTERED', points: 50, granted: false }]),
    node('微信用户', 'JOINED', [])
  ]))
  const page = await open()
  expect(texts(page, '.nickname')).toEqual(['小*', '阿**', '微信用户'])
  expect(texts(page, '.status')).toEqual(['已消费', '已注册', '已进入'])
  expect(texts(page, '.reward')).toEqual(['注册奖励 +50积分', '首购奖励 +100积分', '注册奖励 已达上限', '尚无奖励'])
})

test('sharingSendsTheInviteCodeInThePathAndRecordsTheShare', async () => {
  wx.__server.on('InvitePage', () => invitePage([]))
  wx.__server.on('RecordShare', () => ({ recordShare: { recorded: true, userErrors: [] } }))
  const page = await open()
  const share = page.instance.onShareAppMessage({ from: 'button' })
  expect(share.path).toBe('/pages/card/index?inviter=AB12CD')
  expect(share.title).toBeTruthy()
  await flush()
  expect(wx.__server.calls('RecordShare')).toEqual([{ input: { page: 'pages/card/index' } }])
})

test('aFailedShareRecordStillShares', async () => {
  wx.__server.on('InvitePage', () => invitePage([]))
  wx.__server.on('RecordShare', () => { throw 'NETWORK' })
  const page = await open()
  expect(page.instance.onShareAppMessage({ from: 'menu' }).path).toBe('/pages/card/index?inviter=AB12CD')
  await flush()
  expect(wx.showToast).not.toHaveBeenCalled()
})

test('moreInvitationsLoadAtTheBottom', async () => {
  wx.__server.on('InvitePage', vars => (vars.after
    ? invitePage([node('丙*', 'JOINED', [])], { hasNextPage: false, endCursor: 'c9' }, 2)
    : invitePage([node('甲*', 'JOINED', [])], { hasNextPage: true, endCursor: 'c0' }, 2)))
  const page = await open()
  expect(text(page, '.footer')).toBe('上拉加载更多')
  await page.instance.onReachBottom()
  await flush()
  expect(wx.__server.calls('InvitePage')[1]).toEqual({ first: 20, after: 'c0' })
  expect(texts(page, '.nickname')).toEqual(['甲*', '丙*'])
  expect(text(page, '.footer')).toBe('没有更多了')
})

test('aFailedLoadOffersARetry', async () => {
  let up = false
  wx.__server.on('InvitePage', () => (up ? invitePage([]) : { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] }))
  const page = await open()
  expect(text(page, '.failed')).toBe('加载失败，点击重试')
  up = true
  tap(page, '.failed')
  await flush()
  expect(text(page, '.code')).toBe('AB12CD')
})
