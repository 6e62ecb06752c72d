// Every test starts with a fresh fake `wx` (empty storage, no handlers) and an app object.
const { createWx } = require('./fake-wx')

beforeEach(() => {
  global.wx = createWx()
  global.getApp = () => ({ globalData: {} })
})
