/** One of the member's orders: what they bought and paid, the points it earned and why, and its refunds. */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { MY_ORDER } = require('../../api/documents/orders')
const { detailView } = require('../../lib/order-view')

Component({
  data: {
    loading: true,
    failed: false,
    notFound: false,
    order: null
  },
  methods: {
    onLoad(query) {
      this.orderId = query && query.id
      if (!this.orderId) {
        this.setData({ loading: false, notFound: true })
        return
      }
      return this.load()
    },
    async load() {
      this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(MY_ORDER, { id: this.orderId })
        const order = data.myOrder
        this.setData({ loading: false, notFound: !order, order: order ? detailView(order) : null })
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    }
  }
})
