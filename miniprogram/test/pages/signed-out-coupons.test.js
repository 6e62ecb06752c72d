/** My coupons while signed out on purpose: the sign-in block instead of an error. */
const { text } = require('../support/page')
const { signIn, signedOut, sent, open } = require('../support/signed-out')

test('couponsWhileSignedOutOfferLoginInsteadOfAnError', async () => {
  signedOut()
  const page = await open('pages/coupons/index')
  expect(text(signIn(page), '.signed-out-text')).toBe('你已退出登录')
  expect(page.querySelector('.failed')).toBeFalsy()
  expect(wx.showToast).not.toHaveBeenCalled()
  expect(sent()).toEqual([])
})
