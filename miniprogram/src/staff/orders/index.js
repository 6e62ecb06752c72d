/**
 * The store's orders: today by default (or a range of days), searched by order number or by the
 * member who bought (phone number, or their member code scanned or typed), with totals, a page at
 * a time as the clerk scrolls. Tapping an order opens it (to refund it).
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { STORE_ORDERS } = require('../../api/documents/orders')
const { createPager } = require('../../lib/points-pager')
const { rowView } = require('../../lib/order-view')
const format = require('../../lib/format')
const roles = require('../lib/roles')
const storeChoice = require('../lib/store-choice')
const handoff = require('../lib/handoff')
const scan = require('../lib/scan')

const PAGE_SIZE = 20

Component({
  data: {
    needsStore: false,
    storeId: '',
    today: '',
    from: '',
    to: '',
    search: '',
    /** The search the list shows (what was typed when 查询 was tapped). */
    searched: '',
    totals: null,
    orders: [],
    loading: false,
    failed: false,
    hasMore: false,
    loaded: false
  },
  methods: {
    onLoad() {
      const staff = roles.signedInStaff()
      if (!staff) return
      const needsStore = roles.needsStoreChoice(staff.role)
      const today = format.today()
      this.setData({ needsStore, storeId: needsStore ? storeChoice.get() || '' : '', today, from: today, to: today })
      this.pager = createPager(after => this.fetchPage(after), state => this.setData({
        orders: state.nodes,
        loading: state.loading,
        failed: state.failed,
        hasMore: state.hasMore,
        loaded: state.loaded
      }))
      return this.reload()
    },
    onPullDownRefresh() {
      return this.reload().then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      if (!this.pager || this.data.failed || !this.data.loaded) return Promise.resolve()
      return this.pager.loadMore().catch(showError)
    },
    /** The first page afresh with the filter as it stands; nothing for an admin without a store. */
    reload() {
      if (this.data.needsStore && !this.data.storeId) return Promise.resolve()
      this.setData({ totals: null })
      return this.pager.reset().catch(showError)
    },
    retry() {
      return this.data.loaded ? this.pager.loadMore().catch(showError) : this.reload()
    },
    async fetchPage(after) {
      const filter = { from: this.data.from, to: this.data.to }
      if (this.data.searched) filter.search = this.data.searched
      const vars = { filter, first: PAGE_SIZE, after }
      if (this.data.needsStore) vars.storeId = this.data.storeId
      const data = await client.request(STORE_ORDERS, vars, { as: 'staff' })
      const list = data.storeOrders
      this.setData({ totals: {
        count: list.totalCount,
        amount: format.yuan(list.amountCents),
        refunded: format.yuan(list.refundedCents)
      } })
      return {
        nodes: list.edges.map(edge => rowView(edge.node)),
        hasNextPage: list.pageInfo.hasNextPage,
        endCursor: list.pageInfo.endCursor
      }
    },
    onStoreChange(e) {
      storeChoice.set(e.detail.storeId)
      this.setData({ storeId: e.detail.storeId })
      return this.reload()
    },
    onFromChange(e) {
      const from = e.detail.value
      this.setData({ from, to: this.data.to < from ? from : this.data.to })
      return this.reload()
    },
    onToChange(e) {
      const to = e.detail.value
      this.setData({ to, from: this.data.from > to ? to : this.data.from })
      return this.reload()
    },
    onSearchInput(e) {
      this.setData({ search: e.detail.value })
    },
    doSearch() {
      this.setData({ searched: this.data.search.trim() })
      return this.reload()
    },
    clearSearch() {
      this.setData({ search: '', searched: '' })
      return this.reload()
    },
    /** Scans the member's code and lists their orders. */
    async scanMember() {
      let code
      try {
        code = await scan.camera()
      } catch (e) {
        showError(e)
        return
      }
      if (!code) return
      this.setData({ search: code, searched: code })
      return this.reload()
    },
    open(e) {
      handoff.put('order', { id: e.currentTarget.dataset.id })
      wx.navigateTo({ url: '/staff/order/index' })
    }
  }
})
