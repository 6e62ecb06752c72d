/** The rules page shows the brand's tiers from the backend and recovers from a failed load. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')

const TIERS = [
  { level: 0, name: '普通', thresholdCents: 0, pointsMultiplier: 1, benefits: null },
  { level: 1, name: '银卡', thresholdCents: 50000, pointsMultiplier: 1.2, benefits: '生日券' }
]

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

test('rulesPageListsEachTierWithItsMonthlySpendAndMultiplier', async () => {
  wx.__server.on('Tiers', () => ({ tiers: TIERS }))
  const page = loadPage('pages/rules/index')
  page.instance.onLoad({})
  await flush()
  expect(texts(page, '.tier-name')).toEqual(['普通', '银卡'])
  expect(texts(page, '.tier-threshold')).toEqual(['注册即享', '月均消费满¥500'])
  expect(text(page, '.loading')).toBeNull()
})

test('failedLoadSaysSoAndATapTriesAgain', async () => {
  let up = false
  wx.__server.on('Tiers', () => (up ? { tiers: TIERS } : { statusCode: 500, data: null }))
  const page = loadPage('pages/rules/index')
  await page.instance.onLoad({})
  await flush()
  expect(text(page, '.failed')).toBe('加载失败，点击重试')
  up = true
  tap(page, '.failed')
  await flush(200)
  expect(texts(page, '.tier-name')).toEqual(['普通', '银卡'])
})
