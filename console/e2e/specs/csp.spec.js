// The console runs under the backend's strict Content-Security-Policy: the policy is sent, an
// injected inline script or style attribute is refused, and the watch the other tests use sees it.
import { test, expect } from '@playwright/test'
import { signIn } from '../support.js'

test('the console is served with a strict CSP that refuses injected inline code', async ({ page }) => {
  const response = await page.goto('signin')
  const policy = response.headers()['content-security-policy']
  expect(policy).toContain("script-src 'self'")
  expect(policy).toContain("style-src 'self'")
  expect(policy).toContain("frame-ancestors 'none'")
  const violations = []
  page.on('console', m => { if (/Content Security Policy|CSP/.test(m.text())) violations.push(m.text()) })
  const ran = await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.injected = true'
    document.body.appendChild(script)
    return window.injected === true
  })
  expect(ran).toBe(false)
  await expect.poll(() => violations.length).toBeGreaterThan(0)
})

test('a deep link to a page loads the app (history routing) under the same policy', async ({ page }) => {
  await signIn(page, 'ADMIN')
  const response = await page.goto('audit?subject=CAMPAIGN')
  expect(response.headers()['content-security-policy']).toContain("default-src 'self'")
  await expect(page.locator('.page-title')).toHaveText('操作日志')
})
