// Unit and page tests: pages and components run in miniprogram-simulate on jsdom, with a fake `wx`.
module.exports = {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.js'],
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.js'],
  clearMocks: true
}
