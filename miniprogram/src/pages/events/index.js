/** 会员活动: the events the member may sign up for (their tier and tags) or signed up for, newest first; each opens its page. */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { EVENTS_FOR_ME } = require('../../api/documents/events')
const { createPager } = require('../../lib/points-pager')
const { eventView } = require('../../lib/event-view')

const PAGE_SIZE = 20

Component({
  data: { events: [], loading: false, failed: false, hasMore: true, loaded: false },
  methods: {
    onLoad() {
      this.pager = createPager(after => this.fetchPage(after), state => this.setData({
        events: state.nodes, loading: state.loading, failed: state.failed, hasMore: state.hasMore, loaded: state.loaded
      }))
      return this.pager.reset().catch(showError)
    },
    onShow() {
      // back from an event page: its sign-up may have changed
      if (this.pager && this.data.loaded) return this.pager.reset().catch(showError)
      return Promise.resolve()
    },
    onPullDownRefresh() {
      return this.pager.reset().catch(showError).then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      if (this.data.failed) return Promise.resolve()
      return this.pager.loadMore().catch(showError)
    },
    retry() {
      return this.pager.loadMore().catch(showError)
    },
    async fetchPage(after) {
      const data = await client.request(EVENTS_FOR_ME, { first: PAGE_SIZE, after })
      const list = data.eventsForMe
      return {
        nodes: list.edges.map(edge => eventView(edge.node)),
        hasNextPage: list.pageInfo.hasNextPage,
        endCursor: list.pageInfo.endCursor
      }
    },
    open(e) {
      wx.navigateTo({ url: `/pages/event/index?id=${e.currentTarget.dataset.id}` })
    },
    openMine() {
      wx.navigateTo({ url: '/pages/my-events/index' })
    }
  }
})
