/**
 * @jest-environment node
 *
 * The GraphiQL playground of the backend under test (dev profile), in headless Chromium: Debian's
 * `chromium` package (scripts/test-miniprogram installs it; CHROMIUM_PATH picks another binary),
 * driven by playwright-core, which never downloads a browser. The page loads only from the
 * backend, so the test talks to 127.0.0.1 alone.
 */
const fs = require('fs')
const path = require('path')
const { chromium } = require('playwright-core')

const API_URL = process.env.LOYALTY_API_URL
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
// the exact document the backend's PlaygroundTest sends as GraphiQL's introspection query
const INTROSPECTION = fs.readFileSync(
  path.join(__dirname, '../../../backend/src/test/resources/graphql-test/graphiqlIntrospection.graphql'), 'utf8')
const SCREENSHOT = process.env.GRAPHIQL_SCREENSHOT // e.g. docs/images/graphiql.png

jest.setTimeout(120000)

let browser
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] })
})
afterAll(async () => {
  if (browser) await browser.close()
})

test('thePlaygroundShowsTheDocsExplorer', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  const elsewhere = []
  const introspections = []
  page.on('request', request => {
    if (!request.url().startsWith(API_URL)) elsewhere.push(request.url())
    if (request.method() === 'POST' && request.url() === API_URL + '/graphql') {
      const body = request.postDataJSON()
      if (body && body.operationName === 'IntrospectionQuery') introspections.push(body.query)
    }
  })
  const introspected = page.waitForResponse(response =>
    response.url() === API_URL + '/graphql' && response.request().postDataJSON().operationName === 'IntrospectionQuery')

  await page.goto(API_URL + '/graphiql')
  const answer = await (await introspected).json()
  expect(answer.errors).toBeUndefined()
  expect(answer.data.__schema.types.length).toBeGreaterThan(10)

  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click()
  const docs = page.locator('.graphiql-doc-explorer')
  await docs.locator('.graphiql-doc-explorer-root-type').first().waitFor()
  expect(await docs.locator('.graphiql-doc-explorer-root-type').allTextContents())
    .toEqual(['query', 'mutation', 'subscription'])
  await docs.locator('.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).first().click()
  await docs.locator('.graphiql-doc-explorer-title', { hasText: /^Query$/ }).waitFor()
  const fields = await docs.locator('.graphiql-doc-explorer-field-name').allTextContents()
  expect(fields).toEqual(expect.arrayContaining(['me', 'currentStaff']))
  if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT })

  expect(await page.locator('body').innerText()).not.toContain('Error fetching schema')
  // what the page sent is what PlaygroundTest checks the backend answers
  expect(introspections).toEqual([INTROSPECTION])
  expect(elsewhere).toEqual([])
})

test('thePlaygroundCompletesFieldsFromTheSchema', async () => {
  const page = await browser.newPage()
  const introspected = page.waitForResponse(response =>
    response.url() === API_URL + '/graphql' && response.request().postDataJSON().operationName === 'IntrospectionQuery')
  await page.goto(API_URL + '/graphiql')
  await introspected

  await page.locator('.graphiql-query-editor .CodeMirror').first().click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await page.keyboard.type('{ curr')
  const hints = page.locator('.CodeMirror-hints .CodeMirror-hint')
  await hints.first().waitFor()
  expect(await hints.allTextContents()).toContain('currentStaff')
})
