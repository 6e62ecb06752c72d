/**
 * A page that lists a Relay connection a page at a time as the member scrolls (orders, events, my
 * events), as a Behavior: `pagedList('orders')` keeps the rows in data.orders with loading, failed,
 * hasMore and loaded; the page gives `fetchPage(after)` ({nodes, hasNextPage, endCursor}) and calls
 * `startList()` from onLoad. Pull-down reloads, reaching the bottom loads more, `retry` retries.
 */
const { showError } = require('../api/errors')
const { createPager } = require('./points-pager')

function pagedList(field) {
  return Behavior({
    data: { [field]: [], loading: false, failed: false, hasMore: true, loaded: false },
    methods: {
      startList() {
        this.pager = createPager(after => this.fetchPage(after), state => this.setData({
          [field]: state.nodes, loading: state.loading, failed: state.failed, hasMore: state.hasMore, loaded: state.loaded
        }))
        return this.reloadList()
      },
      reloadList() {
        return this.pager.reset().catch(showError)
      },
      onPullDownRefresh() {
        return this.reloadList().then(() => wx.stopPullDownRefresh())
      },
      onReachBottom() {
        if (this.data.failed) return Promise.resolve()
        return this.pager.loadMore().catch(showError)
      },
      retry() {
        return this.pager.loadMore().catch(showError)
      }
    }
  })
}

module.exports = { pagedList }
