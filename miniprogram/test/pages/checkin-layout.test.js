/**
 * @jest-environment ./test/support/browser-environment.js
 *
 * The check-in calendar laid out by a real browser engine (headless Chromium, see
 * test/shots/browser.js): for every month of a year, with today somewhere in that month, the
 * page's grid is rendered as the phone shows it and every date must stand under its weekday's
 * header, one row per week. (Today's cell once shared its class with the streak card and took
 * its margins, pushing the rest of the month one column to the right.)
 */
const { loadPage, flush } = require('../support/page')
const session = require('../../src/api/session')
const calendarLib = require('../../src/lib/calendar')
const { phoneHtml } = require('../shots/phone')
const browser = require('../shots/browser')

jest.setTimeout(120000)

// Only Date is faked (today moves month by month); the browser needs real timers.
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame',
  'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate',
  'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout']

/** A day of each month of 2027, on a different weekday each time, as "today". */
const TODAYS = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}-${String(3 + i * 2).padStart(2, '0')}`)

let chromium
beforeAll(async () => {
  chromium = await browser.launch()
})
afterAll(async () => {
  if (chromium) await chromium.close()
})
afterEach(() => jest.useRealTimers())

/** The check-in page on `today` (10:00 in China), its month checked in every third day. */
async function renderCheckIn(today) {
  jest.useFakeTimers({ now: new Date(`${today}T02:00:00Z`), doNotFake: REAL_TIMERS })
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  const month = today.slice(0, 7)
  const days = Array.from({ length: calendarLib.daysIn(month) }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)
  wx.__server.on('CheckInCalendar', () => ({ checkInCalendar: { month, days: days.filter((d, i) => i % 3 === 0 && d < today),
    makeUpDays: [], checkedInToday: false, currentStreak: 1, longestStreak: 4, todayReward: 5, tomorrowReward: 6,
    makeUpsLeft: 2, makeUpCost: 20 } }))
  const page = loadPage('pages/checkin/index')
  page.instance.onLoad({})
  for (let i = 0; i < 50 && page.instance.data.loading; i++) await flush()
  expect(page.instance.data.title).toBe(calendarLib.monthTitle(month))
  return { page, days }
}

/** Where the browser put the weekday headers and every date of the grid. */
async function layout(html) {
  const tab = await browser.show(chromium, html, { scale: 1 })
  try {
    return await tab.evaluate(() => {
      const box = el => { const r = el.getBoundingClientRect(); return { x: Math.round(r.left), y: Math.round(r.top), width: Math.round(r.width) } }
      return {
        headers: Array.from(document.querySelectorAll('.main--weekday')).map(el => Object.assign(box(el), { text: el.textContent })),
        cells: Array.from(document.querySelectorAll('.main--day')).filter(el => el.getAttribute('data-day'))
          .map(el => Object.assign(box(el), { day: el.getAttribute('data-day') }))
      }
    })
  } finally {
    await tab.close()
  }
}

test.each(TODAYS)('everyDateOfTheMonthStandsUnderItsWeekdayWithOneRowPerWeek (today %s)', async today => {
  const { page, days } = await renderCheckIn(today)
  const html = phoneHtml(page, 'pages/checkin/index')
  jest.useRealTimers()
  const { headers, cells } = await layout(html)

  expect(headers.map(h => h.text)).toEqual(['一', '二', '三', '四', '五', '六', '日'])
  expect(cells.map(c => c.day)).toEqual(days)
  const leading = calendarLib.weekdayOf(days[0])
  const where = cells.map(cell => {
    const index = leading + Number(cell.day.slice(8)) - 1
    return { day: cell.day, x: cell.x, width: cell.width, week: Math.floor(index / 7), underX: headers[index % 7].x, underWidth: headers[index % 7].width }
  })
  // each date under its weekday's header, as wide as it
  expect(where.map(c => [c.day, c.x, c.width])).toEqual(where.map(c => [c.day, c.underX, c.underWidth]))
  // one row per week: the same top within a week, lower week after week
  const rows = new Map()
  for (const cell of cells) {
    const week = where.find(w => w.day === cell.day).week
    rows.set(week, (rows.get(week) || new Set()).add(cell.y))
  }
  const tops = [...rows.values()].map(set => [...set])
  expect(tops.every(set => set.length === 1)).toBe(true)
  const flat = tops.map(set => set[0])
  expect(flat).toEqual([...flat].sort((a, b) => a - b))
  expect(new Set(flat).size).toBe(flat.length)
})
