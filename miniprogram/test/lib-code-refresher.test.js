/** The member code refresher: 30 s cadence, early refresh before expiry, no expired code shown, retries, stop/start. */
const { createCodeRefresher } = require('../src/lib/code-refresher')

const T0 = Date.parse('2026-11-23T02:00:00Z')

beforeEach(() => jest.useFakeTimers({ now: T0 }))
afterEach(() => jest.useRealTimers())

/** A refresher whose fetch answers at once with codes valid `ttl` ms, or fails while `down()`. */
function setup({ ttl = 60000, down = () => false } = {}) {
  const shown = []
  const errors = []
  let issued = 0
  const fetch = jest.fn(() => {
    if (down()) return Promise.reject(new Error('offline'))
    issued++
    return Promise.resolve({ token: `t${issued}`, expiresAt: new Date(Date.now() + ttl).toISOString() })
  })
  const refresher = createCodeRefresher({
    fetch,
    onCode: code => shown.push(code ? code.token : null),
    onError: (e, info) => errors.push(info)
  })
  return { refresher, fetch, shown, errors, last: () => shown[shown.length - 1] }
}

const advance = ms => jest.advanceTimersByTimeAsync(ms)

test('startFetchesACodeAndRefreshesItEvery30Seconds', async () => {
  const { refresher, fetch, last } = setup()
  refresher.start()
  await advance(0)
  expect(last()).toBe('t1')
  await advance(29999)
  expect(fetch).toHaveBeenCalledTimes(1)
  await advance(1)
  expect(fetch).toHaveBeenCalledTimes(2)
  expect(last()).toBe('t2')
  await advance(30000)
  expect(last()).toBe('t3')
})

test('aCodeLivingLessThan40SecondsIsRefreshed10SecondsBeforeItExpires', async () => {
  const { refresher, fetch } = setup({ ttl: 25000 })
  refresher.start()
  await advance(14999)
  expect(fetch).toHaveBeenCalledTimes(1)
  await advance(1)
  expect(fetch).toHaveBeenCalledTimes(2)
})

test('whenRefreshesFailTheCodeStaysUntilItsExpiryAndIsThenHidden', async () => {
  let down = false
  const { refresher, fetch, shown, errors, last } = setup({ down: () => down })
  refresher.start()
  await advance(0)
  down = true
  await advance(30000)
  expect(errors).toEqual([{ showing: true }])
  expect(last()).toBe('t1')
  await advance(3000)
  expect(fetch).toHaveBeenCalledTimes(3) // retried soon
  await advance(26999)
  expect(last()).toBe('t1')
  await advance(1)
  expect(last()).toBeNull()
  expect(refresher.current()).toBeNull()
  expect(shown.filter(t => t === null)).toHaveLength(1)
  await advance(6000)
  expect(errors[errors.length - 1]).toEqual({ showing: false })
  down = false
  await advance(3000)
  expect(last()).toBe('t2')
})

test('aRetryThatSucceedsShowsTheNewCodeAndResumesTheCadence', async () => {
  let down = false
  const { refresher, fetch, last } = setup({ down: () => down })
  refresher.start()
  await advance(0)
  down = true
  await advance(30000)
  down = false
  await advance(3000)
  expect(last()).toBe('t2')
  await advance(29999)
  expect(fetch).toHaveBeenCalledTimes(3)
  await advance(1)
  expect(fetch).toHaveBeenCalledTimes(4)
})

test('stoppedRefresherFetchesNothingAndShowsNothing', async () => {
  const { refresher, fetch, shown } = setup()
  refresher.start()
  await advance(0)
  refresher.stop()
  await advance(5 * 60000)
  expect(fetch).toHaveBeenCalledTimes(1)
  expect(shown).toEqual(['t1'])
})

test('restartWithAnExpiredCodeHidesItAndFetchesANewOne', async () => {
  const { refresher, fetch, shown } = setup()
  refresher.start()
  await advance(0)
  refresher.stop()
  await advance(61000)
  refresher.start()
  expect(shown.slice(-1)).toEqual([null])
  await advance(0)
  expect(shown.slice(-1)).toEqual(['t2'])
  expect(fetch).toHaveBeenCalledTimes(2)
})

test('restartWithACodeDueForRefreshShowsItAndFetchesAtOnce', async () => {
  const { refresher, fetch, shown } = setup()
  refresher.start()
  await advance(0)
  refresher.stop()
  await advance(45000)
  refresher.start()
  expect(shown.slice(-1)).toEqual(['t1'])
  await advance(0)
  expect(fetch).toHaveBeenCalledTimes(2)
  expect(shown.slice(-1)).toEqual(['t2'])
})

test('aCodeArrivingAfterStopIsKeptButNotShownUntilStart', async () => {
  let answer
  const shown = []
  const refresher = createCodeRefresher({
    fetch: () => new Promise(resolve => { answer = resolve }),
    onCode: code => shown.push(code && code.token)
  })
  refresher.start()
  refresher.stop()
  await Promise.resolve()
  answer({ token: 'late', expiresAt: new Date(Date.now() + 60000).toISOString() })
  await advance(0)
  expect(shown).toEqual([])
  refresher.start()
  expect(shown).toEqual(['late'])
})

test('refreshNowWhileAFetchRunsDoesNotFetchTwice', async () => {
  const { refresher, fetch, last } = setup()
  refresher.start()
  refresher.refreshNow()
  refresher.refreshNow()
  await advance(0)
  expect(fetch).toHaveBeenCalledTimes(1)
  await refresher.refreshNow()
  expect(fetch).toHaveBeenCalledTimes(2)
  expect(last()).toBe('t2')
})

test('aCodeThatLooksExpiredOnArrivalIsNotShownAndNotFetchedInATightLoop', async () => {
  const { refresher, fetch, shown } = setup({ ttl: -5000 }) // e.g. the phone's clock runs ahead
  refresher.start()
  await advance(10000)
  expect(shown.every(t => t === null)).toBe(true)
  expect(fetch.mock.calls.length).toBeLessThanOrEqual(4)
})

test('aCodeIsNeverReportedShownPastItsExpiry', async () => {
  let n = 0
  const expiries = {}
  const refresher = createCodeRefresher({
    fetch: () => {
      n++
      if (n % 3 === 0) return Promise.reject(new Error('flaky'))
      const expiresAt = new Date(Date.now() + 20000 + (n % 5) * 10000).toISOString()
      expiries[`t${n}`] = Date.parse(expiresAt)
      return Promise.resolve({ token: `t${n}`, expiresAt })
    },
    onCode: code => { onScreen = code && code.token }
  })
  let onScreen = null
  let seen = 0
  refresher.start()
  for (let s = 0; s < 600; s++) {
    await advance(500)
    if (onScreen) {
      seen++
      expect(Date.now()).toBeLessThan(expiries[onScreen])
    }
  }
  expect(seen).toBeGreaterThan(500)
})

test('theDigitsTravelWithTheirTokenIntoEveryCodeShownAndTheCurrentOne', async () => {
  const shown = []
  let issued = 0
  const refresher = createCodeRefresher({
    fetch: () => {
      issued++
      return Promise.resolve({ token: `t${issued}`, digits: `88000000000000000${issued}`,
        expiresAt: new Date(Date.now() + 60000).toISOString() })
    },
    onCode: code => shown.push(code && { token: code.token, digits: code.digits })
  })
  refresher.start()
  await advance(0)
  await advance(30000)
  expect(shown).toEqual([{ token: 't1', digits: '880000000000000001' }, { token: 't2', digits: '880000000000000002' }])
  expect(refresher.current()).toMatchObject({ token: 't2', digits: '880000000000000002' })
  refresher.stop()
})
