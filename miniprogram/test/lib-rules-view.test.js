/** The tier's benefits line on the card and the tier sentence of the rules page, from programRules: nothing hard-coded. */
const { tierBenefitsLine, tierText } = require('../src/lib/rules-view')
const { PROGRAM_RULES } = require('./support/program-rules')

test('aTiersLineNamesItsMultiplierDiscountAndBenefits', () => {
  expect(tierBenefitsLine(PROGRAM_RULES, 2)).toBe('金卡权益：1.5倍积分 · 95折')
  expect(tierBenefitsLine(PROGRAM_RULES, 1)).toBe('银卡权益：1.2倍积分 · 生日券')
})

test('aBenefitTextThatOnlyRestatesTheMultiplierOrDiscountIsShownOnce', () => {
  const seeded = { tiers: [{ level: 1, name: '银卡', pointsMultiplier: 1.2, priceDiscount: 95,
    benefits: ['积分 1.2 倍', '全场 95 折', '生日礼券'] }] }
  expect(tierBenefitsLine(seeded, 1)).toBe('银卡权益：1.2倍积分 · 95折 · 生日礼券')
})

test('aMultiplierOfOneAndNoDiscountAreLeftOut', () => {
  expect(tierBenefitsLine(PROGRAM_RULES, 0)).toBe('普通权益：消费积分')
  const bare = { tiers: [{ level: 0, name: '普通', pointsMultiplier: 1, priceDiscount: 100, benefits: [] }] }
  expect(tierBenefitsLine(bare, 0)).toBe('')
})

test('anUnknownTierHasNoLine', () => {
  expect(tierBenefitsLine(PROGRAM_RULES, 9)).toBe('')
})

test('theTierSentenceTakesTheWindowAndTheReviewsBeforeADropFromTheRules', () => {
  expect(tierText(PROGRAM_RULES)).toBe('等级按本月及前2个月的月均消费（扣除退款）计算；每月1日复核，连续3次未达到保级要求降一级。')
  expect(tierText(Object.assign({}, PROGRAM_RULES, { tierWindowMonths: 6, tierReviewsBeforeDrop: 2 })))
    .toBe('等级按本月及前5个月的月均消费（扣除退款）计算；每月1日复核，连续2次未达到保级要求降一级。')
})
