/**
 * Adjust points by hand (managers): for the member scanned at the till (or scanned here), add or
 * take a whole number of points with a reason. One idempotency key per submit intent: a retry
 * after a lost answer reuses it, so the adjustment counts once.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { ADJUST_POINTS } = require('../../api/documents/staff')
const adjustForm = require('../lib/adjust-form')
const roles = require('../lib/roles')
const handoff = require('../lib/handoff')
const memberLookup = require('../lib/member-lookup')
const format = require('../../lib/format')
const { withBalance } = require('../lib/member-card')
const { formField } = require('../lib/fields')

const FIELDS = { delta: 'points', reason: 'reason', memberId: 'member' }

function newForm() {
  return { sign: '+', points: '', reason: '' }
}

Component({
  behaviors: [memberLookup],
  data: {
    allowed: true,
    member: null,
    form: newForm(),
    errors: {},
    submitting: false,
    pendingKey: '',
    result: null
  },
  methods: {
    onLoad() {
      const staff = roles.signedInStaff()
      if (!staff) return
      if (!roles.canAdjustPoints(staff.role)) {
        this.setData({ allowed: false })
        return
      }
      this.setData({ allowed: true, member: handoff.take('adjustMember') })
    },

    // --- the member, when none came from the till ---
    /** A member was scanned: a fresh form for them. */
    memberFound() {
      this.setData({ form: newForm(), pendingKey: '', result: null, errors: {} })
    },

    // --- the form: any change is a new intent, with a new key ---
    setSign(e) {
      if (this.data.submitting) return
      this.setData({ form: Object.assign({}, this.data.form, { sign: e.currentTarget.dataset.sign }), pendingKey: '',
        errors: Object.assign({}, this.data.errors, { points: '' }) })
    },
    onFieldInput(e) {
      const field = e.currentTarget.dataset.field
      this.setData({
        form: Object.assign({}, this.data.form, { [field]: e.detail.value }),
        errors: Object.assign({}, this.data.errors, { [field]: '' }),
        pendingKey: '',
        result: null
      })
    },
    async submit() {
      if (this.data.submitting || !this.data.member) return
      const member = this.data.member
      const checked = adjustForm.validate(this.data.form, member.balance)
      if (Object.keys(checked.errors).length) {
        this.setData({ errors: checked.errors })
        return
      }
      const key = this.data.pendingKey || client.idempotencyKey('adjust')
      this.setData({ submitting: true, pendingKey: key, errors: {} })
      const input = { memberId: member.id, delta: checked.delta, reason: checked.reason, idempotencyKey: key }
      try {
        const payload = await client.mutate(ADJUST_POINTS, { input }, { as: 'staff', idempotent: true })
        const balance = payload.member.pointsBalance
        handoff.put('adjustedBalance', { id: member.id, balance })
        // above the manager's cap nothing moves yet: it waits for an admin's approval
        const pending = payload.pendingApproval
        this.setData({
          submitting: false,
          pendingKey: '',
          form: newForm(),
          member: withBalance(member, balance),
          result: {
            delta: format.points(checked.delta, true),
            balance: format.points(balance),
            replayed: !!payload.replayed,
            pending: !!pending,
            capReason: pending ? pending.capReason : ''
          }
        })
      } catch (e) {
        const field = formField(e, FIELDS)
        this.setData({ submitting: false, errors: field ? { [field]: e.message } : {} })
        showError(e)
      }
    },
    back() {
      wx.navigateBack({ delta: 1 })
    }
  }
})
