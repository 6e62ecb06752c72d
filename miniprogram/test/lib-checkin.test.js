/** The check-in button and lines: reward, running, done, tomorrow, make-ups left, confirmation. */
const c = require('../src/lib/checkin')

const calendar = overrides => Object.assign({ checkedInToday: false, todayReward: 5, tomorrowReward: 6,
  makeUpsLeft: 2, makeUpCost: 20, currentStreak: 2 }, overrides)

test('buttonOffersTodaysRewardIsDisabledWhileRunningAndDoneOnceCheckedIn', () => {
  expect(c.buttonView(calendar(), false)).toEqual({ text: '签到 +5', disabled: false, done: false })
  expect(c.buttonView(calendar(), true)).toEqual({ text: '签到中…', disabled: true, done: false })
  expect(c.buttonView(calendar({ checkedInToday: true, todayReward: 0 }), false)).toEqual({ text: '今天已签到', disabled: true, done: true })
  expect(c.buttonView(null, false).disabled).toBe(true)
})

test('tomorrowAndMakeUpLinesSayWhatTheyGiveAndCost', () => {
  expect(c.tomorrowText(calendar())).toBe('明天签到可得 6 积分')
  expect(c.makeUpText(calendar())).toBe('本月还可补签 2 次，每次 20 积分')
  expect(c.makeUpText(calendar({ makeUpsLeft: 0 }))).toBe('本月补签次数已用完')
})

test('makeUpConfirmationStatesDayAndCost', () => {
  expect(c.makeUpConfirm('2026-11-10', calendar())).toEqual({ title: '补签确认',
    content: '补签11月10日将消耗 20 积分（本月还可补签 2 次），确定补签吗？', confirmText: '补签', cancelText: '取消' })
})

test('resultLineShowsThePointsAndStreak', () => {
  expect(c.resultText({ day: '2026-11-23', streak: 3, points: 5, makeUp: false })).toBe('签到成功，获得 5 积分，已连续签到 3 天')
  expect(c.resultText({ day: '2026-11-10', streak: 1, points: 0, makeUp: true })).toBe('补签11月10日成功，已计入连续签到')
})
