// The pictures of every page (test/shots/table.js) against a running dev backend at
// LOYALTY_API_URL, photographed by headless Chromium: run through scripts/miniprogram-shots.
module.exports = {
  testEnvironment: './test/support/browser-environment.js',
  testMatch: ['<rootDir>/test/shots/**/*.shots.js'],
  setupFiles: ['<rootDir>/test/e2e/real-wx.js'],
  testTimeout: 90000
}
