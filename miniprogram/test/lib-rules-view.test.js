/** The tier's benefits line on the card, from programRules: only what the tier really gives. */
const { tierBenefitsLine } = require('../src/lib/rules-view')
const { PROGRAM_RULES } = require('./support/program-rules')

test('aTiersLineNamesItsMultiplierDiscountAndBenefits', () => {
  expect(tierBenefitsLine(PROGRAM_RULES, 2)).toBe('金卡权益：1.5倍积分 · 95折 · 全场 95 折')
  expect(tierBenefitsLine(PROGRAM_RULES, 1)).toBe('银卡权益：1.2倍积分 · 生日券')
})

test('aMultiplierOfOneAndNoDiscountAreLeftOut', () => {
  expect(tierBenefitsLine(PROGRAM_RULES, 0)).toBe('普通权益：消费积分')
  const bare = { tiers: [{ level: 0, name: '普通', pointsMultiplier: 1, priceDiscount: 100, benefits: [] }] }
  expect(tierBenefitsLine(bare, 0)).toBe('')
})

test('anUnknownTierHasNoLine', () => {
  expect(tierBenefitsLine(PROGRAM_RULES, 9)).toBe('')
})
