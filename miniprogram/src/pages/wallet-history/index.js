/**
 * The stored-value card's history: every movement (充值, 消费, 退款退回, 赠送金过期) a page at a time
 * as the member scrolls, and, on the second tab, their recharges with what is left of each.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { WALLET_HISTORY, WALLET_RECHARGES } = require('../../api/documents/wallet')
const { createPager } = require('../../lib/points-pager')
const { entryView, rechargeView } = require('../../lib/wallet-view')

const PAGE_SIZE = 20
/** The most recharges the backend lists at once. */
const RECHARGES = 100

Component({
  data: {
    tab: 'entries',
    entries: [],
    entriesLoading: false,
    entriesFailed: false,
    hasMore: true,
    entriesLoaded: false,
    recharges: [],
    rechargesLoading: false,
    rechargesFailed: false,
    rechargesLoaded: false
  },
  methods: {
    onLoad() {
      this.pager = createPager(after => this.fetchPage(after), state => this.setData({
        entries: state.nodes,
        entriesLoading: state.loading,
        entriesFailed: state.failed,
        hasMore: state.hasMore,
        entriesLoaded: state.loaded
      }))
      return this.pager.reset().catch(showError)
    },
    onPullDownRefresh() {
      const reload = this.data.tab === 'entries' ? this.pager.reset() : this.loadRecharges()
      return reload.catch(showError).then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      if (this.data.tab !== 'entries' || this.data.entriesFailed) return Promise.resolve()
      return this.pager.loadMore().catch(showError)
    },
    retryEntries() {
      return this.pager.loadMore().catch(showError)
    },
    async fetchPage(after) {
      const data = await client.request(WALLET_HISTORY, { first: PAGE_SIZE, after })
      const history = data.me.wallet.history
      return {
        nodes: history.edges.map(edge => entryView(edge.node)),
        hasNextPage: history.pageInfo.hasNextPage,
        endCursor: history.pageInfo.endCursor
      }
    },
    async loadRecharges() {
      this.setData({ rechargesLoading: true, rechargesFailed: false })
      try {
        const data = await client.request(WALLET_RECHARGES, { first: RECHARGES })
        this.setData({ rechargesLoading: false, rechargesLoaded: true, recharges: data.me.wallet.recharges.map(rechargeView) })
      } catch (e) {
        this.setData({ rechargesLoading: false, rechargesFailed: true })
        showError(e)
      }
    },
    showTab(e) {
      const tab = e.currentTarget.dataset.tab
      this.setData({ tab })
      if (tab === 'recharges' && !this.data.rechargesLoaded && !this.data.rechargesLoading) return this.loadRecharges()
    }
  }
})
