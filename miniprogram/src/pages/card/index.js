/**
 * Member card (home tab): tier, points, growth to the next tier, and the rotating member QR code
 * (kept fresh by lib/code-refresher, screen brightened while shown); a banner when a till scans it.
 */
const client = require('../../api/client')
const live = require('../../api/live')
const session = require('../../api/session')
const { showError } = require('../../api/errors')
const { MY_CARD } = require('../../api/documents/member')
const { PROGRAM_RULES } = require('../../api/documents/programme')
const rulesView = require('../../lib/rules-view')
const format = require('../../lib/format')
const { MEMBER_CODE, MEMBER_CODE_SCAN, MEMBER_CODE_SCANNED } = require('../../api/documents/membercode')
const { createCodeRefresher } = require('../../lib/code-refresher')
const { createScanWatcher } = require('../../lib/card-scan')
const { createBrightness } = require('../../lib/brightness')
const { cardView, scanBanner } = require('../../lib/card-view')
const signedOut = require('../../behaviors/signed-out')

const BANNER_MS = 10000
const CODE_FAILED = '会员码刷新失败'

Component({
  behaviors: [signedOut],
  data: {
    loading: true,
    failed: false,
    card: null,
    tierProgress: null,
    code: '',
    codeLoading: true,
    codeError: '',
    banner: '',
    /** Which day is member day and its factor, from programRules ("" without one, or until loaded). */
    memberDay: ''
  },
  methods: {
    onLoad(query) {
      session.rememberInviter(query && query.inviter)
    },
    onShow() {
      this.shown = true
      const parts = this.parts()
      parts.brightness.raise()
      // On a first visit both requests share one sign-in (api/session).
      this.loadCard()
      this.loadRules()
      parts.refresher.start()
    },
    onHide() {
      this.pause()
    },
    onUnload() {
      this.pause()
    },
    /** Signed in again from the sign-in block (after 退出登录 or 撤销注销并登录). */
    reloadAfterSignIn() {
      this.loadCard()
      if (this.shown) this.parts().refresher.start()
    },
    onPullDownRefresh() {
      return Promise.all([this.loadCard(), this.parts().refresher.refreshNow()]).then(() => wx.stopPullDownRefresh())
    },
    pause() {
      this.shown = false
      const parts = this.parts()
      parts.refresher.stop()
      parts.watcher.stop()
      parts.brightness.restore()
      if (this.bannerTimer) clearTimeout(this.bannerTimer)
      this.bannerTimer = null
      if (this.data.banner) this.setData({ banner: '' })
    },
    /** The refresher, the scan watcher and the brightness of this page, made once. */
    parts() {
      if (this._parts) return this._parts
      const refresher = createCodeRefresher({
        fetch: () => client.request(MEMBER_CODE).then(data => data.memberCode),
        onCode: code => this.showCode(code),
        onError: () => this.setData({ codeLoading: false, codeError: CODE_FAILED })
      })
      const watcher = createScanWatcher({
        subscribe: handlers => live.subscribe(MEMBER_CODE_SCANNED, {}, handlers),
        poll: token => client.request(MEMBER_CODE_SCAN, { token }).then(data => data.memberCodeScan),
        currentToken: () => {
          const code = refresher.current()
          return code ? code.token : null
        },
        onScan: scan => this.scanned(scan)
      })
      this._parts = { refresher, watcher, brightness: createBrightness() }
      return this._parts
    },
    showCode(code) {
      this.setData({ code: code ? code.token : '', codeLoading: false, codeError: code ? '' : this.data.codeError })
      if (code && this.shown) this.parts().watcher.start()
    },
    /** A till scanned the code: say where, reload the card (points may have moved), show a new code. */
    scanned(scan) {
      this.setData({ banner: scanBanner(scan) })
      if (this.bannerTimer) clearTimeout(this.bannerTimer)
      this.bannerTimer = setTimeout(() => {
        this.bannerTimer = null
        this.setData({ banner: '' })
      }, BANNER_MS)
      wx.vibrateShort({ type: 'light' })
      this.loadCard()
      this.parts().refresher.refreshNow()
    },
    retryCode() {
      if (this.data.codeError) this.setData({ codeError: '' })
      return this.parts().refresher.refreshNow()
    },
    async loadCard() {
      if (this.loadingCard) return this.loadingCard
      if (!this.data.card) this.setData({ loading: true, failed: false })
      this.loadingCard = client.request(MY_CARD)
        .then(data => {
          const view = cardView(data.me)
          this.setData({ loading: false, failed: false, card: view, tierProgress: data.me.tierProgress })
        })
        .catch(e => {
          if (this.showSignedOut(e)) {
            // signed out on purpose: no card, no code, no retries until the member signs in
            this.parts().refresher.stop()
            this.setData({ loading: false, failed: false, card: null, code: '' })
            return
          }
          this.setData({ loading: false, failed: !this.data.card })
          showError(e)
        })
        .then(() => { this.loadingCard = null })
      return this.loadingCard
    },
    /** The member-day line; the card works without it, so a failure only leaves it out. */
    loadRules() {
      return client.request(PROGRAM_RULES)
        .then(data => this.setData({ memberDay: rulesView.memberDayLine(data.programRules, format.today()) }))
        .catch(() => {})
    },
    goPoints() {
      wx.navigateTo({ url: '/pages/points/index' })
    },
    goRules() {
      wx.navigateTo({ url: '/pages/rules/index' })
    }
  }
})
