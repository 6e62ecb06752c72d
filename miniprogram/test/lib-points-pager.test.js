/** The pager behind infinite scroll: next page after the end cursor, one load at a time, the end, resets. */
const { createPager } = require('../src/lib/points-pager')

function pages(total, size = 2) {
  return jest.fn(after => {
    const from = after ? Number(after) : 0
    const nodes = Array.from({ length: Math.min(size, total - from) }, (_, i) => ({ id: `n${from + i + 1}` }))
    return Promise.resolve({ nodes, hasNextPage: from + nodes.length < total, endCursor: String(from + nodes.length) })
  })
}

test('pagesAreAppendedAfterTheEndCursorUntilThereAreNoMore', async () => {
  const fetch = pages(5)
  const pager = createPager(fetch, () => {})
  await pager.loadMore()
  await pager.loadMore()
  await pager.loadMore()
  expect(fetch.mock.calls.map(c => c[0])).toEqual([null, '2', '4'])
  expect(pager.state.nodes.map(n => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5'])
  expect(pager.state.hasMore).toBe(false)
  await pager.loadMore()
  expect(fetch).toHaveBeenCalledTimes(3)
})

test('aLoadWhileOneRunsSharesIt', async () => {
  const fetch = pages(10)
  const pager = createPager(fetch, () => {})
  const first = pager.loadMore()
  expect(pager.loadMore()).toBe(first)
  await first
  expect(fetch).toHaveBeenCalledTimes(1)
})

test('aFailedLoadIsReportedAndCanBeTriedAgainWithTheSameCursor', async () => {
  const fetch = pages(10)
  const pager = createPager(fetch, () => {})
  await pager.loadMore()
  fetch.mockImplementationOnce(() => Promise.reject(new Error('offline')))
  await expect(pager.loadMore()).rejects.toThrow('offline')
  expect(pager.state.failed).toBe(true)
  await pager.loadMore()
  expect(fetch.mock.calls.map(c => c[0])).toEqual([null, '2', '2'])
  expect(pager.state.nodes).toHaveLength(4)
})

test('resetDropsTheAnswerOfALoadStartedBeforeIt', async () => {
  let answer
  const fetch = jest.fn()
    .mockImplementationOnce(() => new Promise(resolve => { answer = resolve }))
    .mockImplementation(() => Promise.resolve({ nodes: [{ id: 'fresh' }], hasNextPage: false, endCursor: '1' }))
  const pager = createPager(fetch, () => {})
  pager.loadMore()
  await Promise.resolve()
  const reset = pager.reset()
  answer({ nodes: [{ id: 'stale' }], hasNextPage: true, endCursor: 'x' })
  await reset
  await Promise.resolve()
  expect(pager.state.nodes.map(n => n.id)).toEqual(['fresh'])
})

test('entriesAlreadyShownAreNotRepeated', async () => {
  const fetch = jest.fn()
    .mockResolvedValueOnce({ nodes: [{ id: 'a' }, { id: 'b' }], hasNextPage: true, endCursor: '2' })
    .mockResolvedValueOnce({ nodes: [{ id: 'b' }, { id: 'c' }], hasNextPage: false, endCursor: '3' })
  const pager = createPager(fetch, () => {})
  await pager.loadMore()
  await pager.loadMore()
  expect(pager.state.nodes.map(n => n.id)).toEqual(['a', 'b', 'c'])
})
