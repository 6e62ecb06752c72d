/**
 * One order of the store: what was bought, how it was paid (coupons, points, stored value), the
 * points it earned and why, and its refunds; 退款 opens the refund page filled in with the order
 * number and what is left to refund. Coming back after a refund shows the order afresh.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { STORE_ORDER } = require('../../api/documents/orders')
const { detailView } = require('../../lib/order-view')
const roles = require('../lib/roles')
const storeChoice = require('../lib/store-choice')
const handoff = require('../lib/handoff')

Component({
  data: {
    id: null,
    loading: false,
    failed: false,
    notFound: false,
    order: null,
    /** The order's store: an admin's refund happens there. */
    storeId: null
  },
  methods: {
    onLoad() {
      if (!roles.signedInStaff()) return
      const wanted = handoff.take('order')
      if (!wanted) return
      this.setData({ id: wanted.id })
      return this.load()
    },
    onShow() {
      // back from the refund page: the order has changed
      if (this.refunding) {
        this.refunding = false
        return this.load()
      }
    },
    async load() {
      this.setData({ loading: !this.data.order, failed: false })
      try {
        const data = await client.request(STORE_ORDER, { id: this.data.id }, { as: 'staff' })
        const order = data.storeOrder
        this.setData({ loading: false, notFound: !order, order: order ? detailView(order) : null,
          storeId: order ? order.storeId : null })
      } catch (e) {
        this.setData({ loading: false, failed: !this.data.order })
        showError(e)
      }
    },
    refund() {
      const order = this.data.order
      const staff = roles.signedInStaff()
      if (!order || !staff) return
      if (roles.needsStoreChoice(staff.role)) storeChoice.set(this.data.storeId)
      handoff.put('refund', { orderNo: order.orderNo, amountCents: order.refundableCents })
      this.refunding = true
      wx.navigateTo({ url: '/staff/refund/index' })
    },
    goOrders() {
      wx.redirectTo({ url: '/staff/orders/index' })
    }
  }
})
