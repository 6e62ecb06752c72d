/** 会员活动: the events the member may sign up for (their tier and tags) or signed up for, newest first; each opens its page. */
const client = require('../../api/client')
const { EVENTS_FOR_ME } = require('../../api/documents/events')
const { pagedList } = require('../../lib/paged-list')
const { eventView } = require('../../lib/event-view')

const PAGE_SIZE = 20

Component({
  behaviors: [pagedList('events')],
  methods: {
    onLoad() {
      return this.startList()
    },
    onShow() {
      // back from an event page: its sign-up may have changed
      if (this.pager && this.data.loaded) return this.reloadList()
      return Promise.resolve()
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
