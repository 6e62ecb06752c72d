/** My coupons (tab): 可用/已使用/已过期 tabs, each an infinite list; the way to the coupon centre. */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { MY_COUPONS } = require('../../api/documents/coupon')
const coupon = require('../../lib/coupon')
const list = require('../../lib/relay-list')
const signedOut = require('../../behaviors/signed-out')

const PAGE_SIZE = 20
const EMPTY_TEXT = { USABLE: '暂无可用的优惠券，去领券中心看看', USED: '还没有用过优惠券', EXPIRED: '没有过期的优惠券' }

Component({
  behaviors: [signedOut],
  data: {
    tabs: coupon.STATUS_TABS,
    status: 'USABLE',
    loading: true,
    failed: false,
    coupons: [],
    total: 0,
    hasNextPage: false,
    loadingMore: false,
    moreFailed: false,
    footer: '',
    emptyText: EMPTY_TEXT.USABLE
  },
  methods: {
    onLoad() {
      this.list = list.empty()
      this.seq = 0
      return this.load()
    },
    onShow() {
      // Back from the coupon centre or the till: show what changed, quietly.
      if (this.shown) return this.load({ quiet: true })
      this.shown = true
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    reloadAfterSignIn() {
      return this.load()
    },
    onReachBottom() {
      return this.loadMore()
    },
    switchTab(e) {
      const status = e.currentTarget.dataset.status
      if (status === this.data.status) return
      this.setData({ status, emptyText: EMPTY_TEXT[status], coupons: [] })
      return this.load()
    },
    openCentre() {
      wx.navigateTo({ url: '/pages/coupon-centre/index' })
    },
    /** The first page of the current tab; answers for a tab no longer shown are dropped. */
    async load(options = {}) {
      const seq = ++this.seq
      const status = this.data.status
      // A page still on its way for the earlier list is dropped, so it must not block the next one.
      this.setData({ loadingMore: false })
      if (!options.quiet) this.setData({ loading: true, failed: false, moreFailed: false })
      try {
        const data = await client.request(MY_COUPONS, { status, first: PAGE_SIZE })
        if (seq !== this.seq) return
        this.show(list.withPage(this.list, data.me.coupons, coupon.couponView, true))
        this.setData({ loading: false, failed: false })
      } catch (e) {
        if (seq !== this.seq) return
        if (this.showSignedOut(e)) {
          this.setData({ loading: false, failed: false })
          return
        }
        this.setData({ loading: false, failed: !options.quiet || !this.data.coupons.length })
        showError(e)
      }
    },
    /** The next page, once at a time, only when there is one. */
    async loadMore() {
      if (this.data.loading || this.data.loadingMore || !this.list.hasNextPage) return
      const seq = this.seq
      this.setData({ loadingMore: true, moreFailed: false, footer: list.footer(this.list, true) })
      try {
        const data = await client.request(MY_COUPONS, { status: this.data.status, first: PAGE_SIZE, after: this.list.endCursor })
        if (seq !== this.seq) return
        this.setData({ loadingMore: false })
        this.show(list.withPage(this.list, data.me.coupons, coupon.couponView, false))
      } catch (e) {
        if (seq !== this.seq) return
        this.setData({ loadingMore: false, moreFailed: true })
        showError(e)
      }
    },
    show(state) {
      this.list = state
      this.setData({ coupons: state.items, total: state.total, hasNextPage: state.hasNextPage,
        footer: list.footer(state, false) })
    }
  }
})
