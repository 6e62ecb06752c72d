/** The purchase result: what the member paid, the points used and earned, and why they earned them. */
const handoff = require('../lib/handoff')
const { resultView } = require('../lib/purchase-result')

Component({
  data: {
    view: null
  },
  methods: {
    onLoad() {
      const payload = handoff.take('purchase')
      this.purchaseId = payload && payload.purchase ? payload.purchase.id : null
      this.setData({ view: payload && payload.purchase ? resultView(payload) : null })
    },
    /** The recorded order's page (to check or refund it); the store's order list when there is none. */
    viewOrder() {
      if (!this.purchaseId) {
        wx.navigateTo({ url: '/staff/orders/index' })
        return
      }
      handoff.put('order', { id: this.purchaseId })
      wx.navigateTo({ url: '/staff/order/index' })
    },
    nextCustomer() {
      wx.redirectTo({ url: '/staff/till/index' })
    }
  }
})
