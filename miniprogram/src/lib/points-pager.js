/**
 * Infinite scroll over a Relay connection: loads the next page after pageInfo.endCursor while
 * hasNextPage, never two loads at once (a second call while one runs gets the same promise), and
 * drops the answer of a load that a reset made stale.
 */

/**
 * @param {function(string|null): Promise<{nodes: object[], hasNextPage: boolean, endCursor: string|null}>} fetchPage
 * @param {function(object)} onChange called with the state after each change
 */
function createPager(fetchPage, onChange) {
  let state = { nodes: [], hasMore: true, loading: false, failed: false, loaded: false }
  let cursor = null
  let inFlight = null
  let generation = 0

  function set(patch) {
    state = Object.assign({}, state, patch)
    onChange(state)
  }

  function loadMore() {
    if (inFlight) return inFlight
    if (!state.hasMore) return Promise.resolve(state)
    const mine = generation
    set({ loading: true, failed: false })
    inFlight = Promise.resolve()
      .then(() => fetchPage(cursor))
      .then(page => {
        if (mine !== generation) return
        const seen = new Set(state.nodes.map(n => n.id))
        cursor = page.endCursor || cursor
        set({
          nodes: state.nodes.concat(page.nodes.filter(n => !seen.has(n.id))),
          hasMore: !!page.hasNextPage && !!page.endCursor,
          loading: false,
          loaded: true
        })
      }, error => {
        if (mine !== generation) return
        set({ loading: false, failed: true })
        throw error
      })
      .finally(() => {
        if (mine === generation) inFlight = null
      })
    return inFlight
  }

  return {
    loadMore,
    /** Forgets every page and loads the first again. */
    reset() {
      generation++
      inFlight = null
      cursor = null
      state = { nodes: [], hasMore: true, loading: false, failed: false, loaded: false }
      return loadMore()
    },
    get state() {
      return state
    }
  }
}

module.exports = { createPager }
