/** Rules page: the tier table from the backend and the points, check-in and coupon rules in plain words. */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { TIERS } = require('../../api/documents/tier')
const format = require('../../lib/format')

Component({
  data: {
    loading: true,
    failed: false,
    tiers: []
  },
  methods: {
    onLoad() {
      return this.load()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    async load() {
      this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(TIERS)
        this.setData({
          loading: false,
          tiers: data.tiers.map(t => ({
            level: t.level,
            name: t.name,
            threshold: t.thresholdCents > 0 ? `月均消费满${format.yuan(t.thresholdCents)}` : '注册即享',
            multiplier: `${t.pointsMultiplier}倍积分`,
            benefits: t.benefits || ''
          }))
        })
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    }
  }
})
