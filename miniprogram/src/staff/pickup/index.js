/**
 * Points-mall pickup at the till: the clerk types (or scans) the 12-digit code the member shows,
 * sees what was redeemed, how many units and any cash to collect for them all, and 确认提货 hands it
 * over (audited). A lottery prize (抽奖奖品) is collected at any store. A code of
 * another store, a closed or expired redemption, or an unknown code is said plainly.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { STAFF_MALL_PICKUP, STAFF_COMPLETE_MALL_PICKUP } = require('../../api/documents/mall')
const roles = require('../lib/roles')
const storeChoice = require('../lib/store-choice')
const mall = require('../../lib/mall')
const format = require('../../lib/format')

function view(r) {
  const cash = r.cashTotalCents != null ? r.cashTotalCents : r.cashCents
  return {
    id: r.id,
    name: r.name,
    state: r.state,
    stateText: mall.STATES[r.state] || r.state,
    quantity: `${r.quantity || 1} 件`,
    points: mall.redemptionPrice(Object.assign({}, r, { cashTotalCents: 0, quantity: 1, pointsTotal: r.pointsTotal != null ? r.pointsTotal : r.pointsPrice })),
    cash: Number(cash) > 0 ? format.yuan(cash) : '',
    store: r.pickupStoreName || '',
    pickupBy: r.pickupBy ? format.dateTime(r.pickupBy) : '',
    ready: r.state === 'AWAITING_PICKUP'
  }
}

Component({
  data: {
    needsStore: false,
    storeId: '',
    code: '',
    error: '',
    looking: false,
    found: null,
    completing: false,
    done: false
  },
  methods: {
    onLoad() {
      const staff = roles.signedInStaff()
      if (!staff) return
      this.setData({ needsStore: roles.needsStoreChoice(staff.role), storeId: storeChoice.get() || '' })
    },
    onStoreChange(e) {
      storeChoice.set(e.detail.storeId)
      this.setData({ storeId: e.detail.storeId, error: '' })
    },
    onCode(e) {
      this.setData({ code: e.detail.value, error: '', found: null, done: false })
    },
    scan() {
      wx.scanCode({ onlyFromCamera: true, success: res => this.setData({ code: res.result, error: '', found: null, done: false }) })
    },
    input() {
      const input = { code: this.data.code.replace(/\s/g, '') }
      if (this.data.needsStore) input.storeId = this.data.storeId
      return input
    },
    check() {
      const code = this.data.code.replace(/\s/g, '')
      if (!/^\d{12}$/.test(code)) return '提货码为 12 位数字'
      if (this.data.needsStore && !this.data.storeId) return '请先选择门店'
      return ''
    },
    async lookUp() {
      if (this.data.looking) return
      const error = this.check()
      if (error) {
        this.setData({ error })
        return
      }
      this.setData({ looking: true, error: '', found: null, done: false })
      try {
        const data = await client.request(STAFF_MALL_PICKUP, { input: this.input() }, { as: 'staff' })
        if (!data.mallPickup) this.setData({ error: '提货码无效，请核对后重试' })
        else this.setData({ found: view(data.mallPickup) })
      } catch (e) {
        this.setData({ error: e.message })
        showError(e)
      } finally {
        this.setData({ looking: false })
      }
    },
    async complete() {
      if (this.data.completing || !this.data.found || !this.data.found.ready) return
      this.setData({ completing: true })
      try {
        const payload = await client.mutate(STAFF_COMPLETE_MALL_PICKUP, { input: this.input() }, { as: 'staff' })
        this.setData({ found: view(payload.redemption), done: true, code: '' })
        wx.showToast({ title: '已提货', icon: 'success' })
      } catch (e) {
        this.setData({ error: e.message })
        showError(e)
      } finally {
        this.setData({ completing: false })
      }
    }
  }
})
