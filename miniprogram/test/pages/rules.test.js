/** The rules page shows the programme rules in force from the backend (nothing hard-coded) and recovers from a failed load. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')
const { PROGRAM_RULES } = require('../support/program-rules')

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

test('rulesPageListsEachTierWithItsMonthlySpendMultiplierDiscountAndBenefits', async () => {
  wx.__server.on('ProgramRules', () => ({ programRules: PROGRAM_RULES }))
  const page = loadPage('pages/rules/index')
  page.instance.onLoad({})
  await flush()
  expect(texts(page, '.tier-name')).toEqual(['普通', '银卡', '金卡'])
  expect(texts(page, '.tier-threshold')).toEqual(['注册即享', '月均消费满¥500', '月均消费满¥800'])
  expect(texts(page, '.tier-multiplier')).toEqual(['1倍积分', '1.2倍积分', '1.5倍积分'])
  expect(texts(page, '.tier-discount')).toEqual(['95折'])
  expect(texts(page, '.tier-benefits')).toEqual(['消费积分', '生日券', '全场 95 折'])
  expect(text(page, '.loading')).toBeNull()
})

test('theEarningRateCashValueAndMemberDayAreTheBackendsNumbers', async () => {
  const changed = Object.assign({}, PROGRAM_RULES, {
    pointsPerYuan: 2, pointsPerYuanRedeemed: 50, memberDays: [18], memberDayFactor: 3,
    upcoming: { version: 3, effectiveFrom: '2026-12-31T16:00:00Z' }
  })
  wx.__server.on('ProgramRules', () => ({ programRules: changed }))
  const page = loadPage('pages/rules/index')
  page.instance.onLoad({})
  await flush()
  expect(text(page, '.earning')).toBe('消费每1元得2积分，乘以等级倍数；会员日（每月18日）3倍；生日当月2倍。')
  expect(text(page, '.redeem')).toContain('50积分抵1元')
  expect(text(page, '.checkin')).toContain('1、2、3、4、5、6、10')
  expect(text(page, '.upcoming')).toBe('新规则将于2027-01-01起生效')
})

test('theTierSentenceSaysHowManyReviewsBelowDropATier', async () => {
  wx.__server.on('ProgramRules', () => ({ programRules: Object.assign({}, PROGRAM_RULES, { tierReviewsBeforeDrop: 2 }) }))
  const page = loadPage('pages/rules/index')
  page.instance.onLoad({})
  await flush()
  expect(text(page, '.tier-text')).toBe('等级按本月及前2个月的月均消费（扣除退款）计算；每月1日复核，连续2次未达到保级要求降一级。')
})

test('failedLoadSaysSoAndATapTriesAgain', async () => {
  let up = false
  wx.__server.on('ProgramRules', () => (up ? { programRules: PROGRAM_RULES } : { statusCode: 500, data: null }))
  const page = loadPage('pages/rules/index')
  await page.instance.onLoad({})
  await flush()
  expect(text(page, '.failed')).toBe('加载失败，点击重试')
  up = true
  tap(page, '.failed')
  await flush(200)
  expect(texts(page, '.tier-name')).toEqual(['普通', '银卡', '金卡'])
})
