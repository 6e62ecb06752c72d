/**
 * Refund: all or part of an order by order number; the refund number makes a retry count once.
 * Opened from the order page, the order number and what is left to refund are filled in.
 */
const client = require('../../api/client')
const { ApiError, showError } = require('../../api/errors')
const { REFUND_PURCHASE } = require('../../api/documents/staff')
const refundForm = require('../lib/refund-form')
const roles = require('../lib/roles')
const numbers = require('../lib/numbers')
const storeChoice = require('../lib/store-choice')
const handoff = require('../lib/handoff')
const format = require('../../lib/format')
const { formField } = require('../lib/fields')

const FIELDS = { orderNo: 'orderNo', refundNo: 'refundNo', amountCents: 'amount', storeId: 'store' }
const REFUSAL_FIELDS = { ORDER_NOT_FOUND: 'orderNo', REFUND_EXCEEDS_ORDER: 'amount' }

function newForm() {
  return { orderNo: '', refundNo: numbers.refundNo(), amount: '' }
}

/** The form for an order opened on the order page: its number and what is left to refund. */
function formFor(order) {
  return Object.assign(newForm(), { orderNo: order.orderNo, amount: format.yuan(order.amountCents).replace('¥', '') })
}

Component({
  data: {
    needsStore: false,
    storeId: '',
    form: newForm(),
    errors: {},
    submitting: false,
    result: null,
    /** Opened from an order's page: going back returns there. */
    fromOrder: false
  },
  methods: {
    onLoad() {
      const staff = roles.signedInStaff()
      if (!staff) return
      const role = staff.role
      const order = handoff.take('refund')
      this.setData({ needsStore: roles.needsStoreChoice(role), storeId: storeChoice.get() || '',
        form: order ? formFor(order) : newForm(), fromOrder: !!order })
    },
    onFieldInput(e) {
      const field = e.currentTarget.dataset.field
      this.setData({
        form: Object.assign({}, this.data.form, { [field]: e.detail.value }),
        errors: Object.assign({}, this.data.errors, { [field]: '' })
      })
    },
    onStoreChange(e) {
      storeChoice.set(e.detail.storeId)
      this.setData({ storeId: e.detail.storeId, errors: Object.assign({}, this.data.errors, { store: '' }) })
    },
    async submit() {
      if (this.data.submitting) return
      const checked = refundForm.validate(this.data.form)
      const errors = Object.assign({}, checked.errors)
      if (this.data.needsStore && !this.data.storeId) errors.store = '请先选择门店'
      if (Object.keys(errors).length) {
        this.setData({ errors })
        return
      }
      const input = Object.assign({}, checked.input)
      if (this.data.needsStore) input.storeId = this.data.storeId
      this.setData({ submitting: true, errors: {} })
      try {
        const payload = await client.mutate(REFUND_PURCHASE, { input }, { as: 'staff', idempotent: true })
        this.setData({ submitting: false, result: refundForm.refundView(payload) })
      } catch (e) {
        const message = refundForm.refusal(e)
        const shown = message ? new ApiError(e.code, message) : e
        const field = REFUSAL_FIELDS[e.code] || formField(e, FIELDS)
        this.setData({ submitting: false, errors: field ? { [field]: shown.message } : {} })
        showError(shown)
      }
    },
    /** After a refund: a fresh form with a new refund number for the next one. */
    another() {
      this.setData({ result: null, errors: {}, form: newForm() })
    },
    backToTill() {
      wx.navigateBack({ delta: 1 })
    }
  }
})
