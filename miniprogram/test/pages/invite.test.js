/**
 * Invite friends: the code and its mini-program code, the share poster, the rules, invitations with
 * progress and rewards, sharing.
 */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')

const CODE_PATH = '/wxacode/k3y.png'
const CODE_URL = 'http://127.0.0.1:8080' + CODE_PATH

function myCode(nickname = '小明', avatarUrl = 'https://thirdwx.qlogo.cn/a.png') {
  return { me: { id: '1', nickname, avatarUrl, inviteMiniProgramCode: { imagePath: CODE_PATH } } }
}

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

beforeEach(() => {
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  wx.__server.on('MyInviteCode', () => myCode())
})

test('theInviteCodeIsShownBigWithTheMiniProgramCodeWeChatOpens', async () => {
  wx.__server.on('InvitePage', () => invitePage([]))
  const page = await open()
  expect(text(page, '.code')).toBe('AB12CD')
  expect(page.querySelector('.wxacode')).toBeTruthy()
  expect(page.instance.data.codeUrl).toBe(CODE_URL)
  expect(page.querySelector('qr-code')).toBeFalsy()
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
  expect(share.path).toBe('/pages/welcome/index?inviter=AB12CD')
  expect(share.title).toBeTruthy()
  await flush()
  expect(wx.__server.calls('RecordShare')).toEqual([{ input: { page: 'pages/welcome/index' } }])
})

test('aFailedShareRecordStillShares', async () => {
  wx.__server.on('InvitePage', () => invitePage([]))
  wx.__server.on('RecordShare', () => { throw 'NETWORK' })
  const page = await open()
  expect(page.instance.onShareAppMessage({ from: 'menu' }).path).toBe('/pages/welcome/index?inviter=AB12CD')
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

test('aCodeWeChatCannotMakeNowSaysSoAndATapTriesAgainWhileTheRestOfThePageShows', async () => {
  let up = false
  wx.__server.on('InvitePage', () => invitePage([]))
  wx.__server.on('MyInviteCode', () => (up ? myCode()
    : { errors: [{ message: '微信服务暂时不可用，请稍后再试', extensions: { code: 'WECHAT_UNAVAILABLE' } }] }))
  const page = await open()
  expect(text(page, '.code-failed')).toBe('小程序码加载失败，点击重试')
  expect(text(page, '.code')).toBe('AB12CD')
  expect(page.querySelector('.make-poster').dom.className).toContain('disabled')
  up = true
  tap(page, '.code-failed')
  await flush()
  expect(page.querySelector('.code-failed')).toBeFalsy()
  expect(page.querySelector('.wxacode')).toBeTruthy()
  expect(page.querySelector('.make-poster').dom.className).not.toContain('disabled')
})

/** A canvas 2d node whose context records every call; images "load" whatever src they get. */
function fakeCanvas() {
  const calls = []
  const ctx = {}
  for (const name of ['fillRect', 'fillText', 'drawImage', 'beginPath', 'arc', 'clip', 'save', 'restore', 'scale']) {
    ctx[name] = jest.fn((...args) => calls.push([name, ...args]))
  }
  const canvas = {
    width: 0,
    height: 0,
    getContext: jest.fn(() => ctx),
    createImage: () => {
      const image = {}
      Object.defineProperty(image, 'src', { set(v) { this.loaded = v; setTimeout(() => this.onload(), 0) }, get() { return this.loaded } })
      return image
    }
  }
  return { canvas, ctx, calls }
}

function withCanvas(canvas) {
  wx.createSelectorQuery = jest.fn(() => {
    const query = { in: () => query, select: () => query, fields: () => query, exec: cb => cb([{ node: canvas }]) }
    return query
  })
  wx.getWindowInfo = jest.fn(() => ({ pixelRatio: 2 }))
  wx.downloadFile = jest.fn(({ url, success, fail }) => setTimeout(() => (url.includes('qlogo') && wx.__avatarFails
    ? fail({ errMsg: 'downloadFile:fail' })
    : success({ statusCode: 200, tempFilePath: 'wxfile://tmp/' + url.split('/').pop() })), 0))
  wx.canvasToTempFilePath = jest.fn(({ success }) => setTimeout(() => success({ tempFilePath: 'wxfile://poster.png' }), 0))
  wx.saveImageToPhotosAlbum = jest.fn()
  wx.openSetting = jest.fn()
}

async function makePoster() {
  wx.__server.on('InvitePage', () => invitePage([]))
  const page = await open()
  tap(page, '.make-poster')
  await flush(30)
  return page
}

test('thePosterShowsTheBrandTheInviterTheFriendsRewardAndTheMiniProgramCode', async () => {
  const { canvas, calls } = fakeCanvas()
  withCanvas(canvas)
  const page = await makePoster()
  const written = calls.filter(c => c[0] === 'fillText').map(c => c[1])
  expect(written).toEqual(['会员中心', '小明 邀你成为会员', '注册即得30积分欢迎礼', '长按识别小程序码，加入会员'])
  const drawn = calls.filter(c => c[0] === 'drawImage').map(c => c[1].src)
  expect(drawn).toEqual(['wxfile://tmp/a.png', 'wxfile://tmp/k3y.png'])
  expect(wx.downloadFile.mock.calls.map(c => c[0].url)).toContain(CODE_URL)
  expect(canvas.width).toBe(600)
  expect(wx.canvasToTempFilePath.mock.calls[0][0].canvas).toBe(canvas)
  expect(page.querySelector('.poster-preview')).toBeTruthy()
  expect(page.instance.data.posterPath).toBe('wxfile://poster.png')
})

test('anAvatarThatCannotBeLoadedBecomesTheNicknamesFirstCharacter', async () => {
  const { canvas, calls } = fakeCanvas()
  withCanvas(canvas)
  wx.__avatarFails = true
  await makePoster()
  expect(calls.filter(c => c[0] === 'fillText').map(c => c[1])).toContain('小')
  expect(calls.filter(c => c[0] === 'drawImage').map(c => c[1].src)).toEqual(['wxfile://tmp/k3y.png'])
})

test('savingThePosterPutsItInThePhotoAlbum', async () => {
  const { canvas } = fakeCanvas()
  withCanvas(canvas)
  wx.saveImageToPhotosAlbum = jest.fn(({ success }) => success({}))
  const page = await makePoster()
  tap(page, '.save-poster')
  await flush()
  expect(wx.saveImageToPhotosAlbum.mock.calls[0][0].filePath).toBe('wxfile://poster.png')
  expect(wx.showToast).toHaveBeenCalledWith({ title: '海报已保存到相册', icon: 'success' })
})

test('aRefusedAlbumPermissionExplainsAndOffersTheSettings', async () => {
  const { canvas } = fakeCanvas()
  withCanvas(canvas)
  wx.saveImageToPhotosAlbum = jest.fn(({ fail }) => fail({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }))
  const page = await makePoster()
  tap(page, '.save-poster')
  await flush()
  expect(wx.showModal.mock.calls[0][0]).toMatchObject({ title: '需要相册权限', confirmText: '去设置' })
  expect(wx.openSetting).toHaveBeenCalled()
  expect(wx.showToast).not.toHaveBeenCalledWith(expect.objectContaining({ title: '海报已保存到相册' }))
})

test('closingThePosterPutsThePageBack', async () => {
  const { canvas } = fakeCanvas()
  withCanvas(canvas)
  const page = await makePoster()
  tap(page, '.close-poster')
  await flush()
  expect(page.querySelector('.poster-layer')).toBeFalsy()
})
