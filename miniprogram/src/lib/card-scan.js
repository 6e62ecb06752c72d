/**
 * Tells the card page when the member's code was scanned at a till: through the live
 * subscription, or, once the socket cannot be used, by polling every 3 s whether the code on
 * screen was scanned. Each scanned code is reported once. Timers are injectable for tests.
 */

const DEFAULTS = {
  pollMs: 3000,
  setTimer: (f, ms) => setTimeout(f, ms),
  clearTimer: id => clearTimeout(id)
}

/**
 * @param {object} options
 * @param {function({onNext, onFallback}): {close: function}} options.subscribe opens the subscription
 * @param {function(string): Promise<object|null>} options.poll where the code was scanned, or null
 * @param {function(): string|null} options.currentToken the code on screen
 * @param {function({storeId, storeName, at})} options.onScan
 */
function createScanWatcher(options) {
  const o = Object.assign({}, DEFAULTS, options)
  const reported = new Set()
  let running = false
  let polling = false
  let subscription = null
  let timer = null
  let pollInFlight = false

  function report(scan, token) {
    if (!running || !scan) return
    if (token) {
      if (reported.has(token)) return
      reported.add(token)
    }
    o.onScan(scan)
  }

  function tick() {
    timer = o.setTimer(tick, o.pollMs)
    const token = o.currentToken()
    if (!token || reported.has(token) || pollInFlight) return
    pollInFlight = true
    Promise.resolve()
      .then(() => o.poll(token))
      .then(scan => report(scan, token), () => {})
      .then(() => { pollInFlight = false })
  }

  function startPolling() {
    if (!running || polling) return
    polling = true
    timer = o.setTimer(tick, o.pollMs)
  }

  return {
    /** Listens live; falls back to polling when the subscription says so. */
    start() {
      if (running) return
      running = true
      subscription = o.subscribe({
        onNext: data => {
          const token = o.currentToken()
          if (token) reported.add(token)
          report(data && data.memberCodeScanned, null)
        },
        onFallback: startPolling
      })
    },
    /** Closes the subscription and stops polling. */
    stop() {
      running = false
      polling = false
      if (subscription) subscription.close()
      subscription = null
      if (timer !== null) o.clearTimer(timer)
      timer = null
    },
    get polling() {
      return polling
    },
    get running() {
      return running
    }
  }
}

module.exports = { createScanWatcher, DEFAULTS }
