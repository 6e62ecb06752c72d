/**
 * Mine: profile view and editing, phone binding and avatar upload (through the privacy notice first), message
 * subscriptions on a tap, links, logout and the signed-out block.
 */
const { loadPage, flush, text, texts, tap, simulate, imageSrc } = require('../support/page')
const session = require('../../src/api/session')

const ACCEPTED = { currentNoticeVersion: 1, acceptedNoticeVersion: 1, noticeAccepted: true, marketing: false, closesAt: null }
const NOT_ACCEPTED = Object.assign({}, ACCEPTED, { acceptedNoticeVersion: null, noticeAccepted: false })
const NOTICE = { version: 1, title: '会员隐私政策（第 1 版）', current: true,
  text: '一、我们收集的信息\n1. 微信身份标识：用于登录。\n\n二、我们如何使用\n手机号加密保存。' }

const ALICE = { id: '1', nickname: '小爱', avatarUrl: null, phone: null, birthday: null, gender: 'UNKNOWN', tier: { level: 1, name: '银卡' } }

const TEMPLATES = [
  { purpose: 'BIRTHDAY', templateId: 'tmpl-birthday', remainingConsents: 2 },
  { purpose: 'COUPON_EXPIRING', templateId: 'tmpl-coupon', remainingConsents: 0 },
  { purpose: 'POINTS_EXPIRING', templateId: 'tmpl-points', remainingConsents: 1 },
  { purpose: 'REPURCHASE', templateId: 'tmpl-repurchase', remainingConsents: 5 }
]

const AVATAR_URL = 'http://127.0.0.1:8080/media/Vx3kq9ZpL0aB7cD2eF4gH6iJ8kL0mN2oP4qR6sT8uV0.jpg'


function fire(page, selector, type, detail) {
  const el = page.querySelector(selector)
  if (!el) throw new Error(`nothing at ${selector}`)
  el.dispatchEvent(type, { detail })
}

function memberPayload(field) {
  return vars => ({ [field]: { member: Object.assign({}, ALICE, vars.input.code ? { phone: '138****1234' } : vars.input), userErrors: [] } })
}

/** The member has (not) accepted the privacy notice; accepting it through updateConsents flips it. */
function consents(accepted) {
  let state = accepted ? ACCEPTED : NOT_ACCEPTED
  wx.__server.on('MyConsents', () => ({ myConsents: state }))
  wx.__server.on('PrivacyNotice', () => ({ privacyNotice: NOTICE }))
  wx.__server.on('UpdateConsents', vars => {
    state = Object.assign({}, ACCEPTED, { acceptedNoticeVersion: vars.input.acceptNoticeVersion })
    return { updateConsents: { consents: state, userErrors: [] } }
  })
}

async function open(member = ALICE, templates = TEMPLATES, noticeAccepted = true) {
  consents(noticeAccepted)
  wx.__server.on('MineProfile', () => ({ me: member }))
  wx.__server.on('SubscribeTemplates', () => ({ subscribeTemplates: templates }))
  const page = loadPage('pages/mine/index')
  await page.instance.onLoad({})
  await flush()
  return page
}

async function editing(page) {
  tap(page, '.edit')
  await flush()
}

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

test('theProfileShowsNicknameTierBirthdayAndGender', async () => {
  const page = await open(Object.assign({}, ALICE, { birthday: '1992-05-08', gender: 'FEMALE' }))
  expect(text(page, '.nickname')).toBe('小爱')
  expect(text(page, '.tier')).toBe('银卡')
  expect(text(page, '.details')).toBe('生日 1992-05-08 · 性别 女')
  expect(text(page, '.avatar-placeholder')).toBe('小')
})

test('theStoredValueCardShowsItsBalanceWithPrincipalAndBonus', async () => {
  const page = await open(Object.assign({}, ALICE, { wallet: { balanceCents: 44000, principalCents: 40000, bonusCents: 4000 } }))
  expect(text(page, '.wallet-balance')).toBe('¥440')
  expect(text(page, '.wallet-detail')).toBe('本金 ¥400 · 赠送 ¥40')
})

test('withoutACardThereIsNoStoredValueRow', async () => {
  const page = await open()
  expect(page.querySelector('.wallet')).toBeFalsy()
})

test('savingSendsOnlyWhatChanged', async () => {
  wx.__server.on('UpdateProfile', memberPayload('updateProfile'))
  const page = await open()
  await editing(page)
  expect(text(page, '.birthday-note')).toBe('生日用于发放生日礼遇，设置后一年内只能修改一次')
  fire(page, '.nickname-input', 'input', { value: '  爱丽丝 ' })
  wx.__uploadHandler = () => ({ statusCode: 200, data: { url: AVATAR_URL } })
  fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: 'http://tmp/avatar.jpeg' })
  fire(page, '.birthday-picker', 'change', { value: '1992-05-08' })
  fire(page, '.gender-picker', 'change', { value: '2' })
  await flush()
  expect(text(page, '.gender-value')).toBe('女')
  tap(page, '.save')
  await flush()
  expect(wx.__server.calls('UpdateProfile')).toEqual([{ input: { nickname: '爱丽丝', avatarUrl: AVATAR_URL,
    birthday: '1992-05-08', gender: 'FEMALE' } }])
  expect(text(page, '.nickname')).toBe('爱丽丝')
  expect(text(page, '.details')).toBe('生日 1992-05-08 · 性别 女')
  expect(wx.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
})

test('aChosenAvatarShowsAtOnceIsUploadedWithTheSignInAndSavedAsTheUrlTheBackendGave', async () => {
  wx.__server.on('UpdateProfile', memberPayload('updateProfile'))
  wx.__uploadHandler = () => ({ statusCode: 200, data: { url: AVATAR_URL } })
  const page = await open()
  await editing(page)
  fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: 'http://tmp/avatar.jpeg' })
  await simulate.sleep(0)
  // while it uploads: the chosen picture, the progress, and 保存 waits
  expect(imageSrc(page, '.avatar-button .avatar')).toBe('http://tmp/avatar.jpeg')
  expect(text(page, '.avatar-progress')).toBe('头像上传中 0%')
  expect(page.instance.data.avatarUploading).toBe(true)
  tap(page, '.save')
  await flush()
  expect(wx.__uploads).toEqual([{ url: 'http://127.0.0.1:8080/media/avatar', filePath: 'http://tmp/avatar.jpeg', name: 'file',
    header: { Authorization: 'Bearer a' } }])
  expect(text(page, '.avatar-progress')).toBeNull()
  expect(imageSrc(page, '.avatar-button .avatar')).toBe(AVATAR_URL)
  expect(wx.__server.calls('UpdateProfile')).toHaveLength(0)
  tap(page, '.save')
  await flush()
  expect(wx.__server.calls('UpdateProfile')).toEqual([{ input: { avatarUrl: AVATAR_URL } }])
  expect(imageSrc(page, '.profile .avatar')).toBe(AVATAR_URL)
})

test('aRefusedAvatarSaysWhyAndKeepsTheOldOne', async () => {
  wx.__server.on('UpdateProfile', memberPayload('updateProfile'))
  wx.__uploadHandler = () => ({ statusCode: 413, data: { errors: [{ message: '图片太大，请选择不超过 2MB 的图片',
    extensions: { code: 'UPLOAD_TOO_LARGE', classification: 'BAD_REQUEST' } }] } })
  const page = await open(Object.assign({}, ALICE, { avatarUrl: AVATAR_URL }))
  await editing(page)
  fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: 'http://tmp/huge.jpeg' })
  await flush()
  expect(text(page, '.avatar-error')).toBe('头像上传失败：图片太大，请选择不超过 2MB 的图片')
  expect(imageSrc(page, '.avatar-button .avatar')).toBe(AVATAR_URL)
  fire(page, '.nickname-input', 'input', { value: '新名字' })
  tap(page, '.save')
  await flush()
  expect(wx.__server.calls('UpdateProfile')).toEqual([{ input: { nickname: '新名字' } }])
})

/** A member who has not accepted the notice edits the profile and picks a picture; uploads are recorded. */
async function avatarChosenBeforeTheNotice() {
  const uploads = []
  wx.__uploadHandler = options => {
    uploads.push(options.filePath)
    return { statusCode: 200, data: { url: AVATAR_URL } }
  }
  const page = await open(ALICE, TEMPLATES, false)
  await editing(page)
  fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: 'http://tmp/avatar.jpeg' })
  await flush()
  return { page, uploads }
}

test('anAvatarChosenBeforeAcceptingThePrivacyNoticeIsUploadedOnceTheNoticeIsAccepted', async () => {
  const { page, uploads } = await avatarChosenBeforeTheNotice()
  expect(text(notice(page), '.notice-title')).toBe('会员隐私政策（第 1 版）')
  expect(uploads).toEqual([])
  notice(page).querySelector('.agree').dispatchEvent('agreeprivacyauthorization', { detail: {} })
  await flush()
  expect(operations()).toEqual(['UpdateConsents'])
  expect(uploads).toEqual(['http://tmp/avatar.jpeg'])
  expect(imageSrc(page, '.avatar-button .avatar')).toBe(AVATAR_URL)
  neverShownNotAccepted()
})

test('anAvatarChosenAndTheNoticeDeclinedIsNeitherUploadedNorShown', async () => {
  const { page, uploads } = await avatarChosenBeforeTheNotice()
  tap(notice(page), '.decline')
  await flush()
  expect(uploads).toEqual([])
  expect(text(page, '.avatar-placeholder')).toBe('选择')
  expect(wx.showToast).toHaveBeenCalledWith({ title: '未同意隐私政策，资料未保存', icon: 'none' })
})

test('anUploadThatFindsTheSignInExpiredRenewsItAndSendsAgain', async () => {
  wx.__server.on('RefreshSession', () => ({ refreshSession: { accessToken: 'fresh', refreshToken: 'r2', expiresAt: null, userErrors: [] } }))
  wx.__uploadHandler = upload => (upload.header.Authorization === 'Bearer fresh'
    ? { statusCode: 200, data: { url: AVATAR_URL } }
    : { statusCode: 401, data: { errors: [{ message: 'Unauthenticated', extensions: { classification: 'UNAUTHENTICATED' } }] } })
  const page = await open()
  await editing(page)
  fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: 'http://tmp/avatar.jpeg' })
  await flush()
  expect(wx.__uploads.map(u => u.header.Authorization)).toEqual(['Bearer a', 'Bearer fresh'])
  expect(wx.__server.calls('RefreshSession')).toEqual([{ input: { refreshToken: 'r' } }])
  expect(text(page, '.avatar-error')).toBeNull()
  expect(imageSrc(page, '.avatar-button .avatar')).toBe(AVATAR_URL)
})

test('anUploadWithoutAConnectionOffersToTryAgain', async () => {
  wx.__uploadHandler = () => { throw 'NETWORK' }
  const page = await open()
  await editing(page)
  fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: 'http://tmp/avatar.jpeg' })
  await flush()
  expect(text(page, '.avatar-error')).toBe('头像上传失败：网络不给力，图片没有传上去，请重试')
  expect(text(page, '.avatar-placeholder')).toBe('选择')
  wx.__uploadHandler = () => ({ statusCode: 200, data: { url: AVATAR_URL } })
  fire(page, '.avatar-button', 'chooseavatar', { avatarUrl: 'http://tmp/avatar.jpeg' })
  await flush()
  expect(text(page, '.avatar-error')).toBeNull()
  expect(imageSrc(page, '.avatar-button .avatar')).toBe(AVATAR_URL)
})

test('anEmptyOrTooLongNicknameIsRefusedBeforeSending', async () => {
  wx.__server.on('UpdateProfile', memberPayload('updateProfile'))
  const page = await open()
  await editing(page)
  fire(page, '.nickname-input', 'input', { value: '   ' })
  tap(page, '.save')
  await flush()
  expect(text(page, '.nickname-error')).toBe('请填写昵称')
  fire(page, '.nickname-input', 'input', { value: '长'.repeat(33) })
  tap(page, '.save')
  await flush()
  expect(text(page, '.nickname-error')).toBe('昵称最多32个字')
  expect(wx.__server.calls('UpdateProfile')).toHaveLength(0)
  fire(page, '.nickname-input', 'input', { value: '长'.repeat(32) })
  tap(page, '.save')
  await flush()
  expect(wx.__server.calls('UpdateProfile')).toEqual([{ input: { nickname: '长'.repeat(32) } }])
})

test('nothingChangedSendsNothing', async () => {
  const page = await open()
  await editing(page)
  tap(page, '.save')
  await flush()
  expect(wx.__server.requests.filter(r => r.operationName === 'UpdateProfile')).toHaveLength(0)
  expect(text(page, '.nickname')).toBe('小爱')
})

test('aSecondBirthdayChangeWithinAYearIsShownOnTheField', async () => {
  wx.__server.on('UpdateProfile', () => ({ updateProfile: { member: null,
    userErrors: [{ field: ['input', 'birthday'], message: '生日一年内只能修改一次', code: 'BIRTHDAY_CHANGE_LIMIT' }] } }))
  const page = await open(Object.assign({}, ALICE, { birthday: '1992-05-08' }))
  await editing(page)
  fire(page, '.birthday-picker', 'change', { value: '1992-06-08' })
  tap(page, '.save')
  await flush()
  expect(text(page, '.birthday-error')).toBe('生日一年内只能修改一次')
  expect(wx.showModal).not.toHaveBeenCalled()
  expect(wx.showToast).toHaveBeenCalledWith({ title: '生日一年内只能修改一次', icon: 'none' })
})

test('bindingThePhoneSendsTheButtonsCodeAndShowsTheMaskedNumber', async () => {
  wx.__server.on('BindPhone', memberPayload('bindPhone'))
  const page = await open()
  expect(text(page, '.bind-phone')).toBe('绑定手机号')
  fire(page, '.bind-phone', 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code: 'phone-13800001234' })
  await flush()
  expect(wx.__server.calls('BindPhone')).toEqual([{ input: { code: 'phone-13800001234' } }])
  expect(text(page, '.phone-value')).toBe('138****1234')
  expect(text(page, '.bind-phone')).toBeNull()
})

test('aPhoneOfAMemberTheBrandImportedSignsInAsThatMember', async () => {
  const imported = Object.assign({}, ALICE, { id: '77', nickname: '王芳', phone: '138****1234' })
  wx.__server.on('BindPhone', () => ({ bindPhone: { member: imported, signInAgain: true, userErrors: [] } }))
  wx.__server.on('Login', () => ({ login: { accessToken: 'a-imported', refreshToken: 'r-imported', expiresAt: null,
    registered: false, closesAt: null, member: { id: '77', nickname: '王芳' }, userErrors: [] } }))
  const page = await open()
  fire(page, '.bind-phone', 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code: 'phone-13800001234' })
  await flush()
  expect(wx.__server.calls('Login')).toHaveLength(1)
  expect(wx.showToast).toHaveBeenCalledWith({ title: '已找回您的会员卡', icon: 'success' })
  expect(text(page, '.phone-value')).toBe('138****1234')
})

test('aPhoneInUseIsExplainedAndTheButtonStays', async () => {
  wx.__server.on('BindPhone', () => ({ bindPhone: { member: null,
    userErrors: [{ field: ['input', 'code'], message: '该手机号已被其他会员绑定', code: 'PHONE_IN_USE' }] } }))
  const page = await open()
  fire(page, '.bind-phone', 'getphonenumber', { code: 'phone-13800001234' })
  await flush()
  expect(wx.showToast).toHaveBeenCalledWith({ title: '该手机号已被其他会员绑定', icon: 'none' })
  expect(text(page, '.bind-phone')).toBe('绑定手机号')
})

test('refusingToShareThePhoneGetsAGentleWordAndSendsNothing', async () => {
  const page = await open()
  fire(page, '.bind-phone', 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' })
  await flush()
  expect(wx.showToast).toHaveBeenCalledWith({ title: '未授权手机号，可随时再来绑定', icon: 'none' })
  expect(wx.__server.requests.filter(r => r.operationName === 'BindPhone')).toHaveLength(0)
})

test('aBoundPhoneIsShownMasked', async () => {
  const page = await open(Object.assign({}, ALICE, { phone: '138****1234' }))
  expect(text(page, '.phone-value')).toBe('138****1234')
})

test('subscriptionsSayWhatEachIsForAndAreNeverAskedWithoutATap', async () => {
  const page = await open()
  // the backend also lists BIRTHDAY and REPURCHASE: marketing, never asked through one-time subscriptions
  expect(texts(page, '.template-title')).toEqual(['优惠券到期提醒', '积分到期提醒'])
  expect(texts(page, '.template-description')).toEqual(['你领到的优惠券到期前3天提醒你', '你的积分到期前提醒你及时使用'])
  expect(texts(page, '.template-remaining')).toEqual(['未订阅', '还可接收1条'])
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled()
})

test('subscribingAsksOnlyForServiceRemindersAndSendsOnlyTheAcceptedIds', async () => {
  wx.__server.on('GrantSubscribeConsent', vars => ({ grantSubscribeConsent: {
    templates: TEMPLATES.map(t => Object.assign({}, t, { remainingConsents: t.remainingConsents + (vars.input.templateIds.includes(t.templateId) ? 1 : 0) })),
    userErrors: [] } }))
  wx.requestSubscribeMessage.mockImplementation(options => options.success({ errMsg: 'requestSubscribeMessage:ok',
    'tmpl-coupon': 'accept', 'tmpl-points': 'reject' }))
  const page = await open()
  tap(page, '.subscribe')
  await flush()
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tmpl-coupon', 'tmpl-points'])
  expect(wx.__server.calls('GrantSubscribeConsent')).toEqual([{ input: { templateIds: ['tmpl-coupon'] } }])
  expect(texts(page, '.template-remaining')).toEqual(['还可接收1条', '还可接收1条'])
  expect(wx.showToast).toHaveBeenCalledWith({ title: '已订阅1项提醒', icon: 'success' })
})

test('withOnlyMarketingTemplatesNothingIsOfferedOrAsked', async () => {
  const page = await open(ALICE, [{ purpose: 'DORMANT_30', templateId: 'tmpl-dormant', remainingConsents: 0 },
    { purpose: 'REPURCHASE', templateId: 'tmpl-repurchase', remainingConsents: 0 }])
  expect(text(page, '.templates-empty')).toBe('暂无可订阅的提醒')
  expect(page.querySelector('.subscribe')).toBeFalsy()
  page.instance.subscribe()
  await flush()
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled()
})

test('acceptingNoneSendsNothing', async () => {
  wx.requestSubscribeMessage.mockImplementation(options => options.success({ 'tmpl-coupon': 'reject' }))
  const page = await open()
  tap(page, '.subscribe')
  await flush()
  expect(wx.__server.requests.filter(r => r.operationName === 'GrantSubscribeConsent')).toHaveLength(0)
  expect(wx.showToast).toHaveBeenCalledWith({ title: '未订阅，可随时再来开启', icon: 'none' })
})

test('linksGoToPointsWalletOrdersInviteLeaderboardRulesAndStaffLogin', async () => {
  const page = await open()
  for (const [key, url] of [['points', '/pages/points/index'], ['wallet', '/pages/wallet/index'],
    ['orders', '/pages/orders/index'], ['invite', '/pages/invite/index'],
    ['leaderboard', '/pages/leaderboard/index'], ['rules', '/pages/rules/index'],
    ['privacy', '/pages/privacy/index']]) {
    tap(page, `.link-${key}`)
    await flush()
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url })
  }
  tap(page, '.staff-login')
  await flush()
  expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/login/index' })
})

test('logoutAfterConfirmingEndsTheMembersSignIn', async () => {
  wx.__server.on('Logout', () => ({ logout: { revoked: true, userErrors: [] } }))
  const page = await open()
  tap(page, '.logout')
  await flush()
  expect(wx.__server.calls('Logout')).toEqual([{ input: { refreshToken: 'r' } }])
  expect(session.get('member')).toBeNull()
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/card/index' })
})

test('aFailedProfileLoadOffersARetry', async () => {
  let up = false
  wx.__server.on('MineProfile', () => (up ? { me: ALICE } : { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] }))
  wx.__server.on('SubscribeTemplates', () => ({ subscribeTemplates: [] }))
  const page = loadPage('pages/mine/index')
  await page.instance.onLoad({})
  await flush()
  expect(text(page, '.failed')).toBe('加载失败，点击重试')
  expect(text(page, '.templates-empty')).toBe('暂无可订阅的提醒')
  up = true
  tap(page, '.failed')
  await flush()
  expect(text(page, '.nickname')).toBe('小爱')
})

// The privacy notice before any profile write: read, agree, then the write, in one go.

const notice = page => page.querySelector('#privacy-notice')
const signIn = page => page.querySelector('#sign-in')

function operations() {
  return wx.__server.requests.map(r => r.operationName).filter(n => ['UpdateConsents', 'BindPhone', 'UpdateProfile'].includes(n))
}

async function tapPhoneButton(page, code = 'phone-13800001234') {
  const done = wx.__getPhoneNumber(detail => page.querySelector('.bind-phone').dispatchEvent('getphonenumber', { detail }), code)
  await flush()
  return done
}

function neverShownNotAccepted() {
  const shown = wx.showToast.mock.calls.map(c => c[0].title).concat(wx.showModal.mock.calls.map(c => c[0].content))
  expect(shown.join('|')).not.toMatch(/隐私政策，再完善|PRIVACY_NOTICE_NOT_ACCEPTED/)
}

test('aNewMemberReadsTheNoticeAgreesAndThePhoneIsBoundInOneGo', async () => {
  wx.__server.on('BindPhone', memberPayload('bindPhone'))
  const page = await open(ALICE, TEMPLATES, false)
  page.instance.onShow()
  expect(wx.onNeedPrivacyAuthorization).toHaveBeenCalled()
  const tapped = tapPhoneButton(page)
  await flush()
  // WeChat asked for the privacy authorization first: the notice is shown with the backend's text
  expect(text(notice(page), '.notice-title')).toBe('会员隐私政策（第 1 版）')
  expect(texts(notice(page), '.notice-line')).toEqual(['一、我们收集的信息', '1. 微信身份标识：用于登录。', '二、我们如何使用', '手机号加密保存。'])
  expect(operations()).toEqual([])
  notice(page).querySelector('.agree').dispatchEvent('agreeprivacyauthorization', { detail: {} })
  await tapped
  await flush()
  expect(wx.__privacy.agreed).toBe(true)
  expect(operations()).toEqual(['UpdateConsents', 'BindPhone'])
  expect(wx.__server.calls('UpdateConsents')).toEqual([{ input: { acceptNoticeVersion: 1 } }])
  expect(wx.__server.calls('BindPhone')).toEqual([{ input: { code: 'phone-13800001234' } }])
  expect(notice(page).querySelector('.notice-dialog')).toBeFalsy()
  expect(text(page, '.phone-value')).toBe('138****1234')
  expect(wx.showToast).toHaveBeenCalledWith({ title: '手机号已绑定', icon: 'success' })
  neverShownNotAccepted()
})

test('withWeChatsAuthorizationAlreadyGivenTheNoticeIsStillAcceptedBeforeBinding', async () => {
  wx.__privacy.agreed = true
  wx.__server.on('BindPhone', memberPayload('bindPhone'))
  const page = await open(ALICE, TEMPLATES, false)
  await tapPhoneButton(page)
  await flush()
  expect(text(notice(page), '.notice-title')).toBe('会员隐私政策（第 1 版）')
  expect(operations()).toEqual([])
  notice(page).querySelector('.agree').dispatchEvent('agreeprivacyauthorization', { detail: {} })
  await flush()
  expect(operations()).toEqual(['UpdateConsents', 'BindPhone'])
  expect(text(page, '.phone-value')).toBe('138****1234')
  neverShownNotAccepted()
})

test('decliningTheNoticeLeavesThePhoneUnboundWithAClearMessage', async () => {
  wx.__server.on('BindPhone', memberPayload('bindPhone'))
  const page = await open(ALICE, TEMPLATES, false)
  page.instance.onShow()
  const tapped = tapPhoneButton(page)
  await flush()
  tap(notice(page), '.decline')
  await tapped
  await flush()
  expect(wx.__privacy.agreed).toBe(false)
  expect(operations()).toEqual([])
  expect(text(page, '.bind-phone')).toBe('绑定手机号')
  expect(notice(page).querySelector('.notice-dialog')).toBeFalsy()
  expect(wx.showToast.mock.calls.map(c => c[0].title)).toEqual(['未同意隐私政策，资料未保存'])
})

test('savingTheProfileAsksForTheNoticeFirstThenSaves', async () => {
  wx.__server.on('UpdateProfile', memberPayload('updateProfile'))
  const page = await open(ALICE, TEMPLATES, false)
  await editing(page)
  fire(page, '.nickname-input', 'input', { value: '新名字' })
  tap(page, '.save')
  await flush()
  expect(text(notice(page), '.notice-title')).toBe('会员隐私政策（第 1 版）')
  notice(page).querySelector('.agree').dispatchEvent('agreeprivacyauthorization', { detail: {} })
  await flush()
  expect(operations()).toEqual(['UpdateConsents', 'UpdateProfile'])
  expect(text(page, '.nickname')).toBe('新名字')
  expect(wx.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
  neverShownNotAccepted()
})

test('decliningTheNoticeKeepsTheDraftAndSavesNothing', async () => {
  wx.__server.on('UpdateProfile', memberPayload('updateProfile'))
  const page = await open(ALICE, TEMPLATES, false)
  await editing(page)
  fire(page, '.nickname-input', 'input', { value: '新名字' })
  tap(page, '.save')
  await flush()
  tap(notice(page), '.decline')
  await flush()
  expect(operations()).toEqual([])
  expect(page.querySelector('.edit-form')).toBeTruthy()
  expect(wx.showToast).toHaveBeenCalledWith({ title: '未同意隐私政策，资料未保存', icon: 'none' })
})

test('aNoticePublishedMeanwhileIsAskedAndTheWriteSentAgainOnce', async () => {
  let refusals = 1
  wx.__server.on('UpdateProfile', vars => (refusals-- > 0
    ? { updateProfile: { member: null, userErrors: [{ field: null, message: '请先阅读并同意隐私政策，再完善个人资料', code: 'PRIVACY_NOTICE_NOT_ACCEPTED' }] } }
    : memberPayload('updateProfile')(vars)))
  const page = await open()
  await editing(page)
  fire(page, '.nickname-input', 'input', { value: '新名字' })
  tap(page, '.save')
  await flush()
  expect(text(notice(page), '.notice-title')).toBe('会员隐私政策（第 1 版）')
  notice(page).querySelector('.agree').dispatchEvent('agreeprivacyauthorization', { detail: {} })
  await flush()
  expect(operations()).toEqual(['UpdateProfile', 'UpdateConsents', 'UpdateProfile'])
  expect(text(page, '.nickname')).toBe('新名字')
  neverShownNotAccepted()
})

test('aNoticeThatFailsToLoadOffersARetry', async () => {
  const page = await open(ALICE, TEMPLATES, false)
  let up = false
  wx.__server.on('PrivacyNotice', () => (up ? { privacyNotice: NOTICE } : { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] }))
  await editing(page)
  fire(page, '.nickname-input', 'input', { value: '新名字' })
  tap(page, '.save')
  await flush()
  expect(text(notice(page), '.notice-failed')).toBe('加载失败，点击重试')
  // without the text there is nothing to agree to
  notice(page).querySelector('.agree').dispatchEvent('agreeprivacyauthorization', { detail: {} })
  await flush()
  expect(operations()).toEqual([])
  up = true
  tap(notice(page), '.notice-failed')
  await flush()
  expect(text(notice(page), '.notice-title')).toBe('会员隐私政策（第 1 版）')
})

// Signed out on purpose (退出登录, a closing account): never signed in silently.

function loginAnswers({ closing } = {}) {
  wx.__server.on('Login', vars => (closing && !vars.input.cancelClosure
    ? { login: { accessToken: null, refreshToken: null, expiresAt: null, registered: false, member: null,
      closesAt: '2026-11-30T02:00:00Z',
      userErrors: [{ field: [], message: '账户将于2026-11-30注销。如要继续使用，请选择“撤销注销并登录”', code: 'ACCOUNT_CLOSURE_PENDING' }] } }
    : { login: { accessToken: 'a2', refreshToken: 'r2', expiresAt: null, registered: false, closesAt: null,
      member: { id: '1', nickname: '小爱' }, userErrors: [] } }))
}

test('afterLogoutTheAppStaysSignedOutUntilTheMemberTapsLogin', async () => {
  wx.__server.on('Logout', () => ({ logout: { revoked: true, userErrors: [] } }))
  loginAnswers()
  let page = await open()
  tap(page, '.logout')
  await flush()
  // the relaunched app shows the signed-out block, and nothing signs in by itself
  page = await open()
  expect(text(signIn(page), '.signed-out-text')).toBe('你已退出登录')
  expect(text(signIn(page), '.sign-in-button')).toBe('登录')
  expect(page.querySelector('.logout')).toBeFalsy()
  expect(page.querySelector('.subscriptions')).toBeFalsy()
  expect(page.querySelector('.link-rules')).toBeTruthy()
  expect(page.querySelector('.link-points')).toBeFalsy()
  page.instance.onShow()
  page.instance.onShow()
  await flush()
  expect(wx.login).not.toHaveBeenCalled()
  expect(wx.__server.calls('Login')).toEqual([])
  expect(wx.__server.calls('MineProfile')).toHaveLength(1)

  tap(signIn(page), '.sign-in-button')
  await flush()
  expect(wx.__server.calls('Login')).toHaveLength(1)
  expect(wx.__server.calls('Login')[0].input.cancelClosure).toBeUndefined()
  expect(text(page, '.nickname')).toBe('小爱')
  expect(session.get('member').accessToken).toBe('a2')
})

test('aClosingMemberMustChooseToCancelTheClosure', async () => {
  wx.__server.on('Logout', () => ({ logout: { revoked: true, userErrors: [] } }))
  await session.logout('member')
  loginAnswers({ closing: true })
  const page = await open()
  tap(signIn(page), '.sign-in-button')
  await flush()
  expect(text(signIn(page), '.closing-text')).toBe('账户将于2026-11-30注销')
  expect(text(signIn(page), '.cancel-closure')).toBe('撤销注销并登录')
  expect(session.get('member')).toBeNull()
  tap(signIn(page), '.cancel-closure')
  await flush()
  expect(wx.__server.calls('Login').map(v => !!v.input.cancelClosure)).toEqual([false, true])
  expect(wx.showToast).toHaveBeenCalledWith({ title: '已撤销注销', icon: 'success' })
  expect(text(page, '.nickname')).toBe('小爱')
})
