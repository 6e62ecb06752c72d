/** The points page: balance, expiring points, and the history loaded page by page as the member scrolls. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')

function entry(i, overrides = {}) {
  return Object.assign({ id: `e${i}`, kind: 'EARN', delta: 100 + i, reason: `订单 POS-${i}`, orderNo: `POS-${i}`,
    store: { id: '1', name: '徐汇店' }, createdAt: '2026-11-23T02:15:00Z', expiresAt: '2027-11-23T02:15:00Z' }, overrides)
}

/** A history of `total` entries served 20 at a time, cursor "c<index of last>". */
function historyServer(total, { down = () => false } = {}) {
  const all = Array.from({ length: total }, (_, i) => entry(i + 1))
  wx.__server.on('PointsHistory', vars => {
    if (down()) return { statusCode: 500, data: null }
    const from = vars.after ? Number(vars.after.slice(1)) : 0
    const page = all.slice(from, from + vars.first)
    return { me: { id: '7', pointsHistory: {
      totalCount: total,
      pageInfo: { hasNextPage: from + page.length < total, endCursor: page.length ? `c${from + page.length}` : null },
      edges: page.map((node, k) => ({ cursor: `c${from + k + 1}`, node }))
    } } }
  })
}

afterEach(() => jest.useRealTimers())

beforeEach(() => {
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  wx.__server.on('PointsSummary', () => ({ me: { id: '7', pointsBalance: 12345,
    pointsExpiringSoon: [{ points: 120, expiresAt: '2026-12-01T15:59:59Z' }, { points: 30, expiresAt: '2026-12-10T15:59:59Z' }] } }))
})

async function openPoints() {
  const page = loadPage('pages/points/index')
  page.instance.onLoad({})
  await flush()
  return page
}

test('pointsPageShowsBalanceAndWhatExpiresSoon', async () => {
  historyServer(3)
  const page = await openPoints()
  expect(text(page, '.balance')).toBe('12,345')
  expect(texts(page, '.expiring-points')).toEqual(['120 积分', '30 积分'])
  expect(texts(page, '.expiring-date')).toEqual(['2026-12-01 过期', '2026-12-10 过期'])
})

test('historyEntriesShowKindLabelSignedDeltaReasonStoreAndTime', async () => {
  wx.__server.on('PointsHistory', () => ({ me: { id: '7', pointsHistory: { totalCount: 3,
    pageInfo: { hasNextPage: false, endCursor: 'c3' },
    edges: [
      { cursor: 'c1', node: entry(1, { kind: 'EARN', delta: 258, reason: '消费 ¥258' }) },
      { cursor: 'c2', node: entry(2, { kind: 'REDEEM', delta: -500, reason: '抵扣 ¥5' }) },
      { cursor: 'c3', node: entry(3, { kind: 'CHECK_IN', delta: 5, reason: '签到第 3 天', store: null }) }
    ] } } }))
  const page = await openPoints()
  expect(texts(page, '.entry-label')).toEqual(['消费获得', '积分抵现', '签到'])
  expect(texts(page, '.entry-delta')).toEqual(['+258', '-500', '+5'])
  expect(texts(page, '.entry-reason')).toEqual(['消费 ¥258', '抵扣 ¥5', '签到第 3 天'])
  expect(texts(page, '.entry-meta')).toEqual(['徐汇店 · 11月23日 10:15', '徐汇店 · 11月23日 10:15', '11月23日 10:15'])
  expect(text(page, '.history-end')).toBe('没有更多了')
})

test('reachingTheBottomAppendsTheNextPageAfterTheEndCursor', async () => {
  historyServer(45)
  const page = await openPoints()
  expect(page.querySelectorAll('.entry')).toHaveLength(20)
  expect(text(page, '.history-end')).toBeNull()
  page.instance.onReachBottom()
  await flush()
  expect(wx.__server.calls('PointsHistory')).toEqual([{ first: 20, after: null }, { first: 20, after: 'c20' }])
  expect(page.querySelectorAll('.entry')).toHaveLength(40)
  expect(texts(page, '.entry-reason').slice(19, 21)).toEqual(['订单 POS-20', '订单 POS-21'])
})

test('scrollingTwiceWhileAPageLoadsAsksForItOnce', async () => {
  historyServer(45)
  const page = await openPoints()
  page.instance.onReachBottom()
  page.instance.onReachBottom()
  expect(text(page, '.history-loading')).toBe('加载中…')
  page.instance.onReachBottom()
  await flush()
  expect(wx.__server.calls('PointsHistory')).toHaveLength(2)
  expect(page.querySelectorAll('.entry')).toHaveLength(40)
})

test('theLastPageSaysThereIsNoMoreAndScrollingFurtherLoadsNothing', async () => {
  historyServer(45)
  const page = await openPoints()
  page.instance.onReachBottom()
  await flush()
  page.instance.onReachBottom()
  await flush()
  expect(page.querySelectorAll('.entry')).toHaveLength(45)
  expect(text(page, '.history-end')).toBe('没有更多了')
  page.instance.onReachBottom()
  await flush()
  expect(wx.__server.calls('PointsHistory')).toHaveLength(3)
})

test('noHistoryYetSaysHowToEarnPoints', async () => {
  historyServer(0)
  const page = await openPoints()
  expect(text(page, '.history-empty')).toBe('还没有积分记录，消费或签到即可获得积分')
  expect(text(page, '.history-end')).toBeNull()
})

test('aFailedPageSaysSoAndATapLoadsItAgain', async () => {
  let down = false
  historyServer(45, { down: () => down })
  const page = await openPoints()
  jest.useFakeTimers()
  down = true
  page.instance.onReachBottom()
  await jest.advanceTimersByTimeAsync(2000) // the client's own retries
  expect(text(page, '.history-failed')).toBe('加载失败，点击重试')
  expect(page.querySelectorAll('.entry')).toHaveLength(20)
  const tries = wx.__server.calls('PointsHistory').length
  page.instance.onReachBottom()
  await jest.advanceTimersByTimeAsync(2000)
  expect(wx.__server.calls('PointsHistory')).toHaveLength(tries)
  down = false
  tap(page, '.history-failed')
  await jest.advanceTimersByTimeAsync(100)
  expect(page.querySelectorAll('.entry')).toHaveLength(40)
  expect(wx.__server.calls('PointsHistory').slice(-1)).toEqual([{ first: 20, after: 'c20' }])
})

test('pullingDownStartsTheHistoryAgainFromTheTop', async () => {
  historyServer(45)
  const page = await openPoints()
  page.instance.onReachBottom()
  await flush()
  await page.instance.onPullDownRefresh()
  await flush()
  expect(page.querySelectorAll('.entry')).toHaveLength(20)
  expect(wx.__server.calls('PointsHistory').slice(-1)).toEqual([{ first: 20, after: null }])
  expect(wx.stopPullDownRefresh).toHaveBeenCalled()
})

test('rulesLinkOpensTheRulesPage', async () => {
  historyServer(1)
  const page = await openPoints()
  tap(page, '.rules-link')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/rules/index' })
})

test('failedBalanceSaysSoAndATapTriesAgain', async () => {
  historyServer(1)
  let up = false
  wx.__server.on('PointsSummary', () => (up ? { me: { id: '7', pointsBalance: 5, pointsExpiringSoon: [] } } : { statusCode: 500, data: null }))
  jest.useFakeTimers()
  const page = loadPage('pages/points/index')
  page.instance.onLoad({})
  await jest.advanceTimersByTimeAsync(2000) // the client's own retries
  expect(text(page, '.summary-failed')).toBe('加载失败，点击重试')
  up = true
  tap(page, '.summary-failed')
  await jest.advanceTimersByTimeAsync(100)
  expect(text(page, '.balance')).toBe('5')
  expect(page.querySelector('.expiring-section')).toBeFalsy()
})
