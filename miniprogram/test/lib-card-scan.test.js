/** The scan watcher: live events, polling every 3 s after a fallback, one report per scanned code, stop. */
const { createScanWatcher } = require('../src/lib/card-scan')

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

function setup({ scannedTokens = new Set() } = {}) {
  const live = { handlers: null, closed: false }
  const scans = []
  let token = 't1'
  const poll = jest.fn(t => Promise.resolve(scannedTokens.has(t) ? { storeId: '1', storeName: '徐汇店', at: 'x' } : null))
  const watcher = createScanWatcher({
    subscribe: handlers => {
      live.handlers = handlers
      return { close: () => { live.closed = true } }
    },
    poll,
    currentToken: () => token,
    onScan: scan => scans.push(scan.storeName)
  })
  return { watcher, live, scans, poll, setToken: t => { token = t } }
}

test('liveEventsAreReportedWithoutPolling', async () => {
  const { watcher, live, scans, poll } = setup()
  watcher.start()
  live.handlers.onNext({ memberCodeScanned: { storeId: '1', storeName: '静安店', at: 'x' } })
  await jest.advanceTimersByTimeAsync(10000)
  expect(scans).toEqual(['静安店'])
  expect(poll).not.toHaveBeenCalled()
})

test('afterAFallbackTheCodeOnScreenIsPolledEvery3Seconds', async () => {
  const { watcher, live, poll } = setup()
  watcher.start()
  live.handlers.onFallback()
  await jest.advanceTimersByTimeAsync(2999)
  expect(poll).not.toHaveBeenCalled()
  await jest.advanceTimersByTimeAsync(1)
  expect(poll).toHaveBeenCalledWith('t1')
  await jest.advanceTimersByTimeAsync(6000)
  expect(poll).toHaveBeenCalledTimes(3)
  expect(watcher.polling).toBe(true)
})

test('aPolledScanIsReportedOncePerCode', async () => {
  const scanned = new Set()
  const { watcher, live, scans, poll, setToken } = setup({ scannedTokens: scanned })
  watcher.start()
  live.handlers.onFallback()
  scanned.add('t1')
  await jest.advanceTimersByTimeAsync(9000)
  expect(scans).toEqual(['徐汇店'])
  expect(poll).toHaveBeenCalledTimes(1)
  setToken('t2')
  await jest.advanceTimersByTimeAsync(3000)
  expect(poll).toHaveBeenLastCalledWith('t2')
  expect(scans).toHaveLength(1)
})

test('aSlowPollIsNotOverlappedByTheNext', async () => {
  const { watcher, live, poll } = setup()
  poll.mockImplementation(() => new Promise(() => {}))
  watcher.start()
  live.handlers.onFallback()
  await jest.advanceTimersByTimeAsync(15000)
  expect(poll).toHaveBeenCalledTimes(1)
})

test('aFailedPollIsTriedAgainAtTheNextTick', async () => {
  const { watcher, live, poll } = setup()
  poll.mockImplementationOnce(() => Promise.reject(new Error('offline')))
  watcher.start()
  live.handlers.onFallback()
  await jest.advanceTimersByTimeAsync(6000)
  expect(poll).toHaveBeenCalledTimes(2)
})

test('noCodeOnScreenMeansNothingToPoll', async () => {
  const { watcher, live, poll, setToken } = setup()
  setToken(null)
  watcher.start()
  live.handlers.onFallback()
  await jest.advanceTimersByTimeAsync(9000)
  expect(poll).not.toHaveBeenCalled()
})

test('stopClosesTheSubscriptionAndEndsPolling', async () => {
  const { watcher, live, poll, scans } = setup()
  watcher.start()
  live.handlers.onFallback()
  await jest.advanceTimersByTimeAsync(3000)
  watcher.stop()
  expect(live.closed).toBe(true)
  await jest.advanceTimersByTimeAsync(30000)
  expect(poll).toHaveBeenCalledTimes(1)
  live.handlers.onFallback()
  live.handlers.onNext({ memberCodeScanned: { storeName: '徐汇店' } })
  await jest.advanceTimersByTimeAsync(30000)
  expect(poll).toHaveBeenCalledTimes(1)
  expect(scans).toEqual([])
})
