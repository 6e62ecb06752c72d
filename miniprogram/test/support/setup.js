// Every test starts with a fresh fake `wx` (empty storage, no handlers) and an app object.
const { createWx } = require('./fake-wx')
const { PROGRAM_RULES } = require('./program-rules')

beforeEach(() => {
  global.wx = createWx()
  global.getApp = () => ({ globalData: {} })
  // the card and the till read the rules in force; tests that care register their own answer
  if (global.wx.__server) global.wx.__server.on('ProgramRules', () => ({ programRules: PROGRAM_RULES }))
  // the card shows the tier's monthly benefits; none unless a test registers its own answer
  if (global.wx.__server) global.wx.__server.on('MyTierBenefits', () => ({ myTierBenefits: [] }))
})
