/** My points while signed out on purpose (opened from the card's links): the sign-in block, nothing sent. */
const { text } = require('../support/page')
const { signIn, signedOut, sent, open } = require('../support/signed-out')

test('pointsWhileSignedOutOfferLoginInsteadOfAnError', async () => {
  signedOut()
  const page = await open('pages/points/index')
  expect(text(signIn(page), '.signed-out-text')).toBe('你已退出登录')
  expect(page.querySelector('.summary-failed')).toBeFalsy()
  expect(wx.showToast).not.toHaveBeenCalled()
  expect(wx.showModal).not.toHaveBeenCalled()
  expect(sent()).toEqual([])
})
