/** The member's orders at the brand's stores, newest first, a page at a time as they scroll; each opens its detail. */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { MY_ORDERS } = require('../../api/documents/orders')
const { createPager } = require('../../lib/points-pager')
const { rowView } = require('../../lib/order-view')

const PAGE_SIZE = 20

Component({
  data: {
    orders: [],
    loading: false,
    failed: false,
    hasMore: true,
    loaded: false
  },
  methods: {
    onLoad() {
      this.pager = createPager(after => this.fetchPage(after), state => this.setData({
        orders: state.nodes,
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
      const data = await client.request(MY_ORDERS, { first: PAGE_SIZE, after })
      const list = data.myOrders
      return {
        nodes: list.edges.map(edge => rowView(edge.node)),
        hasNextPage: list.pageInfo.hasNextPage,
        endCursor: list.pageInfo.endCursor
      }
    },
    open(e) {
      wx.navigateTo({ url: `/pages/order/index?id=${e.currentTarget.dataset.id}` })
    }
  }
})
