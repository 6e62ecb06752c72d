/**
 * A Relay-paged list for infinite scroll (coupons, invitations): the items so far, where to go on
 * (endCursor) and whether there is more, plus the footer line the person sees.
 */

/** The state before the first page. */
function empty() {
  return { items: [], endCursor: null, hasNextPage: false, total: 0 }
}

/**
 * The state after a page arrived: a first page replaces what was there, a later page appends.
 * @param {object} state the list so far
 * @param {object} connection { edges: [{ node }], pageInfo: { hasNextPage, endCursor }, totalCount }
 * @param {function} toView maps a node to what the page shows
 * @param {boolean} first whether this was the first page (no `after`)
 */
function withPage(state, connection, toView, first) {
  const items = connection.edges.map(edge => toView(edge.node))
  return {
    items: first ? items : state.items.concat(items),
    endCursor: connection.pageInfo.endCursor,
    hasNextPage: connection.pageInfo.hasNextPage,
    total: connection.totalCount
  }
}

/** The footer under a non-empty list. */
function footer(state, loadingMore) {
  if (loadingMore) return '加载中…'
  return state.hasNextPage ? '上拉加载更多' : '没有更多了'
}

module.exports = { empty, withPage, footer }
