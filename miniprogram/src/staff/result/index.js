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
      this.setData({ view: payload && payload.purchase ? resultView(payload) : null })
    },
    nextCustomer() {
      wx.redirectTo({ url: '/staff/till/index' })
    }
  }
})
