/**
 * 我的活动: the member's sign-ups, newest first, each with where it stands (place, waiting position,
 * attended and the points it gave, cancelled). A place at an upcoming event has a ticket: the
 * member's own rotating code (a new one every 30 s, valid 60 s, scannable once), which staff at the
 * door scan — so a picture of it shared in a group chat is of no use.
 */
const client = require('../../api/client')
const { MY_EVENT_SIGN_UPS } = require('../../api/documents/events')
const { MEMBER_CODE } = require('../../api/documents/membercode')
const { pagedList } = require('../../lib/paged-list')
const { createCodeRefresher } = require('../../lib/code-refresher')
const { mySignUpView } = require('../../lib/event-view')

const PAGE_SIZE = 20

Component({
  behaviors: [pagedList('signUps')],
  data: { ticket: null, code: '', codeLoading: false, codeError: '' },
  methods: {
    onLoad() {
      return this.startList()
    },
    onHide() {
      this.closeTicket()
    },
    onUnload() {
      this.closeTicket()
    },
    async fetchPage(after) {
      const data = await client.request(MY_EVENT_SIGN_UPS, { first: PAGE_SIZE, after })
      const list = data.myEventSignUps
      return {
        nodes: list.edges.map(edge => mySignUpView(edge.node)),
        hasNextPage: list.pageInfo.hasNextPage,
        endCursor: list.pageInfo.endCursor
      }
    },
    open(e) {
      wx.navigateTo({ url: `/pages/event/index?id=${e.currentTarget.dataset.id}` })
    },
    /** 出示票券: the member code for the door, kept fresh while shown. */
    openTicket(e) {
      const ticket = this.data.signUps.find(s => s.signUpId === e.currentTarget.dataset.signUp)
      if (!ticket) return
      this.setData({ ticket, code: '', codeLoading: true, codeError: '' })
      this.refresher().start()
    },
    closeTicket() {
      if (this._refresher) this._refresher.stop()
      if (this.data.ticket) this.setData({ ticket: null, code: '' })
    },
    retryCode() {
      this.setData({ codeError: '', codeLoading: true })
      return this.refresher().refreshNow()
    },
    refresher() {
      if (!this._refresher) {
        this._refresher = createCodeRefresher({
          fetch: () => client.request(MEMBER_CODE).then(data => data.memberCode),
          onCode: code => this.setData({ code: code ? code.token : '', codeLoading: false }),
          onError: () => this.setData({ codeLoading: false, codeError: '票券加载失败，点击重试' })
        })
      }
      return this._refresher
    }
  }
})
