/** Points: balance, points expiring soon, and the history a page at a time as the member scrolls. */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { POINTS_SUMMARY, POINTS_HISTORY } = require('../../api/documents/points')
const { createPager } = require('../../lib/points-pager')
const { entryView, expiringView } = require('../../lib/points-view')
const format = require('../../lib/format')
const signedOut = require('../../behaviors/signed-out')

const PAGE_SIZE = 20

Component({
  behaviors: [signedOut],
  data: {
    loading: true,
    failed: false,
    balance: '',
    expiring: [],
    entries: [],
    historyLoading: false,
    historyFailed: false,
    hasMore: true,
    historyLoaded: false
  },
  methods: {
    onLoad() {
      this.pager = createPager(after => this.fetchPage(after), state => this.setData({
        entries: state.nodes,
        historyLoading: state.loading,
        historyFailed: state.failed,
        hasMore: state.hasMore,
        historyLoaded: state.loaded
      }))
      return this.load()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      return this.more()
    },
    /** Balance and expiring points, and the first page of the history afresh. */
    load() {
      return Promise.all([this.loadSummary(), this.pager.reset().catch(e => this.showSignedOut(e) || showError(e))])
    },
    reloadAfterSignIn() {
      return this.load()
    },
    async loadSummary() {
      if (!this.data.balance) this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(POINTS_SUMMARY)
        this.setData({
          loading: false,
          failed: false,
          balance: format.points(data.me.pointsBalance),
          expiring: expiringView(data.me.pointsExpiringSoon)
        })
      } catch (e) {
        const out = this.showSignedOut(e)
        this.setData({ loading: false, failed: !this.data.balance && !out })
        if (!out) showError(e)
      }
    },
    async fetchPage(after) {
      const data = await client.request(POINTS_HISTORY, { first: PAGE_SIZE, after })
      const history = data.me.pointsHistory
      return {
        nodes: history.edges.map(edge => entryView(edge.node)),
        hasNextPage: history.pageInfo.hasNextPage,
        endCursor: history.pageInfo.endCursor
      }
    },
    /** The next page, unless one is loading or there is none. */
    more() {
      if (!this.pager || this.data.historyFailed) return Promise.resolve()
      return this.pager.loadMore().catch(showError)
    },
    retryMore() {
      return this.pager.loadMore().catch(showError)
    },
    goRules() {
      wx.navigateTo({ url: '/pages/rules/index' })
    }
  }
})
