/**
 * Keeps a fresh member code while the card is shown: fetches a new one every 30 s or 10 s
 * before the current one expires, whichever is sooner; hides a code the moment it expires;
 * retries a failed fetch soon without hiding a code that is still valid; does nothing while
 * stopped. Clock and timers are injectable so the timing is tested with fake timers.
 */

const DEFAULTS = {
  periodMs: 30000,
  leadMs: 10000,
  retryMs: 3000,
  now: () => Date.now(),
  setTimer: (f, ms) => setTimeout(f, ms),
  clearTimer: id => clearTimeout(id)
}

/**
 * @param {object} options
 * @param {function(): Promise<{token: string, digits: string, expiresAt: string}>} options.fetch a new code
 * @param {function(object|null)} options.onCode the code to show ({token, digits, expiresAt}), or null
 * @param {function(Error, {showing: boolean})} [options.onError] a fetch failed (a retry is scheduled)
 */
function createCodeRefresher(options) {
  const o = Object.assign({}, DEFAULTS, options)
  let code = null
  let running = false
  let inFlight = null
  let refreshTimer = null
  let expiryTimer = null

  const expired = c => c.expiresAtMs <= o.now()
  /** What the page gets of a code: its QR token, its digits and its expiry, always together. */
  const shown = c => ({ token: c.token, digits: c.digits, expiresAt: c.expiresAt })

  function clearTimers() {
    if (refreshTimer !== null) o.clearTimer(refreshTimer)
    if (expiryTimer !== null) o.clearTimer(expiryTimer)
    refreshTimer = null
    expiryTimer = null
  }

  function refreshIn(ms) {
    if (refreshTimer !== null) o.clearTimer(refreshTimer)
    refreshTimer = o.setTimer(() => {
      refreshTimer = null
      refresh()
    }, Math.max(0, ms))
  }

  function hide() {
    code = null
    o.onCode(null)
  }

  /** Shows the current code and plans its refresh and its disappearance. */
  function show(fresh) {
    o.onCode(shown(code))
    if (expiryTimer !== null) o.clearTimer(expiryTimer)
    expiryTimer = o.setTimer(() => {
      expiryTimer = null
      hide()
    }, code.expiresAtMs - o.now())
    const due = Math.min(code.fetchedAt + o.periodMs, code.expiresAtMs - o.leadMs) - o.now()
    // A fresh code that is already due (a device clock far ahead) must not cause a tight loop.
    refreshIn(fresh ? Math.max(due, o.retryMs) : due)
  }

  function received(next) {
    code = { token: next.token, digits: next.digits, expiresAt: next.expiresAt, expiresAtMs: Date.parse(next.expiresAt),
      fetchedAt: o.now() }
    if (!running) return
    if (expired(code)) {
      if (expiryTimer !== null) o.clearTimer(expiryTimer)
      expiryTimer = null
      hide()
      refreshIn(o.retryMs)
      return
    }
    show(true)
  }

  function failed(error) {
    if (!running) return
    if (o.onError) o.onError(error, { showing: !!code })
    refreshIn(o.retryMs)
  }

  /** Fetches a new code now unless one is on its way; resolves when it has arrived or failed. */
  function refresh() {
    if (!running) return Promise.resolve()
    if (inFlight) return inFlight
    if (refreshTimer !== null) o.clearTimer(refreshTimer)
    refreshTimer = null
    inFlight = Promise.resolve()
      .then(() => o.fetch())
      .then(received, failed)
      .then(() => { inFlight = null })
    return inFlight
  }

  return {
    /** Shows the kept code while it is valid (refreshing it at once when due), else fetches one; then keeps it fresh. */
    start() {
      if (running) return
      running = true
      if (code && expired(code)) hide()
      if (inFlight) return
      if (code) show(false)
      else refresh()
    },
    /** Stops every timer; a fetch on its way is kept for the next start, never shown while stopped. */
    stop() {
      running = false
      clearTimers()
    },
    /** A new code right away (the current one was scanned: codes scan once). */
    refreshNow() {
      return refresh()
    },
    /** The code being shown, or null. */
    current() {
      return code && !expired(code) ? shown(code) : null
    },
    get running() {
      return running
    }
  }
}

module.exports = { createCodeRefresher, DEFAULTS }
