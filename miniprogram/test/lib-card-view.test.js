/** What the card says: growth to the next tier, top tier, keeping the tier, expiring points, scan banner. */
const { tierProgressView, expiringText, cardView, scanBanner } = require('../src/lib/card-view')

const SILVER = { level: 1, name: '银卡', thresholdCents: 50000 }
const GOLD = { level: 2, name: '金卡', thresholdCents: 200000 }

const progress = overrides => Object.assign({ current: SILVER, next: GOLD, averageMonthlySpendCents: 80000,
  spendNeededCents: 120000, progress: 0.4, monthsBelowThreshold: 0, keepRequirementCents: 50000 }, overrides)

test('theSpendWindowComesFromTheRulesAndIsLeftOutUntilTheyAreKnown', () => {
  expect(tierProgressView(progress(), 6).spendText).toBe('近6个月月均消费¥800，金卡需¥2000')
  expect(tierProgressView(progress()).spendText).toBe('月均消费¥800，金卡需¥2000')
})

test('barShowsTheShareOfTheNextThresholdAndTheSpendStillNeeded', () => {
  expect(tierProgressView(progress(), 3)).toEqual({
    current: '银卡', next: '金卡', top: false, percent: 40,
    needText: '再消费¥1200升级金卡', spendText: '近3个月月均消费¥800，金卡需¥2000', keepText: null
  })
})

test('percentIsRoundedAndKeptBetween0And100', () => {
  expect(tierProgressView(progress({ progress: 0.666 })).percent).toBe(67)
  expect(tierProgressView(progress({ progress: 1.4 })).percent).toBe(100)
  expect(tierProgressView(progress({ progress: -0.1 })).percent).toBe(0)
})

test('topTierHasAFullBarAndSaysItIsTheHighest', () => {
  const view = tierProgressView(progress({ current: GOLD, next: null, spendNeededCents: 0, progress: 1 }))
  expect(view).toMatchObject({ top: true, percent: 100, needText: '已是最高等级金卡', next: null })
})

test('nothingLeftToSpendSaysTheUpgradeIsComing', () => {
  expect(tierProgressView(progress({ spendNeededCents: 0, progress: 1 })).needText).toBe('已达到金卡标准，即将升级')
})

test('membersBelowTheirTiersThresholdAreToldWhatKeepsItAndHowManyReviewsDropATier', () => {
  expect(tierProgressView(progress({ monthsBelowThreshold: 2 }), 3, 4).keepText).toBe('保级需月均消费¥500（已连续2次未达到，4次降级）')
  expect(tierProgressView(progress({ monthsBelowThreshold: 1 }), 3, 2).keepText).toBe('保级需月均消费¥500（已连续1次未达到，2次降级）')
})

test('untilTheRulesAreLoadedTheKeepWarningNamesNoNumberOfReviews', () => {
  expect(tierProgressView(progress({ monthsBelowThreshold: 2 })).keepText).toBe('保级需月均消费¥500（已连续2次未达到）')
})

test('expiringPointsAreSummedWithTheEarliestDate', () => {
  expect(expiringText([])).toBeNull()
  expect(expiringText([{ points: 120, expiresAt: '2026-12-01T15:59:59Z' }])).toBe('120积分将于2026-12-01过期')
  expect(expiringText([
    { points: 2000, expiresAt: '2026-12-10T15:59:59Z' },
    { points: 120, expiresAt: '2026-12-01T15:59:59Z' }
  ])).toBe('2,120积分将于2026-12-01起陆续过期')
})

test('cardViewBringsTierBalanceAndProgressTogether', () => {
  const view = cardView({ tier: { level: 1, name: '银卡' }, pointsBalance: -30, pointsExpiringSoon: [], tierProgress: progress() })
  expect(view).toMatchObject({ tierName: '银卡', tierLevel: 1, balance: '-30', expiringText: null })
  expect(view.progress.percent).toBe(40)
})

test('scanBannerNamesTheStore', () => {
  expect(scanBanner({ storeId: '1', storeName: '徐汇店', at: 'x' })).toBe('已在 徐汇店 扫码')
  expect(scanBanner({ storeId: null, storeName: null, at: 'x' })).toBe('会员码已被扫码')
})
