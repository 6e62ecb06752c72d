/** Check-in while signed out on purpose: the sign-in block, nothing sent until the member taps 登录. */
const { flush, text } = require('../support/page')
const { signIn, signedOut, loginAnswer, sent, open } = require('../support/signed-out')

test('checkInWhileSignedOutOffersLoginAndLoadsAfterIt', async () => {
  signedOut()
  loginAnswer()
  wx.__server.on('CheckInCalendar', vars => ({ checkInCalendar: { month: vars.month, days: [], makeUpDays: [], checkedInToday: false,
    currentStreak: 0, longestStreak: 0, todayReward: 5, tomorrowReward: 6, makeUpsLeft: 2, makeUpCost: 20 } }))
  const page = await open('pages/checkin/index')
  expect(text(signIn(page), '.sign-in-button')).toBe('登录')
  expect(page.querySelector('.checkin-button')).toBeFalsy()
  expect(sent()).toEqual([])
  signIn(page).querySelector('.sign-in-button').dispatchEvent('tap', {})
  await flush()
  expect(sent()).toEqual(['Login', 'CheckInCalendar'])
  expect(text(page, '.checkin-button')).toBe('签到 +5')
})
