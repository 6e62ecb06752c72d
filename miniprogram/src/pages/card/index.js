/**
 * Member card (home tab): tier, points (kept live by the pointsChanged subscription while shown),
 * growth to the next tier, member day and tier benefits from programRules, a new member's welcome
 * (once), recommendations, and the rotating member code (a barcode with its digits and a QR code,
 * kept fresh together). The code is shown only when the member opens it (出示会员码): only then is it fetched and refreshed (lib/code-refresher), the screen
 * brightened (lib/brightness) and a till's scan watched for; closing it, leaving the page or
 * hiding the app puts the member's brightness back.
 */
const client = require('../../api/client')
const live = require('../../api/live')
const session = require('../../api/session')
const { showError } = require('../../api/errors')
const { MY_CARD } = require('../../api/documents/member')
const { PROGRAM_RULES } = require('../../api/documents/programme')
const { POINTS_CHANGED } = require('../../api/documents/points')
const { MY_RECOMMENDATIONS } = require('../../api/documents/recommend')
const { MY_WELCOME, MARK_WELCOME_SEEN } = require('../../api/documents/welcome')
const { MY_TIER_BENEFITS } = require('../../api/documents/stamp')
const { benefitView } = require('../../lib/stamp-view')
const rulesView = require('../../lib/rules-view')
const format = require('../../lib/format')
const { MEMBER_CODE, MEMBER_CODE_SCAN, MEMBER_CODE_SCANNED } = require('../../api/documents/membercode')
const { createCodeRefresher } = require('../../lib/code-refresher')
const { createScanWatcher } = require('../../lib/card-scan')
const { createBrightness } = require('../../lib/brightness')
const { cardView, scanBanner, welcomeView } = require('../../lib/card-view')
const { loadRecommendations } = require('../../lib/recommend')
const signedOut = require('../../behaviors/signed-out')

const BANNER_MS = 10000
const CODE_FAILED = '会员码刷新失败'
const RECOMMENDATIONS = 3

Component({
  behaviors: [signedOut],
  data: {
    loading: true,
    failed: false,
    card: null,
    tierProgress: null,
    code: '',
    /** The same code's digits, for the barcode and 查看数字 (shown and refreshed with the QR code). */
    codeDigits: '',
    codeLoading: true,
    codeError: '',
    banner: '',
    /** The member opened the code panel (出示会员码); it stays open across hide and show. */
    codeOpen: false,
    /** Which day is member day and its factor, from programRules ("" without one, or until loaded). */
    memberDay: '',
    /** The member's tier's benefits from programRules ("" until both are loaded). */
    benefits: '',
    /** programRules.tierWindowMonths, for the growth bar's "近3个月" (0 until loaded). */
    windowMonths: 0,
    /** programRules.tierReviewsBeforeDrop, for "3次降级" under the growth bar (0 until loaded). */
    reviewsBeforeDrop: 0,
    /** This month's coupons of the member's tier with where each stands (lib/stamp-view benefitView); [] without any. */
    tierBenefits: [],
    /** A new member's welcome (lib/card-view welcomeView), shown once; null otherwise. */
    welcome: null,
    recommendations: { state: 'loading', items: [] }
  },
  methods: {
    onLoad(query) {
      session.rememberInviter(query && query.inviter)
    },
    onShow() {
      this.shown = true
      // On a first visit the requests share one sign-in (api/session).
      this.loadCard()
      this.loadRules()
      if (this.data.recommendations.state !== 'ready') this.loadRecommendations()
      if (this.data.codeOpen) this.showCodePanel()
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
      this.loadRecommendations()
      if (this.shown && this.data.codeOpen) this.parts().refresher.start()
    },
    onPullDownRefresh() {
      return Promise.all([
        this.loadCard(),
        this.loadRecommendations(),
        this.data.codeOpen ? this.parts().refresher.refreshNow() : null
      ]).then(() => wx.stopPullDownRefresh())
    },
    pause() {
      this.shown = false
      this.hideCodePanel()
      this.stopLivePoints()
    },
    /** 出示会员码: shows the code, brightens the screen and keeps it on. */
    openCode() {
      if (this.data.codeOpen) return
      this.setData({ codeOpen: true })
      if (this.shown) this.showCodePanel()
    },
    /** 收起: hides the code and puts the member's brightness back. */
    closeCode() {
      if (!this.data.codeOpen) return
      this.hideCodePanel()
      this.setData({ codeOpen: false })
    },
    showCodePanel() {
      const parts = this.parts()
      parts.brightness.raise()
      parts.refresher.start()
    },
    hideCodePanel() {
      const parts = this.parts()
      parts.refresher.stop()
      parts.watcher.stop()
      parts.brightness.restore()
      if (this.bannerTimer) clearTimeout(this.bannerTimer)
      this.bannerTimer = null
      if (this.data.banner) this.setData({ banner: '' })
    },
    /** Follows the balance live while the card is shown (the socket opens once signed in). */
    startLivePoints() {
      if (this.livePoints || !this.shown) return
      this.livePoints = live.subscribe(POINTS_CHANGED, {}, {
        onNext: data => this.pointsMoved(data.pointsChanged),
        // without the socket the card still reloads on every show and pull-down
        onFallback: () => {}
      })
    },
    stopLivePoints() {
      if (this.livePoints) this.livePoints.close()
      this.livePoints = null
    },
    pointsMoved(change) {
      if (!change || !this.data.card) return
      this.setData({ 'card.balance': format.points(change.balance) })
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
      this.setData({ code: code ? code.token : '', codeDigits: code ? code.digits : '', codeLoading: false,
        codeError: code ? '' : this.data.codeError })
      if (code && this.shown && this.data.codeOpen) this.parts().watcher.start()
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
          this.showBenefits()
          this.startLivePoints()
          this.loadWelcome()
          this.loadTierBenefits()
        })
        .catch(e => {
          if (this.showSignedOut(e)) {
            // signed out on purpose: no card, no code, no retries until the member signs in
            this.closeCode()
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
    /** The member-day line, tier benefits, growth window and reviews before a drop; the card works without them, so a failure only leaves them out. */
    loadRules() {
      return client.request(PROGRAM_RULES)
        .then(data => {
          this.rules = data.programRules
          this.setData({
            memberDay: rulesView.memberDayLine(this.rules, format.today()),
            windowMonths: this.rules.tierWindowMonths || 0,
            reviewsBeforeDrop: this.rules.tierReviewsBeforeDrop || 0
          })
          this.showBenefits()
        })
        .catch(() => {})
    },
    showBenefits() {
      if (!this.rules || !this.data.card) return
      this.setData({ benefits: rulesView.tierBenefitsLine(this.rules, this.data.card.tierLevel) })
    },
    /** The tier's monthly coupons and their state this month; the card works without them, so a failure only leaves them out. */
    loadTierBenefits() {
      return client.request(MY_TIER_BENEFITS)
        .then(data => this.setData({ tierBenefits: data.myTierBenefits.map(benefitView) }))
        .catch(() => {})
    },
    loadRecommendations() {
      return loadRecommendations(this, 'recommendations',
        () => client.request(MY_RECOMMENDATIONS, { first: RECOMMENDATIONS }).then(data => data.recommendations))
    },
    /**
     * A new member's welcome, asked for once per page; shown until dismissed and marked seen at
     * once, so it shows once. Without it (or when asking fails) the card shows nothing more.
     */
    loadWelcome() {
      if (this.welcomeAsked) return null
      this.welcomeAsked = true
      return client.request(MY_WELCOME)
        .then(data => {
          const view = welcomeView(data.myWelcome)
          if (!view) return null
          this.setData({ welcome: view })
          return client.request(MARK_WELCOME_SEEN)
        })
        .catch(() => {})
    },
    closeWelcome() {
      this.setData({ welcome: null })
    },
    goCoupons() {
      this.setData({ welcome: null })
      wx.switchTab({ url: '/pages/coupons/index' })
    },
    goPoints() {
      wx.navigateTo({ url: '/pages/points/index' })
    },
    goRules() {
      wx.navigateTo({ url: '/pages/rules/index' })
    },
    goStamps() {
      wx.navigateTo({ url: '/pages/stamps/index' })
    }
  }
})
