/**
 * Shared steps of the console's end-to-end tests and screenshots: the demo accounts of the dev
 * profile, signing in through the page, and a watch on everything that must never happen on a page
 * (a script error, a Content-Security-Policy refusal, an API answer of FORBIDDEN or INTERNAL_ERROR,
 * a call the console itself refused for the role).
 */
import { expect } from '@playwright/test'

export const ACCOUNTS = {
  ADMIN: { username: process.env.CONSOLE_ADMIN_USERNAME || 'admin', password: process.env.CONSOLE_ADMIN_PASSWORD || 'admin-dev-password' },
  MARKETER: { username: 'marketer-demo', password: 'demo-password' },
  STORE_MANAGER: { username: 'manager-xuhui', password: 'demo-password' },
  CLERK: { username: 'clerk-xuhui', password: 'demo-password' }
}

/** The console's URL for a path inside it ('/campaigns' → .../console/campaigns). */
export function consolePath(path) {
  return path.replace(/^\//, '')
}

export async function signIn(page, role, { account = ACCOUNTS[role] } = {}) {
  await page.goto(consolePath('/signin'))
  await page.getByLabel('用户名').fill(account.username)
  await page.getByLabel('密码', { exact: true }).fill(account.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.locator('[data-test=account-menu]')).toBeVisible()
}

/** Starts watching a page; call the returned function to assert nothing went wrong meanwhile. */
export function watchProblems(page) {
  const problems = []
  page.on('pageerror', error => problems.push(`page error: ${error.message}`))
  page.on('console', message => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 401/.test(message.text())) {
      problems.push(`console error: ${message.text()}`)
    }
  })
  page.on('response', async response => {
    if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return
    try {
      const body = await response.json()
      for (const error of body.errors || []) {
        const kind = (error.extensions || {}).classification
        if (kind === 'FORBIDDEN' || kind === 'INTERNAL_ERROR') problems.push(`${kind} from the API: ${error.message}`)
      }
    } catch (e) { /* not JSON */ }
  })
  const csp = page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', e => {
      console.error(`CSP refused ${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  return async () => {
    await csp
    expect(problems).toEqual([])
  }
}

/** Waits until no panel of the page is loading any more. */
export async function settled(page) {
  await expect(page.locator('main [data-state]').first()).toBeVisible()
  await expect(page.locator('main [data-state=loading]')).toHaveCount(0)
}

/** One GraphQL request straight to the backend (for steps a test takes "through the API"). */
export async function api(query, variables = {}, token) {
  const response = await fetch(`${process.env.CONSOLE_API_URL}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables })
  })
  const body = await response.json()
  if (body.errors) throw new Error(`API: ${JSON.stringify(body.errors)}`)
  return body.data
}

const tokens = new Map()

/** An access token for a demo account, through the API (one sign-in per account and test run). */
export async function staffToken(role, account = ACCOUNTS[role]) {
  if (!tokens.has(account.username)) tokens.set(account.username, signInThroughApi(account))
  return tokens.get(account.username)
}

async function signInThroughApi(account) {
  const data = await api(`mutation ($input: StaffLoginInput!) { staffLogin(input: $input) { accessToken userErrors { message } } }`,
    { input: account })
  if (!data.staffLogin.accessToken) throw new Error(`cannot sign in ${account.username}: ${JSON.stringify(data.staffLogin.userErrors)}`)
  return data.staffLogin.accessToken
}

/** Waits until the picture is shown: loaded from the server (not refused by the CSP, not broken). */
export async function pictureShown(locator) {
  await expect(locator).toBeVisible()
  await expect.poll(() => locator.evaluate(img => img.complete && img.naturalWidth)).toBeGreaterThan(0)
}
