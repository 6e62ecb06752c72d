/** Leaderboard choices and how a board reads. */
const board = require('../src/lib/leaderboard')

test('aStoreBoardNeedsAHomeStoreOtherwiseItIsBrandWide', () => {
  expect(board.initial('3')).toEqual({ scope: 'STORE', period: 'WEEK', metric: 'POINTS_EARNED' })
  expect(board.initial(null).scope).toBe('BRAND')
  expect(board.scopes(null).map(s => s.label)).toEqual(['全品牌'])
  expect(board.choose(board.initial(null), 'scope', 'STORE', null).scope).toBe('BRAND')
  expect(board.input(board.initial('3'), '3')).toEqual({ scope: 'STORE', storeId: '3', period: 'WEEK', metric: 'POINTS_EARNED', first: 20 })
  expect(board.input({ scope: 'BRAND', period: 'MONTH', metric: 'CHECKIN_STREAK' }, '3')).not.toHaveProperty('storeId')
})

test('scoresPeriodsAndMyRankReadPlainly', () => {
  expect(board.scoreText('POINTS_EARNED', 12345)).toBe('12,345积分')
  expect(board.scoreText('CHECKIN_STREAK', 7)).toBe('7天')
  expect(board.periodText('2026-W08')).toBe('2026年第8周')
  expect(board.periodText('2026-11')).toBe('2026年11月')
  expect(board.myRankText({ rank: 3, score: 40 }, 'CHECKIN_STREAK')).toBe('第3名 · 40天')
  expect(board.myRankText(null, 'POINTS_EARNED')).toBe('暂未上榜')
})
