/** Rules page: the programme rules in force from the backend (tiers, points, check-in), none hard-coded. */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { PROGRAM_RULES } = require('../../api/documents/programme')
const rulesView = require('../../lib/rules-view')

Component({
  data: {
    loading: true,
    failed: false,
    tiers: [],
    tierText: '',
    earningText: '',
    redeemText: '',
    checkInText: '',
    upcomingText: ''
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
        // the rules are public: readable while signed out too
        const rules = (await client.request(PROGRAM_RULES, {}, { auth: false })).programRules
        this.setData({
          loading: false,
          tiers: rulesView.tierRows(rules),
          tierText: rulesView.tierText(rules),
          earningText: rulesView.earningText(rules),
          redeemText: rulesView.redeemText(rules),
          checkInText: rulesView.checkInText(rules),
          upcomingText: rulesView.upcomingText(rules)
        })
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    }
  }
})
