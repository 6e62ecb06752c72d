/**
 * The check-in page: the month grid, streaks, today's button (one check-in however often it is
 * tapped), make-ups after a confirmation, and month navigation. Today is 2026-11-23 in China.
 */
const { loadPage, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')

const NOW = new Date('2026-11-23T02:00:00Z') // 10:00 in China

function calendar(overrides = {}) {
  return Object.assign({
    month: '2026-11',
    days: ['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-21', '2026-11-22'],
    makeUpDays: ['2026-11-05'],
    checkedInToday: false, currentStreak: 2, longestStreak: 3,
    todayReward: 5, tomorrowReward: 6, makeUpsLeft: 2, makeUpCost: 20
  }, overrides)
}

function afterCheckIn() {
  return calendar({ days: calendar().days.concat('2026-11-23'), checkedInToday: true, currentStreak: 3,
    todayReward: 0, tomorrowReward: 7 })
}

const settle = () => jest.advanceTimersByTimeAsync(20)
/** Lets taps (dispatched in a microtask) run without letting any request answer. */
async function microtasks() {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}
const classes = (page, selector) => page.querySelector(selector).dom.className
const dayText = (page, day) => text(page, `#d-${day}`)

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  wx.__server.on('CheckInCalendar', vars => ({ checkInCalendar: calendar({ month: vars.month, days: vars.month === '2026-11' ? calendar().days : ['2026-10-30'], makeUpDays: vars.month === '2026-11' ? ['2026-11-05'] : [] }) }))
})

afterEach(() => jest.useRealTimers())

async function openCheckIn() {
  const page = loadPage('pages/checkin/index')
  page.instance.onLoad({})
  page.instance.onShow()
  await settle()
  return page
}

describe('calendar', () => {
  test('monthGridHasAWeekdayHeaderFromMondayAndEveryDayMarked', async () => {
    const page = await openCheckIn()
    expect(wx.__server.calls('CheckInCalendar')).toEqual([{ month: '2026-11' }])
    expect(text(page, '.month-title')).toBe('2026年11月')
    expect(texts(page, '.weekday')).toEqual(['一', '二', '三', '四', '五', '六', '日'])
    expect(page.querySelectorAll('.day.blank')).toHaveLength(6) // 1 November 2026 is a Sunday
    expect(page.querySelectorAll('.day')).toHaveLength(36)
    expect(dayText(page, '2026-11-02')).toBe('2已签')
    expect(classes(page, '#d-2026-11-02')).toContain('checked')
    expect(dayText(page, '2026-11-05')).toBe('5已补')
    expect(classes(page, '#d-2026-11-05')).toContain('madeUp')
    expect(dayText(page, '2026-11-23')).toBe('23今天')
    expect(classes(page, '#d-2026-11-23')).toContain('today')
    expect(dayText(page, '2026-11-10')).toBe('10补签')
    expect(classes(page, '#d-2026-11-10')).toContain('can-make-up')
    expect(dayText(page, '2026-11-24')).toBe('24')
    expect(classes(page, '#d-2026-11-24')).toContain('future')
  })

  test('streaksTodaysRewardAndTomorrowAreShown', async () => {
    const page = await openCheckIn()
    expect(text(page, '.current-streak')).toBe('2')
    expect(text(page, '.longest-streak')).toBe('3')
    expect(text(page, '.checkin-button')).toBe('签到 +5')
    expect(text(page, '.tomorrow')).toBe('明天签到可得 6 积分')
    expect(text(page, '.make-up-hint')).toBe('本月还可补签 2 次，每次 20 积分；点击漏签的日子补签')
  })

  test('previousMonthCanBeShownButNotBeyondThisMonth', async () => {
    const page = await openCheckIn()
    expect(text(page, '.next-month')).toBe('')
    page.instance.nextMonth()
    await settle()
    expect(wx.__server.calls('CheckInCalendar')).toHaveLength(1)
    tap(page, '.prev-month')
    await settle()
    expect(wx.__server.calls('CheckInCalendar').slice(-1)).toEqual([{ month: '2026-10' }])
    expect(text(page, '.month-title')).toBe('2026年10月')
    expect(dayText(page, '2026-10-30')).toBe('30已签')
    expect(dayText(page, '2026-10-29')).toBe('29') // last month's missed days cannot be made up
    expect(page.querySelectorAll('.can-make-up')).toHaveLength(0)
    expect(text(page, '.next-month')).toBe('下月 ›')
    tap(page, '.next-month')
    await settle()
    expect(text(page, '.month-title')).toBe('2026年11月')
  })

  test('failedCalendarSaysSoAndATapTriesAgain', async () => {
    let up = false
    wx.__server.on('CheckInCalendar', () => (up ? { checkInCalendar: calendar() } : { statusCode: 500, data: null }))
    const page = await openCheckIn()
    await jest.advanceTimersByTimeAsync(2000)
    expect(text(page, '.calendar-failed')).toBe('加载失败，点击重试')
    expect(classes(page, '.checkin-button')).toContain('disabled')
    up = true
    tap(page, '.calendar-failed')
    await settle()
    expect(dayText(page, '2026-11-02')).toBe('2已签')
    expect(text(page, '.checkin-button')).toBe('签到 +5')
  })
})

describe('check-in button', () => {
  test('buttonIsDisabledWhileTheCheckInRunsAndADoubleTapSendsOneCheckIn', async () => {
    wx.__server.on('CheckIn', () => ({ checkIn: { checkIn: { day: '2026-11-23', streak: 3, points: 5, makeUp: false },
      calendar: afterCheckIn(), userErrors: [] } }))
    const page = await openCheckIn()
    tap(page, '.checkin-button')
    await microtasks()
    expect(text(page, '.checkin-button')).toBe('签到中…')
    expect(classes(page, '.checkin-button')).toContain('disabled')
    tap(page, '.checkin-button')
    await microtasks()
    await settle()
    expect(wx.__server.calls('CheckIn')).toHaveLength(1)
  })

  test('afterCheckingInThePointsShowAndTheCalendarIsUpdatedFromTheAnswer', async () => {
    wx.__server.on('CheckIn', () => ({ checkIn: { checkIn: { day: '2026-11-23', streak: 3, points: 5, makeUp: false },
      calendar: afterCheckIn(), userErrors: [] } }))
    const page = await openCheckIn()
    tap(page, '.checkin-button')
    await settle()
    expect(text(page, '.checkin-result')).toBe('签到成功，获得 5 积分，已连续签到 3 天')
    expect(wx.showToast).toHaveBeenCalledWith({ title: '签到成功 +5积分', icon: 'success' })
    expect(text(page, '.checkin-button')).toBe('今天已签到')
    expect(classes(page, '.checkin-button')).toContain('disabled')
    expect(dayText(page, '2026-11-23')).toBe('23已签')
    expect(text(page, '.current-streak')).toBe('3')
    expect(text(page, '.tomorrow')).toBe('明天签到可得 7 积分')
    expect(wx.__server.calls('CheckInCalendar')).toHaveLength(1)
    tap(page, '.checkin-button')
    await settle()
    expect(wx.__server.calls('CheckIn')).toHaveLength(1)
  })

  test('alreadyCheckedInElsewhereShowsTheCheckedInState', async () => {
    wx.__server.on('CheckIn', () => ({ checkIn: { checkIn: null, calendar: null,
      userErrors: [{ field: [], message: '今天已经签到过了', code: 'ALREADY_CHECKED_IN' }] } }))
    const page = await openCheckIn()
    wx.__server.on('CheckInCalendar', () => ({ checkInCalendar: afterCheckIn() }))
    tap(page, '.checkin-button')
    await settle()
    expect(text(page, '.checkin-button')).toBe('今天已签到')
    expect(dayText(page, '2026-11-23')).toBe('23已签')
    expect(wx.showModal).not.toHaveBeenCalled()
  })

  test('aFailedCheckInSaysWhyAndTheButtonCanBeTappedAgain', async () => {
    let down = true
    wx.__server.on('CheckIn', () => {
      if (down) throw 'NETWORK'
      return { checkIn: { checkIn: { day: '2026-11-23', streak: 3, points: 5, makeUp: false }, calendar: afterCheckIn(), userErrors: [] } }
    })
    const page = await openCheckIn()
    tap(page, '.checkin-button')
    await jest.advanceTimersByTimeAsync(2000) // the client resends it: a check-in cannot count twice
    expect(wx.__server.calls('CheckIn')).toHaveLength(3)
    expect(wx.showToast).toHaveBeenCalledWith({ title: '网络不给力，请检查网络后重试', icon: 'none' })
    expect(text(page, '.checkin-button')).toBe('签到 +5')
    down = false
    tap(page, '.checkin-button')
    await settle()
    expect(text(page, '.checkin-button')).toBe('今天已签到')
  })
})

describe('make-up', () => {
  const madeUp = () => calendar({ days: calendar().days.concat('2026-11-10').sort(), makeUpDays: ['2026-11-05', '2026-11-10'],
    makeUpsLeft: 1, currentStreak: 2 })

  test('tappingAMissedDayAsksToConfirmTheCostThenMakesItUp', async () => {
    wx.__server.on('MakeUpCheckIn', () => ({ makeUpCheckIn: { checkIn: { day: '2026-11-10', streak: 1, points: 0, makeUp: true },
      calendar: madeUp(), userErrors: [] } }))
    const page = await openCheckIn()
    tap(page, '#d-2026-11-10')
    await settle()
    expect(wx.showModal).toHaveBeenCalledTimes(1)
    expect(wx.showModal.mock.calls[0][0]).toMatchObject({ title: '补签确认',
      content: '补签11月10日将消耗 20 积分（本月还可补签 2 次），确定补签吗？' })
    expect(wx.__server.calls('MakeUpCheckIn')).toEqual([{ input: { day: '2026-11-10' } }])
    expect(dayText(page, '2026-11-10')).toBe('10已补')
    expect(text(page, '.make-up-hint')).toBe('本月还可补签 1 次，每次 20 积分；点击漏签的日子补签')
    expect(wx.showToast).toHaveBeenCalledWith({ title: '补签成功', icon: 'success' })
    expect(text(page, '.checkin-result')).toBe('补签11月10日成功，已计入连续签到')
  })

  test('cancellingTheConfirmationSendsNothing', async () => {
    wx.showModal.mockImplementation(options => options.success({ confirm: false, cancel: true }))
    wx.__server.on('MakeUpCheckIn', () => { throw new Error('must not be sent') })
    const page = await openCheckIn()
    tap(page, '#d-2026-11-10')
    await settle()
    expect(wx.showModal).toHaveBeenCalledTimes(1)
    expect(wx.__server.calls('MakeUpCheckIn')).toHaveLength(0)
    expect(dayText(page, '2026-11-10')).toBe('10补签')
  })

  test('checkedTodayAndFutureDaysAskNothing', async () => {
    const page = await openCheckIn()
    for (const day of ['2026-11-02', '2026-11-23', '2026-11-24']) tap(page, `#d-${day}`)
    await settle()
    expect(wx.showModal).not.toHaveBeenCalled()
    expect(wx.__server.calls('MakeUpCheckIn')).toHaveLength(0)
  })

  test('withNoMakeUpsLeftAMissedDaySaysSoAndAsksNothing', async () => {
    wx.__server.on('CheckInCalendar', () => ({ checkInCalendar: calendar({ makeUpsLeft: 0 }) }))
    const page = await openCheckIn()
    expect(dayText(page, '2026-11-10')).toBe('10')
    expect(text(page, '.make-up-hint')).toBe('本月补签次数已用完；点击漏签的日子补签')
    tap(page, '#d-2026-11-10')
    await settle()
    expect(wx.showModal).not.toHaveBeenCalled()
    expect(wx.showToast).toHaveBeenCalledWith({ title: '本月补签次数已用完', icon: 'none' })
  })

  test('aRefusedMakeUpSaysWhyAndReloadsTheCalendar', async () => {
    wx.__server.on('MakeUpCheckIn', () => ({ makeUpCheckIn: { checkIn: null, calendar: null,
      userErrors: [{ field: ['input', 'day'], message: '积分不足', code: 'INSUFFICIENT_POINTS' }] } }))
    const page = await openCheckIn()
    tap(page, '#d-2026-11-10')
    await settle()
    expect(wx.showToast).toHaveBeenCalledWith({ title: '积分不足', icon: 'none' })
    expect(wx.__server.calls('CheckInCalendar')).toHaveLength(2)
    expect(dayText(page, '2026-11-10')).toBe('10补签')
  })
})
