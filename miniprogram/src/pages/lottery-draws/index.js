/** The member's lottery draws, newest first, a page at a time as they scroll. */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { MY_LOTTERY_DRAWS } = require('../../api/documents/lottery')
const { createPager } = require('../../lib/points-pager')
const { drawRow } = require('../../lib/lottery')

const PAGE_SIZE = 20

Component({
  data: {
    draws: [],
    loading: false,
    failed: false,
    hasMore: true,
    loaded: false
  },
  methods: {
    onLoad() {
      this.pager = createPager(after => this.fetchPage(after), state => this.setData({
        draws: state.nodes,
        loading: state.loading,
        failed: state.failed,
        hasMore: state.hasMore,
        loaded: state.loaded
      }))
      return this.pager.reset().catch(showError)
    },
    onPullDownRefresh() {
      return this.pager.reset().catch(showError).then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      if (this.data.failed) return Promise.resolve()
      return this.pager.loadMore().catch(showError)
    },
    retry() {
      return this.pager.loadMore().catch(showError)
    },
    async fetchPage(after) {
      const list = (await client.request(MY_LOTTERY_DRAWS, { first: PAGE_SIZE, after })).myLotteryDraws
      return {
        nodes: list.edges.map(edge => drawRow(edge.node)),
        hasNextPage: list.pageInfo.hasNextPage,
        endCursor: list.pageInfo.endCursor
      }
    }
  }
})
