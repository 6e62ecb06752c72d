// End-to-end: the mini-program's API layer, with `wx.request` over real HTTP, against a running
// backend at LOYALTY_API_URL (scripts/test starts one).
module.exports = {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.js'],
  setupFiles: ['<rootDir>/test/e2e/real-wx.js'],
  testTimeout: 30000
}
