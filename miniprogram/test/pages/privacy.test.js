/** Privacy: accepting the notice, the marketing switch, the data summary and closing the account. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')

const NEW_MEMBER = { currentNoticeVersion: 1, acceptedNoticeVersion: null, noticeAccepted: false, marketing: false, closesAt: null }
const ACCEPTED = Object.assign({}, NEW_MEMBER, { acceptedNoticeVersion: 1, noticeAccepted: true })

function consentsPayload(before) {
  return vars => {
    const after = Object.assign({}, before)
    if (vars.input.acceptNoticeVersion) Object.assign(after, { acceptedNoticeVersion: 1, noticeAccepted: true })
    if (vars.input.marketing !== undefined) after.marketing = vars.input.marketing
    return { updateConsents: { consents: after, userErrors: [] } }
  }
}

const NOTICE = { version: 1, title: '会员隐私政策（第 1 版）', current: true, text: '一、我们收集的信息\n二、我们如何使用' }
const notice = page => page.querySelector('#privacy-notice')
const signIn = page => page.querySelector('#sign-in')

async function open(consents) {
  wx.__server.on('MyConsents', () => ({ myConsents: consents }))
  wx.__server.on('PrivacyNotice', () => ({ privacyNotice: NOTICE }))
  const page = loadPage('pages/privacy/index')
  await page.instance.onLoad({})
  await flush()
  return page
}

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

test('aNewMemberAcceptsTheCurrentPrivacyNotice', async () => {
  wx.__server.on('UpdateConsents', consentsPayload(NEW_MEMBER))
  const page = await open(NEW_MEMBER)
  tap(page, '.accept-notice')
  await flush()
  // the notice's text first; nothing is recorded before 同意并继续
  expect(text(notice(page), '.notice-title')).toBe('会员隐私政策（第 1 版）')
  expect(texts(notice(page), '.notice-line')).toEqual(['一、我们收集的信息', '二、我们如何使用'])
  expect(wx.__server.calls('UpdateConsents')).toEqual([])
  notice(page).querySelector('.agree').dispatchEvent('agreeprivacyauthorization', { detail: {} })
  await flush()
  expect(wx.__server.calls('UpdateConsents')).toEqual([{ input: { acceptNoticeVersion: 1 } }])
  expect(text(page, '.notice-accepted')).toBe('已同意《隐私政策》第 1 版')
  expect(wx.showToast).toHaveBeenCalledWith({ title: '已同意隐私政策', icon: 'success' })
})

test('marketingConsentIsGivenAndWithdrawnWithTheSwitch', async () => {
  wx.__server.on('UpdateConsents', consentsPayload(ACCEPTED))
  const page = await open(ACCEPTED)
  page.querySelector('.marketing-switch').dispatchEvent('change', { detail: { value: true } })
  await flush()
  page.querySelector('.marketing-switch').dispatchEvent('change', { detail: { value: false } })
  await flush()
  expect(wx.__server.calls('UpdateConsents')).toEqual([{ input: { marketing: true } }, { input: { marketing: false } }])
  expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已关闭营销消息', icon: 'none' })
})

test('theDataExportIsSummarisedAndCanBeCopiedWhole', async () => {
  const json = '{"profile":{"id":"1"},"orders":[{},{}]}'
  wx.__server.on('ExportMyData', () => ({ exportMyData: { generatedAt: '2026-11-23T10:00:00+08:00', json,
    sections: [{ name: 'profile', count: 1 }, { name: 'orders', count: 2 }, { name: 'coupons', count: 0 }] } }))
  const page = await open(ACCEPTED)
  tap(page, '.export-button')
  await flush()
  expect(texts(page, '.summary-line')).toEqual(['个人资料 1 条', '订单 2 条'])
  tap(page, '.copy-export')
  await flush()
  expect(wx.setClipboardData).toHaveBeenCalledWith({ data: json })
})

test('closingTheAccountAfterTheWarningEndsTheSignInAndOffersOnlyToCancelIt', async () => {
  wx.__server.on('CloseAccount', () => ({ closeAccount: { closesAt: '2026-11-30T10:00:00+08:00', userErrors: [] } }))
  const page = await open(ACCEPTED)
  tap(page, '.close-account')
  await flush()
  expect(wx.showModal.mock.calls[0][0].content).toContain('7 天内可选择“撤销注销并登录”保留账号')
  expect(wx.__server.calls('CloseAccount')).toEqual([{ input: { confirm: true } }])
  expect(session.get('member')).toBeFalsy()
  expect(wx.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已申请注销',
    content: '账号将于 2026-11-30 注销，期间可选择“撤销注销并登录”保留账号' }))
  expect(text(signIn(page), '.closing-text')).toBe('账户将于2026-11-30注销')
  expect(text(signIn(page), '.cancel-closure')).toBe('撤销注销并登录')
  expect(page.querySelector('.close-account')).toBeFalsy()

  // opening the app again (any page) signs nothing in: the closure is never cancelled by itself
  const again = await open(ACCEPTED)
  expect(text(signIn(again), '.closing-text')).toBe('账户将于2026-11-30注销')
  expect(wx.login).not.toHaveBeenCalled()
  expect(wx.__server.calls('Login')).toEqual([])
  expect(wx.__server.calls('MyConsents')).toHaveLength(1)
})

test('cancellingTheClosureSignsInWithTheMembersChoiceAndShowsThePageAgain', async () => {
  wx.__server.on('CloseAccount', () => ({ closeAccount: { closesAt: '2026-11-30T10:00:00+08:00', userErrors: [] } }))
  wx.__server.on('Login', () => ({ login: { accessToken: 'a2', refreshToken: 'r2', expiresAt: null, registered: false,
    closesAt: null, member: { id: '1', nickname: null }, userErrors: [] } }))
  const page = await open(ACCEPTED)
  tap(page, '.close-account')
  await flush()
  tap(signIn(page), '.cancel-closure')
  await flush()
  expect(wx.__server.calls('Login')).toEqual([{ input: { code: 'dev-test-1', cancelClosure: true } }])
  expect(text(page, '.notice-accepted')).toBe('已同意《隐私政策》第 1 版')
  expect(page.querySelector('.close-account')).toBeTruthy()
})
