/**
 * Leaderboard: 本店/全品牌 (本店 = where the member registered; brand only without one),
 * 本周/本月, 积分/连续签到; the top 20 and "我的排名". The latest choice wins: answers for an
 * earlier choice are dropped.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { LEADERBOARD_ME, LEADERBOARD } = require('../../api/documents/leaderboard')
const board = require('../../lib/leaderboard')

Component({
  data: {
    loading: true,
    failed: false,
    scopes: [],
    periods: board.PERIODS,
    metrics: board.METRICS,
    choice: board.initial(null),
    entries: [],
    mine: '',
    period: ''
  },
  methods: {
    onLoad() {
      this.seq = 0
      this.storeId = undefined
      return this.load()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    /** Finds the member's store once, then loads the board of the current choice. */
    async load() {
      const seq = ++this.seq
      this.setData({ loading: true, failed: false })
      try {
        if (this.storeId === undefined) {
          const data = await client.request(LEADERBOARD_ME)
          this.storeId = data.me.registrationStoreId || null
          this.setData({ scopes: board.scopes(this.storeId), choice: board.initial(this.storeId) })
        }
        const data = await client.request(LEADERBOARD, { input: board.input(this.data.choice, this.storeId) })
        if (seq !== this.seq) return
        this.setData(Object.assign({ loading: false }, board.boardView(data.leaderboard)))
      } catch (e) {
        if (seq !== this.seq) return
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    },
    /** A tapped toggle: data-field is scope, period or metric; data-value its new value. */
    toggle(e) {
      const { field, value } = e.currentTarget.dataset
      if (this.storeId === undefined || this.data.choice[field] === value) return
      this.setData({ choice: board.choose(this.data.choice, field, value, this.storeId) })
      return this.load()
    }
  }
})
