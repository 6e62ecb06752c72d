/**
 * Invite friends: the invite code and its mini-program code (which WeChat opens on the friend's
 * welcome page), a share poster to save, the rules in plain words, totals, and every invitation
 * (masked nickname, progress, rewards) with infinite scroll. Sharing is recorded for analytics
 * only; it earns nothing.
 */
const client = require('../../api/client')
const config = require('../../config')
const { showError } = require('../../api/errors')
const { INVITE_PAGE, MY_INVITE_CODE, RECORD_SHARE } = require('../../api/documents/referral')
const invite = require('../../lib/invite')
const poster = require('../../lib/poster')
const list = require('../../lib/relay-list')

const PAGE_SIZE = 20

Component({
  data: {
    loading: true,
    failed: false,
    code: '',
    codeLoading: true,
    codeFailed: false,
    codeUrl: '',
    posterWidth: poster.WIDTH,
    posterHeight: poster.HEIGHT,
    posterBusy: false,
    posterPath: '',
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
      return Promise.all([this.load(), this.loadCode()])
    },
    onPullDownRefresh() {
      return Promise.all([this.load(), this.data.codeUrl ? null : this.loadCode()]).then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      return this.loadMore()
    },
    /** The share card carries the invite code to the welcome page; the share is recorded, never rewarded. */
    onShareAppMessage() {
      client.request(RECORD_SHARE, { input: { page: invite.WELCOME_PAGE } }).catch(() => {})
      return invite.shareMessage(this.data.code)
    },
    async load() {
      this.setData({ loading: true, failed: false, moreFailed: false })
      try {
        const data = await client.request(INVITE_PAGE, { first: PAGE_SIZE })
        const me = data.me
        this.rulesData = data.inviteRules
        this.setData({ loading: false, code: me.inviteCode,
          rules: invite.rules(data.inviteRules),
          stats: invite.statsView(me.inviteStats) })
        this.show(list.withPage(this.list, me.invitations, invite.invitationView, true))
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    },
    /** The mini-program code, apart from the rest: WeChat may be unreachable while the page is not. */
    async loadCode() {
      this.setData({ codeLoading: true, codeFailed: false })
      try {
        const data = await client.request(MY_INVITE_CODE)
        this.me = data.me
        this.setData({ codeLoading: false,
          codeUrl: invite.imageUrl(config.apiUrl(), data.me.inviteMiniProgramCode.imagePath) })
      } catch (e) {
        this.setData({ codeLoading: false, codeFailed: true })
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
    },
    /** The hidden canvas the poster is drawn on. */
    posterCanvas() {
      return new Promise(resolve => wx.createSelectorQuery().in(this).select('#poster-canvas')
        .fields({ node: true, size: true }).exec(res => resolve(res && res[0] ? res[0].node : null)))
    },
    /** Draws the poster (brand, avatar, nickname, the friend's reward, the code) and shows it to save. */
    async makePoster() {
      if (this.data.posterBusy || !this.data.codeUrl || !this.rulesData) return
      this.setData({ posterBusy: true })
      try {
        const canvas = await this.posterCanvas()
        if (!canvas) throw new Error('海报生成失败，请重试')
        const path = await poster.render(canvas, {
          brandName: config.BRAND_NAME,
          nickname: this.me.nickname,
          avatarUrl: this.me.avatarUrl,
          welcomePoints: this.rulesData.welcomePoints,
          codeUrl: this.data.codeUrl
        })
        this.setData({ posterBusy: false, posterPath: path })
      } catch (e) {
        this.setData({ posterBusy: false })
        wx.showToast({ title: e.message || '海报生成失败，请重试', icon: 'none' })
      }
    },
    savePoster() {
      return poster.save(this.data.posterPath)
    },
    closePoster() {
      this.setData({ posterPath: '' })
    }
  }
})
