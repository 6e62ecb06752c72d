/** The member's stamp cards (集章卡): each with its stamps drawn, the reward, the rule and when the period ends. */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { MY_STAMP_CARDS } = require('../../api/documents/stamp')
const { stampCardView } = require('../../lib/stamp-view')

Component({
  data: {
    cards: [],
    loading: true,
    failed: false
  },
  methods: {
    onLoad() {
      return this.load()
    },
    /** Back on the page (after a purchase elsewhere): the cards again; the first show follows onLoad. */
    onShow() {
      if (!this.seen) {
        this.seen = true
        return Promise.resolve()
      }
      return this.load()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    load() {
      if (!this.data.cards.length) this.setData({ loading: true, failed: false })
      return client.request(MY_STAMP_CARDS)
        .then(data => this.setData({ loading: false, failed: false, cards: data.myStampCards.map(stampCardView) }))
        .catch(e => {
          this.setData({ loading: false, failed: !this.data.cards.length })
          showError(e)
        })
    }
  }
})
