/**
 * The member's redemptions from the points mall: the pickup code to show at the store's till (with
 * the deadline and any cash to pay there), deliveries with their tracking number, and 取消兑换 while
 * not yet picked up or shipped, which gives the points back.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { MY_MALL_REDEMPTIONS, CANCEL_MALL_REDEMPTION } = require('../../api/documents/mall')
const mall = require('../../lib/mall')
const relay = require('../../lib/relay-list')

const { confirm } = require('../../lib/confirm')

Component({
  data: {
    loading: true,
    failed: false,
    redemptions: [],
    footer: '',
    loadingMore: false,
    cancelling: {}
  },
  methods: {
    onLoad() {
      this.list = relay.empty()
      return this.load()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      if (!this.list.hasNextPage || this.data.loadingMore) return
      return this.load({ more: true })
    },
    async load(options = {}) {
      if (options.more) this.setData({ loadingMore: true })
      else if (!options.quiet) this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(MY_MALL_REDEMPTIONS, { first: 20, after: options.more ? this.list.endCursor : null })
        this.list = relay.withPage(this.list, data.myMallRedemptions, mall.redemptionView, !options.more)
        this.setData({ loading: false, failed: false, loadingMore: false, redemptions: this.list.items,
          footer: relay.footer(this.list, false) })
      } catch (e) {
        this.setData({ loading: false, loadingMore: false, failed: !options.quiet && !options.more })
        showError(e)
      }
    },
    async cancel(e) {
      const id = e.currentTarget.dataset.id
      if (this.data.cancelling[id]) return
      this.setData({ [`cancelling.${id}`]: true })
      try {
        const ok = await confirm({ title: '取消兑换', content: '取消后积分将退回你的账户，确定取消吗？', confirmText: '取消兑换', cancelText: '再想想' })
        if (!ok) return
        await client.mutate(CANCEL_MALL_REDEMPTION, { input: { redemptionId: id, reason: '会员取消' } })
        wx.showToast({ title: '已取消，积分已退回', icon: 'none' })
        await this.load({ quiet: true })
      } catch (err) {
        showError(err)
        this.load({ quiet: true })
      } finally {
        this.setData({ [`cancelling.${id}`]: false })
      }
    },
    openMall() {
      wx.navigateBack({ fail: () => wx.redirectTo({ url: '/pages/mall/index' }) })
    }
  }
})
