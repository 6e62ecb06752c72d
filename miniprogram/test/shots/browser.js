/**
 * Headless Chromium for pictures and layout checks of rendered pages: Debian's `chromium`
 * package (CHROMIUM_PATH picks another binary) driven by playwright-core, which never downloads
 * a browser. The screen is an iPhone-sized 375x812; tests that load this module run in
 * ../support/browser-environment.js (jsdom for the pages, Node's fetch classes for playwright).
 */
const fs = require('fs')
const { chromium } = require('playwright-core')

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const SCREEN = { width: 375, height: 812 }

async function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (scripts/test-miniprogram does) or set CHROMIUM_PATH`)
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--font-render-hinting=none'] })
}

/** A browser tab showing html at the phone's size (deviceScaleFactor 1 or 2). */
async function show(browser, html, { scale = 2 } = {}) {
  const tab = await browser.newPage({ viewport: SCREEN, deviceScaleFactor: scale })
  await tab.setContent(html, { waitUntil: 'load' })
  await tab.evaluate(() => document.fonts.ready)
  return tab
}

module.exports = { launch, show, SCREEN, CHROMIUM }
