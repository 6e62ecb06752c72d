/**
 * The points lottery: the prizes and their probabilities (as WeChat's rules ask), the cost, the
 * draws left today, and the draw button with its result. One request per tap-intent: the button is
 * locked while it runs, and its idempotency key is kept until the outcome is known, so a tap after a
 * lost answer resends the same key and can never draw (or take points) twice.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { LOTTERY, DRAW_LOTTERY } = require('../../api/documents/lottery')
const lottery = require('../../lib/lottery')
const format = require('../../lib/format')

Component({
  data: {
    loading: true,
    failed: false,
    lottery: null,
    balance: '',
    blocked: '',
    drawing: false,
    result: '',
    pickup: false
  },
  methods: {
    onLoad(query = {}) {
      this.lotteryId = query.id || null
      this.key = null
      return this.load()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    async load(options = {}) {
      if (!options.quiet) this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(LOTTERY, this.lotteryId ? { id: this.lotteryId } : {})
        this.entry = data.lotteryForMember
        this.pointsBalance = data.me.pointsBalance
        this.setData({ loading: false, failed: false })
        this.render()
      } catch (e) {
        this.setData({ loading: false, failed: !options.quiet })
        showError(e)
      }
    },
    render() {
      const entry = this.entry
      this.setData({
        lottery: entry ? lottery.lotteryView(entry, this.pointsBalance) : null,
        blocked: entry ? lottery.blockedReason(entry, this.pointsBalance) : '',
        balance: format.points(this.pointsBalance)
      })
    },
    async draw() {
      if (this.data.drawing || !this.entry || this.data.blocked) return
      this.setData({ drawing: true })
      if (!this.key) this.key = client.idempotencyKey('draw')
      try {
        const result = await client.mutate(DRAW_LOTTERY, { input: { lotteryId: this.entry.id, idempotencyKey: this.key } },
          { idempotent: true })
        this.key = null
        this.pointsBalance = result.pointsBalance
        this.entry = Object.assign({}, this.entry, { drawsLeftToday: Math.max(0, this.entry.drawsLeftToday - 1) })
        this.render()
        this.setData({ result: lottery.resultText(result.draw), pickup: lottery.wonGoods(result.draw) })
        this.load({ quiet: true })
      } catch (e) {
        showError(e)
        // a business answer (limit, points, paused) settles this intent; without an answer the key stays
        if (e.userErrors && e.userErrors.length) {
          this.key = null
          this.load({ quiet: true })
        }
      } finally {
        this.setData({ drawing: false })
      }
    },
    openDraws() {
      wx.navigateTo({ url: '/pages/lottery-draws/index' })
    },
    openPickup() {
      wx.navigateTo({ url: '/pages/mall-redemptions/index' })
    }
  }
})
