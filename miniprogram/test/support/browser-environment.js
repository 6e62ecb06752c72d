/**
 * jsdom (for pages in miniprogram-simulate) plus the Node globals playwright-core needs at load
 * (fetch's Request/Response, streams, TextEncoder), for tests that render a page and then show it
 * in headless Chromium (test/shots/browser.js). Use with
 * `@jest-environment ./test/support/browser-environment.js`.
 */
const JsdomEnvironment = require('jest-environment-jsdom').default

const NODE_GLOBALS = ['Request', 'Response', 'Headers', 'fetch', 'FormData', 'Blob', 'TextEncoder', 'TextDecoder',
  'ReadableStream', 'WritableStream', 'TransformStream', 'setImmediate', 'clearImmediate', 'structuredClone',
  'AbortController', 'AbortSignal', 'URL', 'URLSearchParams', 'MessageChannel', 'BroadcastChannel', 'performance']

class BrowserEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context)
    for (const name of NODE_GLOBALS) {
      if (globalThis[name] !== undefined) this.global[name] = globalThis[name]
    }
  }
}

module.exports = BrowserEnvironment
