/** The lottery page: the prizes and their odds, the cost and draws left, drawing once per tap-intent, and "my draws". */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')

function lottery(overrides = {}) {
  return Object.assign({ id: 'l1', title: '幸运大转盘', rulesText: '每次抽奖消耗 10 积分。', status: 'RUNNING',
    startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-31T00:00:00Z', costPoints: 10, dailyLimit: 3, totalLimit: null,
    drawsLeftToday: 3,
    odds: [
      { kind: 'POINTS', name: '1000 积分', points: 1000, probabilityBp: 50, probabilityText: '0.50%', inStock: true },
      { kind: 'COUPON', name: '满100减20', points: null, probabilityBp: 2000, probabilityText: '20.00%', inStock: false },
      { kind: 'NOTHING', name: '谢谢参与', points: null, probabilityBp: 7950, probabilityText: '79.50%', inStock: true }
    ] }, overrides)
}

function serve(entry, balance = 500) {
  wx.__server.on('Lottery', () => ({ lotteryForMember: entry, me: { id: '1', pointsBalance: balance } }))
}

function won(draw) {
  return vars => ({ drawLottery: { replayed: false, pointsBalance: 490 + (draw.pointsWon || 0),
    draw: Object.assign({ id: 'd1', lotteryId: vars.input.lotteryId, lotteryTitle: '幸运大转盘', poolVersion: 1,
      prizeKind: 'NOTHING', prizeName: '谢谢参与', fellToNothing: false, pointsWon: 0, couponId: null, costPoints: 10,
      createdAt: '2026-12-07T02:00:00Z' }, draw), userErrors: [] } })
}

async function open(path = 'pages/lottery/index') {
  const page = loadPage(path)
  await page.instance.onLoad({})
  await flush()
  return page
}

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

test('theMemberSeesEveryPrizeWithItsProbabilityTheCostAndTheDrawsLeft', async () => {
  serve(lottery())
  const page = await open()
  expect(text(page, '.title')).toBe('幸运大转盘')
  expect(texts(page, '.odd-chance')).toEqual(['0.50%', '20.00%', '79.50%'])
  expect(texts(page, '.sold-out')).toEqual(['（已抽完）'])
  expect(text(page, '.cost')).toBe('10 积分/次')
  expect(text(page, '.left')).toBe('今日还可抽 3 次')
  expect(text(page, '.draw')).toBe('立即抽奖')
  expect(text(page, '.balance')).toBe('500')
  // opened from 我的 without an id: the newest running lottery, no id sent
  expect(wx.__server.calls('Lottery')[0]).toEqual({})
})

test('aDoubleTapDrawsOnceWithOneKeyAndShowsThePrize', async () => {
  serve(lottery())
  wx.__server.on('DrawLottery', won({ prizeKind: 'POINTS', prizeName: '1000 积分', pointsWon: 1000 }))
  const page = await open()
  tap(page, '.draw')
  tap(page, '.draw')
  await flush()
  const calls = wx.__server.calls('DrawLottery')
  expect(calls).toHaveLength(1)
  expect(calls[0].input.lotteryId).toBe('l1')
  expect(calls[0].input.idempotencyKey).toMatch(/^draw-/)
  expect(text(page, '.result')).toBe('恭喜获得 1,000 积分')
})

test('aRefusedDrawShowsTheServersMessageAndANewTapIsANewKey', async () => {
  serve(lottery())
  wx.__server.on('DrawLottery', () => ({ drawLottery: { replayed: false, pointsBalance: null, draw: null,
    userErrors: [{ field: null, message: '今天的 3 次抽奖机会已用完，明天再来', code: 'LOTTERY_DAILY_LIMIT' }] } }))
  const page = await open()
  tap(page, '.draw')
  await flush()
  expect(wx.showModal.mock.calls.concat(wx.showToast.mock.calls).map(c => JSON.stringify(c[0])).join())
    .toContain('今天的 3 次抽奖机会已用完')
  tap(page, '.draw')
  await flush()
  const keys = wx.__server.calls('DrawLottery').map(v => v.input.idempotencyKey)
  expect(keys).toHaveLength(2)
  expect(keys[0]).not.toBe(keys[1])
})

test('aGoodsPrizeIsShownInTheOddsAndTheResultSaysWhereToCollectIt', async () => {
  serve(lottery({ odds: [
    { kind: 'GOODS', name: '品牌保温杯', points: null, probabilityBp: 100, probabilityText: '1.00%', inStock: true },
    { kind: 'NOTHING', name: '谢谢参与', points: null, probabilityBp: 9900, probabilityText: '99.00%', inStock: true }] }))
  wx.__server.on('DrawLottery', won({ prizeKind: 'GOODS', prizeName: '品牌保温杯', mallRedemptionId: 'r9' }))
  const page = await open()
  expect(texts(page, '.odd-name')).toEqual(['品牌保温杯（实物，到店领取）', '谢谢参与'])
  tap(page, '.draw')
  await flush()
  expect(text(page, '.result')).toBe('恭喜获得「品牌保温杯」！凭提货码到任一门店领取，提货码在积分商城「我的兑换」中')
  expect(text(page, '.pickup-link')).toBe('查看提货码 ›')
  tap(page, '.pickup-link')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/mall-redemptions/index' })
})

test('aLotteryPastItsEndSaysSo', async () => {
  serve(lottery({ status: 'ENDED', drawsLeftToday: 0 }))
  expect(text(await open(), '.draw')).toBe('活动已结束')
})

test('theButtonSaysWhyTheMemberCannotDraw', async () => {
  serve(lottery({ drawsLeftToday: 0 }))
  expect(text(await open(), '.draw')).toBe('今日次数已用完')
  serve(lottery({ status: 'PAUSED' }))
  expect(text(await open(), '.draw')).toBe('活动暂停中')
  serve(lottery(), 5)
  expect(text(await open(), '.draw')).toBe('积分不足')
})

test('withoutARunningLotteryThePageSaysSo', async () => {
  serve(null)
  const page = await open()
  expect(text(page, '.none')).toBe('暂时没有进行中的抽奖活动，过几天再来看看')
  expect(text(page, '.draw')).toBeNull()
})

test('aFailedLoadOffersARetry', async () => {
  wx.__server.on('Lottery', () => ({ statusCode: 500, data: null }))
  const page = await open()
  expect(text(page, '.failed')).toBe('加载失败，点击重试')
  serve(lottery())
  tap(page, '.failed')
  await flush()
  expect(text(page, '.title')).toBe('幸运大转盘')
})

test('myDrawsListsEachDrawWithItsPrizeAndCostAndSaysWhenThereAreNone', async () => {
  wx.__server.on('MyLotteryDraws', () => ({ myLotteryDraws: { totalCount: 2, pageInfo: { hasNextPage: false, endCursor: 'c2' },
    edges: [
      { cursor: 'c1', node: { id: 'd2', lotteryId: 'l1', lotteryTitle: '幸运大转盘', poolVersion: 1, prizeKind: 'COUPON',
        prizeName: '满100减20', fellToNothing: false, pointsWon: 0, couponId: '9', costPoints: 10, createdAt: '2026-12-07T02:00:00Z' } },
      { cursor: 'c2', node: { id: 'd1', lotteryId: 'l1', lotteryTitle: '幸运大转盘', poolVersion: 1, prizeKind: 'NOTHING',
        prizeName: '谢谢参与', fellToNothing: false, pointsWon: 0, couponId: null, costPoints: 10, createdAt: '2026-12-06T02:00:00Z' } }
    ] } }))
  const page = await open('pages/lottery-draws/index')
  expect(texts(page, '.draw-prize')).toEqual(['满100减20', '谢谢参与'])
  expect(texts(page, '.draw-cost')).toEqual(['-10 积分', '-10 积分'])
  expect(text(page, '.draws-end')).toBe('没有更多了')

  wx.__server.on('MyLotteryDraws', () => ({ myLotteryDraws: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } }))
  expect(text(await open('pages/lottery-draws/index'), '.draws-empty')).toBe('还没有抽过奖，去积分抽奖试试手气')
})

test('aFailedDrawsPageOffersARetry', async () => {
  wx.__server.on('MyLotteryDraws', () => ({ statusCode: 500, data: null }))
  expect(text(await open('pages/lottery-draws/index'), '.draws-failed')).toBe('加载失败，点击重试')
})
