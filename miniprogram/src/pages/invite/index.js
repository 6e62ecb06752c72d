/**
 * Invite friends: the invite code and its QR, the rules in plain words, totals, and every
 * invitation (masked nickname, progress, rewards) with infinite scroll. Sharing is recorded for
 * analytics only; it earns nothing.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { INVITE_PAGE, RECORD_SHARE } = require('../../api/documents/referral')
const invite = require('../../lib/invite')
const list = require('../../lib/relay-list')

const PAGE_SIZE = 20

Component({
  data: {
    loading: true,
    failed: false,
    code: '',
    qrText: '',
    stats: null,
    rules: [],
    invitations: [],
    total: 0,
    loadingMore: false,
    moreFailed: false,
    footer: ''
  },
  methods: {
    onLoad() {
      this.list = list.empty()
      return this.load()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      return this.loadMore()
    },
    /** The share card carries the invite code; the share is recorded, never rewarded. */
    onShareAppMessage() {
      client.request(RECORD_SHARE, { input: { page: invite.CARD_PAGE } }).catch(() => {})
      return invite.shareMessage(this.data.code)
    },
    async load() {
      this.setData({ loading: true, failed: false, moreFailed: false })
      try {
        const data = await client.request(INVITE_PAGE, { first: PAGE_SIZE })
        const me = data.me
        this.setData({ loading: false, code: me.inviteCode, qrText: invite.qrText(me.inviteCode),
          rules: invite.rules(data.inviteRules),
          stats: invite.statsView(me.inviteStats) })
        this.show(list.withPage(this.list, me.invitations, invite.invitationView, true))
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    },
    async loadMore() {
      if (this.data.loading || this.data.loadingMore || !this.list.hasNextPage) return
      this.setData({ loadingMore: true, moreFailed: false, footer: list.footer(this.list, true) })
      try {
        const data = await client.request(INVITE_PAGE, { first: PAGE_SIZE, after: this.list.endCursor })
        this.setData({ loadingMore: false })
        this.show(list.withPage(this.list, data.me.invitations, invite.invitationView, false))
      } catch (e) {
        this.setData({ loadingMore: false, moreFailed: true })
        showError(e)
      }
    },
    show(state) {
      this.list = state
      this.setData({ invitations: state.items, total: state.total, footer: list.footer(state, false) })
    },
    copyCode() {
      wx.setClipboardData({ data: this.data.code })
    }
  }
})
