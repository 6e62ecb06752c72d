/** Display formats: money, points and China-time dates. */
const format = require('../src/lib/format')

test('yuanShowsCentsOnlyWhenThereAreAny', () => {
  expect(format.yuan(20000)).toBe('¥200')
  expect(format.yuan(12345)).toBe('¥123.45')
  expect(format.yuan(5)).toBe('¥0.05')
  expect(format.yuan(-150)).toBe('-¥1.50')
})

test('parseYuanAcceptsAtMostTwoDecimalsAndNothingElse', () => {
  expect(format.parseYuan('123.4')).toBe(12340)
  expect(format.parseYuan('¥ 88')).toBe(8800)
  expect(format.parseYuan('1.234')).toBeNull()
  expect(format.parseYuan('-5')).toBeNull()
  expect(format.parseYuan('abc')).toBeNull()
})

test('datesAreChinaTime', () => {
  expect(format.date('2026-11-22T16:30:00Z')).toBe('2026-11-23')
  expect(format.dateTime('2026-11-23T02:15:00Z')).toBe('11月23日 10:15')
  expect(format.points(12345)).toBe('12,345')
  expect(format.points(120, true)).toBe('+120')
})
