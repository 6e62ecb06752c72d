// End-to-end tests of the console against a real backend (scripts/test-console starts the built jar
// in the dev profile with its own database and sets CONSOLE_URL). Debian's chromium: no browser download.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'e2e/specs',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.CONSOLE_URL || 'http://127.0.0.1:8080/console/',
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'off'
  }
})
