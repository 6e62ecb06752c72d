/**
 * A new member binds their phone against a real backend (dev profile, fake WeChat): WeChat asks for
 * the privacy authorization, the app answers with the notice's text from the backend, the member
 * agrees once, and the consent and the phone are stored in one go (never PRIVACY_NOTICE_NOT_ACCEPTED).
 */
const { loadPage, text, waitFor } = require('../support/page')

const memberName = 'e2eph' + Date.now().toString(36)
const phone = '139' + String(Date.now()).slice(-8)

let wx
beforeAll(() => {
  wx = useRealWx(memberName)
})

test('aNewMemberReadsTheBackendsNoticeAgreesAndBindsThePhoneInOneTap', async () => {
  const page = loadPage('pages/mine/index')
  await page.instance.onLoad({})
  page.instance.onShow()
  await waitFor(() => text(page, '.bind-phone'))

  const tapped = wx.__getPhoneNumber(detail => page.querySelector('.bind-phone').dispatchEvent('getphonenumber', { detail }),
    'phone-' + phone)
  const notice = page.querySelector('#privacy-notice')
  await waitFor(() => text(notice, '.notice-title'))
  expect(text(notice, '.notice-title')).toBe('会员隐私政策（第 1 版）')
  expect(text(notice, '.notice-body')).toContain('手机号加密保存')
  notice.querySelector('.agree').dispatchEvent('agreeprivacyauthorization', { detail: {} })
  await tapped

  const shown = await waitFor(() => text(page, '.phone-value'))
  expect(shown).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`)
  const messages = wx.showToast.mock.calls.map(c => c[0].title).concat(wx.showModal.mock.calls.map(c => c[0].content))
  expect(messages).toEqual(['手机号已绑定'])
})
