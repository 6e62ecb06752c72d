/**
 * The check-in month grid: weeks from Monday, each day marked checked, made up, today, missed
 * (and whether it can be made up) or to come; plus month arithmetic for the navigation. Dates
 * are "2026-11-23" strings in China time, months "2026-11".
 */

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

const pad = n => String(n).padStart(2, '0')

function parseMonth(month) {
  const [y, m] = month.split('-').map(Number)
  return { y, m }
}

/** "2026-11" → "2026-10"; "2026-01" → "2025-12". */
function addMonths(month, delta) {
  const { y, m } = parseMonth(month)
  const index = y * 12 + (m - 1) + delta
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`
}

function daysIn(month) {
  const { y, m } = parseMonth(month)
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** 0 for Monday … 6 for Sunday. */
function weekdayOf(day) {
  const [y, m, d] = day.split('-').map(Number)
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

/** "2026-11" → "2026年11月". */
function monthTitle(month) {
  const { y, m } = parseMonth(month)
  return `${y}年${m}月`
}

/** "2026-11-11" → "11月11日". */
function dayTitle(day) {
  const [, m, d] = day.split('-').map(Number)
  return `${m}月${d}日`
}

/** The word under a day: 已签, 已补, 今天 (not yet checked in), 补签 (can be made up) or nothing. */
function markOf(state, isToday, canMakeUp) {
  if (state === 'checked') return '已签'
  if (state === 'madeUp') return '已补'
  if (isToday) return '今天'
  if (canMakeUp) return '补签'
  return ''
}

/**
 * The grid of a month.
 * @param {object} calendar the CheckInCalendar (month, days, makeUpDays, makeUpsLeft)
 * @param {string} today "2026-11-23"
 * @returns {{title, weekdays, cells: object[]}} cells: {key, day, label, state, today, canMakeUp, mark};
 *   state is 'blank' (padding), 'checked', 'madeUp', 'missed' or 'future'
 */
function monthGrid(calendar, today) {
  const month = calendar.month
  const checked = new Set(calendar.days || [])
  const madeUp = new Set(calendar.makeUpDays || [])
  const thisMonth = today.slice(0, 7) === month
  const cells = []
  const first = `${month}-01`
  for (let i = 0; i < weekdayOf(first); i++) cells.push({ key: `blank-${i}`, day: '', label: '', state: 'blank', today: false, canMakeUp: false, mark: '' })
  for (let d = 1; d <= daysIn(month); d++) {
    const day = `${month}-${pad(d)}`
    let state
    if (madeUp.has(day)) state = 'madeUp'
    else if (checked.has(day)) state = 'checked'
    else if (day < today) state = 'missed'
    else state = 'future'
    const canMakeUp = state === 'missed' && thisMonth && Number(calendar.makeUpsLeft) > 0
    cells.push({ key: day, day, label: String(d), state, today: day === today, canMakeUp, mark: markOf(state, day === today, canMakeUp) })
  }
  return { title: monthTitle(month), weekdays: WEEKDAYS, cells }
}

/** Whether the month after `month` may be shown (never beyond this month). */
function canGoNext(month, today) {
  return month < today.slice(0, 7)
}

module.exports = { WEEKDAYS, addMonths, daysIn, weekdayOf, monthTitle, dayTitle, monthGrid, canGoNext }
