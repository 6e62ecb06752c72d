/**
 * The purchase result: what the member paid, the points used and earned, and why they earned
 * them; for a member's order also what the clerk may suggest to them next (their recommendations,
 * counted against this store's stock: 常与生日蛋糕一起购买 / 本店热销).
 */
const client = require('../../api/client')
const handoff = require('../lib/handoff')
const { resultView } = require('../lib/purchase-result')
const { STAFF_MEMBER_RECOMMENDATIONS } = require('../../api/documents/recommend')
const { loadRecommendations } = require('../../lib/recommend')

const SUGGESTIONS = 3

Component({
  data: {
    view: null,
    /** lib/recommend's { state, items }; null for a guest order (nobody to suggest to). */
    suggestions: null
  },
  methods: {
    onLoad() {
      const payload = handoff.take('purchase')
      const purchase = payload && payload.purchase
      this.setData({ view: purchase ? resultView(payload) : null })
      this.purchaseId = purchase ? purchase.id : null
      this.memberId = purchase && purchase.member ? purchase.member.id : null
      if (this.memberId) this.loadSuggestions()
    },
    loadSuggestions() {
      return loadRecommendations(this, 'suggestions', () => client
        .request(STAFF_MEMBER_RECOMMENDATIONS, { id: this.memberId, first: SUGGESTIONS }, { as: 'staff' })
        .then(data => (data.member ? data.member.member.recommendations : [])))
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
