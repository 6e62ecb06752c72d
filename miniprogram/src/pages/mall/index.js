/**
 * The points mall (积分商城): goods on sale with their points price, tier-only and early-access
 * badges and why one cannot be had now; an item opens its page, where it is redeemed.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { MALL_GOODS } = require('../../api/documents/mall')
const mall = require('../../lib/mall')
const format = require('../../lib/format')
const relay = require('../../lib/relay-list')

Component({
  data: {
    loading: true,
    failed: false,
    goods: [],
    balance: '',
    footer: '',
    loadingMore: false
  },
  methods: {
    onLoad() {
      this.list = relay.empty()
      return this.load()
    },
    onShow() {
      if (this.shown) return this.load({ quiet: true })
      this.shown = true
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
        const data = await client.request(MALL_GOODS, { first: 20, after: options.more ? this.list.endCursor : null })
        const tierNames = {}
        data.tiers.forEach(t => { tierNames[t.level] = t.name })
        this.list = relay.withPage(this.list, data.mallGoods, node => mall.goodsView(node, tierNames), !options.more)
        this.setData({ loading: false, failed: false, loadingMore: false, goods: this.list.items,
          balance: format.points(data.me.pointsBalance), footer: relay.footer(this.list, false) })
      } catch (e) {
        this.setData({ loading: false, loadingMore: false, failed: !options.quiet && !options.more })
        showError(e)
      }
    },
    open(e) {
      wx.navigateTo({ url: `/pages/mall-item/index?id=${e.currentTarget.dataset.id}` })
    },
    openRedemptions() {
      wx.navigateTo({ url: '/pages/mall-redemptions/index' })
    }
  }
})
