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

async function open(consents) {
  wx.__server.on('MyConsents', () => ({ myConsents: consents }))
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
  expect(wx.__server.calls('UpdateConsents')).toEqual([{ input: { acceptNoticeVersion: 1 } }])
  expect(text(page, '.notice-accepted')).toBe('已同意《隐私政策》第 1 版')
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

test('closingTheAccountAfterTheWarningEndsTheSignInAndShowsTheCoolingOff', async () => {
  wx.__server.on('CloseAccount', () => ({ closeAccount: { closesAt: '2026-11-30T10:00:00+08:00', userErrors: [] } }))
  const page = await open(ACCEPTED)
  tap(page, '.close-account')
  await flush()
  expect(wx.__server.calls('CloseAccount')).toEqual([{ input: { confirm: true } }])
  expect(session.get('member')).toBeFalsy()
  expect(text(page, '.closing')).toBe('账号将于 2026-11-30 注销，期间重新打开小程序登录即可撤销')
  expect(page.querySelector('.close-account')).toBeFalsy()
})
