/**
 * Coupon centre: free coupons to claim ("领取") and coupons to buy with points ("N积分兑换",
 * after a confirmation). One request per tap-intent: the button is locked while it runs, and its
 * idempotency key is kept until the outcome is known, so a tap after a lost answer resends the
 * same key and can never get a second coupon or take points twice. A coupon in its early access
 * says 优先领 to members of its tiers and when it opens to the others ("12月10日 10:00 开放"); the
 * page loads again by itself when one opens to the member within the hour.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { COUPON_CENTRE, CLAIM_COUPON, EXCHANGE_COUPON } = require('../../api/documents/coupon')
const coupon = require('../../lib/coupon')
const format = require('../../lib/format')

const MUTATIONS = { claim: CLAIM_COUPON, exchange: EXCHANGE_COUPON }
const SUCCESS = { claim: '领取成功', exchange: '兑换成功' }

const { confirm } = require('../../lib/confirm')

Component({
  data: {
    loading: true,
    failed: false,
    coupons: [],
    running: {},
    balance: ''
  },
  methods: {
    onLoad() {
      this.entries = []
      this.tierNames = {}
      this.pointsBalance = 0
      this.keys = {}
      this.busy = {}
      return this.load()
    },
    onUnload() {
      clearTimeout(this.openingTimer)
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    async load(options = {}) {
      if (!options.quiet) this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(COUPON_CENTRE)
        this.entries = data.couponCentre
        this.tierNames = {}
        data.tiers.forEach(t => { this.tierNames[t.level] = t.name })
        this.pointsBalance = data.me.pointsBalance
        this.setData({ loading: false, failed: false })
        this.render()
      } catch (e) {
        this.setData({ loading: false, failed: !options.quiet })
        showError(e)
      }
    },
    render() {
      this.setData({
        coupons: this.entries.map(entry => coupon.centreView(entry, this.tierNames)),
        balance: format.points(this.pointsBalance)
      })
      clearTimeout(this.openingTimer)
      const wait = coupon.nextOpening(this.entries)
      // a second after it opens, so that the server's clock has passed it too
      if (wait !== null) this.openingTimer = setTimeout(() => this.load({ quiet: true }), wait + 1000)
    },
    /** "领取" or "N积分兑换": one request per intent, never two at once for one coupon. */
    async get(e) {
      const id = e.currentTarget.dataset.id
      const index = this.entries.findIndex(entry => entry.template.id === id)
      const entry = this.entries[index]
      const how = entry && entry.available ? coupon.action(entry.template) : null
      if (!how || this.busy[id]) return
      this.busy[id] = true
      this.setData({ [`running.${id}`]: true })
      try {
        if (how === 'exchange' && !(await this.confirmExchange(entry.template))) return
        await this.send(how, id)
      } finally {
        this.busy[id] = false
        this.setData({ [`running.${id}`]: false })
      }
    },
    confirmExchange(template) {
      return confirm({
        title: '确认兑换',
        content: `用${format.points(template.pointsPrice)}积分兑换「${template.name}」？当前积分${format.points(this.pointsBalance)}。`,
        confirmText: '兑换'
      })
    },
    async send(how, id) {
      if (!this.keys[id]) this.keys[id] = client.idempotencyKey(how)
      try {
        await client.mutate(MUTATIONS[how], { input: { templateId: id, idempotencyKey: this.keys[id] } }, { idempotent: true })
        delete this.keys[id]
        const index = this.entries.findIndex(entry => entry.template.id === id)
        const entry = this.entries[index]
        if (how === 'exchange') this.pointsBalance -= entry.template.pointsPrice
        this.entries[index] = coupon.afterGetting(entry)
        this.render()
        wx.showToast({ title: SUCCESS[how], icon: 'success' })
      } catch (e) {
        showError(e)
        // A business answer (sold out, limit, points) settles this intent; refresh what can be had.
        // Without an answer the key stays, so the next tap resends the same request.
        if (e.userErrors && e.userErrors.length) {
          delete this.keys[id]
          this.load({ quiet: true })
        }
      }
    },
    openCoupons() {
      wx.switchTab({ url: '/pages/coupons/index' })
    }
  }
})
