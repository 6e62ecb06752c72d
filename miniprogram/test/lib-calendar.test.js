/** The check-in month grid and month arithmetic. */
const cal = require('../src/lib/calendar')

const november = overrides => Object.assign({ month: '2026-11', days: ['2026-11-02', '2026-11-05', '2026-11-23'],
  makeUpDays: ['2026-11-05'], makeUpsLeft: 2 }, overrides)

const cell = (grid, day) => grid.cells.find(c => c.day === day)

test('monthsAddAcrossYears', () => {
  expect(cal.addMonths('2026-01', -1)).toBe('2025-12')
  expect(cal.addMonths('2025-12', 1)).toBe('2026-01')
  expect(cal.addMonths('2026-11', -13)).toBe('2025-10')
})

test('monthLengthsAndWeekdays', () => {
  expect(cal.daysIn('2026-02')).toBe(28)
  expect(cal.daysIn('2028-02')).toBe(29)
  expect(cal.weekdayOf('2026-11-23')).toBe(0) // a Monday
  expect(cal.weekdayOf('2026-11-01')).toBe(6) // a Sunday
})

test('gridStartsOnMondayWithBlanksBeforeTheFirst', () => {
  const grid = cal.monthGrid(november(), '2026-11-23')
  expect(grid.title).toBe('2026年11月')
  expect(grid.weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日'])
  expect(grid.cells.slice(0, 7).map(c => c.label)).toEqual(['', '', '', '', '', '', '1'])
  expect(grid.cells).toHaveLength(36)
})

test('daysAreCheckedMadeUpTodayMissedOrToCome', () => {
  const grid = cal.monthGrid(november(), '2026-11-23')
  expect(cell(grid, '2026-11-02')).toMatchObject({ state: 'checked', mark: '已签', canMakeUp: false })
  expect(cell(grid, '2026-11-05')).toMatchObject({ state: 'madeUp', mark: '已补', canMakeUp: false })
  expect(cell(grid, '2026-11-23')).toMatchObject({ state: 'checked', today: true, mark: '已签' })
  expect(cell(grid, '2026-11-22')).toMatchObject({ state: 'missed', canMakeUp: true, mark: '补签' })
  expect(cell(grid, '2026-11-24')).toMatchObject({ state: 'future', canMakeUp: false, mark: '' })
})

test('todayNotYetCheckedInIsMarkedTodayAndCannotBeMadeUp', () => {
  const grid = cal.monthGrid(november({ days: [] }), '2026-11-23')
  expect(cell(grid, '2026-11-23')).toMatchObject({ state: 'future', today: true, mark: '今天', canMakeUp: false })
})

test('missedDaysCannotBeMadeUpWithoutMakeUpsLeftOrInAnotherMonth', () => {
  expect(cell(cal.monthGrid(november({ makeUpsLeft: 0 }), '2026-11-23'), '2026-11-22').canMakeUp).toBe(false)
  const october = cal.monthGrid(november({ month: '2026-10', days: [], makeUpDays: [] }), '2026-11-23')
  expect(october.cells.filter(c => c.canMakeUp)).toHaveLength(0)
  expect(cell(october, '2026-10-15')).toMatchObject({ state: 'missed', mark: '' })
})

test('navigationStopsAtThisMonth', () => {
  expect(cal.canGoNext('2026-10', '2026-11-23')).toBe(true)
  expect(cal.canGoNext('2026-11', '2026-11-23')).toBe(false)
})

test('dayTitleReadsInChinese', () => {
  expect(cal.dayTitle('2026-11-05')).toBe('11月5日')
})
