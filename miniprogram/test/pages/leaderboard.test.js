/** Leaderboard: store or brand, week or month, points or streak; the top and my own place. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')
const { toResponse } = require('../support/fake-server')

function board(input, entries, myEntry) {
  return { leaderboard: { scope: input.scope, storeId: input.storeId || null, period: input.period,
    periodKey: input.period === 'WEEK' ? '2026-W48' : '2026-11', metric: input.metric, entries, myEntry } }
}

const TOP = [
  { rank: 1, nickname: '小*', avatarUrl: null, score: 1250 },
  { rank: 2, nickname: '阿**', avatarUrl: null, score: 980 }
]

async function open(storeId, answer) {
  wx.__server.on('LeaderboardMe', () => ({ me: { id: '1', registrationStoreId: storeId } }))
  wx.__server.on('Leaderboard', vars => answer(vars.input))
  const page = loadPage('pages/leaderboard/index')
  await page.instance.onLoad({})
  await flush()
  return page
}

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

test('aMemberOfAStoreSeesTheirStoresWeeklyPointsBoardFirstWithTheirRank', async () => {
  const page = await open('3', input => board(input, TOP, { rank: 7, nickname: '我*', avatarUrl: null, score: 120 }))
  expect(wx.__server.calls('Leaderboard')).toEqual([{ input: { scope: 'STORE', storeId: '3', period: 'WEEK', metric: 'POINTS_EARNED', first: 20 } }])
  expect(texts(page, '.option.active')).toEqual(['本店', '本周', '积分'])
  expect(texts(page, '.rank')).toEqual(['1', '2'])
  expect(texts(page, '.nickname')).toEqual(['小*', '阿**'])
  expect(texts(page, '.score')).toEqual(['1,250积分', '980积分'])
  expect(text(page, '.my-rank')).toBe('第7名 · 120积分')
  expect(text(page, '.period')).toBe('2026年第48周')
})

test('togglesSendTheChosenScopePeriodAndMetric', async () => {
  const page = await open('3', input => board(input, input.metric === 'CHECKIN_STREAK' ? [{ rank: 1, nickname: '小*', score: 12 }] : TOP, null))
  tap(page, '.scope-BRAND')
  await flush()
  tap(page, '.period-MONTH')
  await flush()
  tap(page, '.metric-CHECKIN_STREAK')
  await flush()
  expect(wx.__server.calls('Leaderboard').slice(1).map(v => v.input)).toEqual([
    { scope: 'BRAND', period: 'WEEK', metric: 'POINTS_EARNED', first: 20 },
    { scope: 'BRAND', period: 'MONTH', metric: 'POINTS_EARNED', first: 20 },
    { scope: 'BRAND', period: 'MONTH', metric: 'CHECKIN_STREAK', first: 20 }
  ])
  expect(texts(page, '.option.active')).toEqual(['全品牌', '本月', '连续签到'])
  expect(texts(page, '.score')).toEqual(['12天'])
  expect(text(page, '.period')).toBe('2026年11月')
  tap(page, '.scope-STORE')
  await flush()
  expect(wx.__server.calls('Leaderboard')[4].input).toEqual({ scope: 'STORE', storeId: '3', period: 'MONTH', metric: 'CHECKIN_STREAK', first: 20 })
})

test('aMemberNotOnTheBoardIsToldTheyAreNotRankedYet', async () => {
  const page = await open('3', input => board(input, TOP, null))
  expect(text(page, '.my-rank')).toBe('暂未上榜')
})

test('withoutAHomeStoreOnlyTheBrandBoardIsOffered', async () => {
  const page = await open(null, input => board(input, [], null))
  expect(texts(page, '.scope')).toEqual(['全品牌'])
  expect(wx.__server.calls('Leaderboard')[0].input).toEqual({ scope: 'BRAND', period: 'WEEK', metric: 'POINTS_EARNED', first: 20 })
  expect(text(page, '.empty-state')).toBe('榜单暂时还没有人，快去签到、消费上榜吧')
})

test('theLatestChoiceWinsOverAnEarlierSlowerAnswer', async () => {
  const page = await open('3', input => board(input, input.period === 'MONTH'
    ? [{ rank: 1, nickname: '月*', score: 5 }] : [{ rank: 1, nickname: '周*', score: 1 }], null))
  // The brand-week answer comes back after the brand-month one asked later.
  wx.__requestOverride = options => {
    const slow = options.data.variables.input.period === 'WEEK'
    setTimeout(() => options.success(toResponse(wx.__server.handle(options))), slow ? 30 : 0)
  }
  tap(page, '.scope-BRAND')
  await flush(2)
  tap(page, '.period-MONTH')
  await new Promise(resolve => setTimeout(resolve, 60))
  await flush()
  // The fake server records a request when it answers it: the week board was answered last.
  expect(wx.__server.calls('Leaderboard').slice(1).map(v => v.input.period)).toEqual(['MONTH', 'WEEK'])
  expect(texts(page, '.nickname')).toEqual(['月*'])
  expect(text(page, '.loading')).toBeNull()
})

test('aFailedBoardOffersARetry', async () => {
  let up = false
  const page = await open('3', input => (up ? board(input, TOP, null) : { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] }))
  expect(text(page, '.failed')).toBe('加载失败，点击重试')
  up = true
  tap(page, '.failed')
  await flush()
  expect(texts(page, '.nickname')).toEqual(['小*', '阿**'])
})
