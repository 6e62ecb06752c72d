/** The member's orders at the brand's stores, newest first, a page at a time as they scroll; each opens its detail. */
const client = require('../../api/client')
const { MY_ORDERS } = require('../../api/documents/orders')
const { pagedList } = require('../../lib/paged-list')
const { rowView } = require('../../lib/order-view')

const PAGE_SIZE = 20

Component({
  behaviors: [pagedList('orders')],
  methods: {
    onLoad() {
      return this.startList()
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
