/**
 * The till: scan the member's code (or type it), see their card, ring up the purchase (amount,
 * order number, optional items, coupons, points) and record it once; then the result page.
 */
const client = require('../../api/client')
const session = require('../../api/session')
const { ApiError, showError } = require('../../api/errors')
const { CURRENT_STAFF, COUPONS_FOR_ORDER, RECORD_PURCHASE } = require('../../api/documents/staff')
const { PROGRAM_RULES } = require('../../api/documents/programme')
const tillForm = require('../lib/till-form')
const memberLookup = require('../lib/member-lookup')
const roles = require('../lib/roles')
const handoff = require('../lib/handoff')
const numbers = require('../lib/numbers')
const storeChoice = require('../lib/store-choice')
const { withBalance, withWallet } = require('../lib/member-card')
const { formField } = require('../lib/fields')
const format = require('../../lib/format')


/** Backend input fields → the till's form fields, for userErrors about one field. */
const FIELDS = {
  amountCents: 'amount', orderNo: 'orderNo', items: 'items', pointsToRedeem: 'points', walletAmountCents: 'wallet',
  couponIds: 'coupons', memberId: 'member', tillProof: 'member', storeId: 'store'
}

/** The scan's proof was refused (expired after 10 minutes, or used for another order): scan again. */
const PROOF_REFUSED = ['MEMBER_PROOF_INVALID', 'MEMBER_PROOF_REQUIRED']

function staffView(staff) {
  return {
    name: staff.displayName || staff.username || '',
    role: staff.role,
    roleName: roles.roleName(staff.role),
    canAdjust: roles.canAdjustPoints(staff.role),
    canManage: roles.canSeeManager(staff.role),
    needsStore: roles.needsStoreChoice(staff.role)
  }
}

function newForm() {
  return { amount: '', orderNo: numbers.orderNo(), items: [], points: '', wallet: '', couponIds: [] }
}

Component({
  behaviors: [memberLookup],
  data: {
    staff: null,
    staffFailed: false,
    storeId: '',
    member: null,
    form: newForm(),
    coupons: [],
    couponsKey: '',
    couponsLoading: false,
    couponsFailed: false,
    summary: tillForm.summary(newForm(), { balance: 0, coupons: [] }),
    /** Points that pay one yuan, from programRules (null until loaded: no points can be used). */
    pointsPerYuanRedeemed: null,
    errors: {},
    submitting: false,
    loggingOut: false
  },
  methods: {
    onLoad() {
      const staff = roles.signedInStaff()
      if (!staff) return
      this.couponsSeq = 0
      this.setData({ staff: staffView(staff), storeId: storeChoice.get() || '', form: newForm() })
      return Promise.all([this.loadStaff(), this.loadRules()])
    },
    onShow() {
      const adjusted = handoff.take('adjustedBalance')
      if (adjusted && this.data.member && adjusted.id === this.data.member.id) {
        this.setData({ member: withBalance(this.data.member, adjusted.balance) })
        this.refreshSummary()
      }
      const recharged = handoff.take('rechargedWallet')
      if (recharged && this.data.member && recharged.id === this.data.member.id) {
        this.setData({ member: withWallet(this.data.member, recharged.balanceCents) })
        this.refreshSummary()
      }
    },
    /** Confirms the sign-in is still good and picks up a changed role. */
    async loadStaff() {
      this.setData({ staffFailed: false })
      try {
        const data = await client.request(CURRENT_STAFF, {}, { as: 'staff' })
        this.setData({ staff: staffView(data.currentStaff) })
      } catch (e) {
        this.setData({ staffFailed: true })
        showError(e)
      }
    },

    /** The points value of the rules in force (the backend prices the order by the rules of its time). */
    async loadRules() {
      try {
        const data = await client.request(PROGRAM_RULES, {}, { as: 'staff' })
        this.setData({ pointsPerYuanRedeemed: data.programRules.pointsPerYuanRedeemed })
        this.refreshSummary()
      } catch (e) {
        showError(e)
      }
    },

    // --- the member ---
    /** A member was scanned: their coupons and points start afresh for this order. */
    memberFound() {
      this.setData({ coupons: [], couponsKey: '', couponsFailed: false, errors: {},
        form: Object.assign({}, this.data.form, { couponIds: [], points: '', wallet: '' }) })
      this.refreshSummary()
      return this.loadCoupons()
    },
    changeMember() {
      if (this.data.submitting) return
      this.couponsSeq++
      this.setData({ member: null, form: newForm(), coupons: [], couponsKey: '', couponsLoading: false,
        couponsFailed: false, errors: {}, scanError: '' })
      this.refreshSummary()
    },

    // --- the form ---
    setForm(changes, clearErrors) {
      const errors = Object.assign({}, this.data.errors)
      clearErrors.forEach(field => { errors[field] = '' })
      this.setData({ form: Object.assign({}, this.data.form, changes), errors })
      this.refreshSummary()
    },
    refreshSummary() {
      const member = this.data.member
      this.setData({ summary: tillForm.summary(this.data.form, { balance: member ? member.balance : 0, coupons: this.data.coupons,
        pointsPerYuanRedeemed: this.data.pointsPerYuanRedeemed, walletCents: member ? member.walletCents : 0 }) })
    },
    onFieldInput(e) {
      const field = e.currentTarget.dataset.field
      this.setForm({ [field]: e.detail.value }, [field, 'coupons'])
    },
    onItemInput(e) {
      const { index, field } = e.currentTarget.dataset
      const items = this.data.form.items.map((item, i) => (i === Number(index) ? Object.assign({}, item, { [field]: e.detail.value }) : item))
      this.setForm({ items }, ['items', 'coupons'])
    },
    addItem() {
      this.setForm({ items: this.data.form.items.concat(tillForm.emptyItem()) }, ['items'])
    },
    removeItem(e) {
      const index = Number(e.currentTarget.dataset.index)
      this.setForm({ items: this.data.form.items.filter((item, i) => i !== index) }, ['items', 'coupons'])
      return this.loadCoupons()
    },
    usePointsMax() {
      this.setForm({ points: String(this.data.summary.maxPoints) }, ['points'])
    },
    /** Pays what is left after coupons and points from the stored-value card, as far as it holds. */
    useWalletMax() {
      this.setForm({ wallet: format.yuan(this.data.summary.maxWalletCents).replace('¥', '') }, ['wallet'])
    },
    onStoreChange(e) {
      storeChoice.set(e.detail.storeId)
      this.setData({ storeId: e.detail.storeId, errors: Object.assign({}, this.data.errors, { store: '' }) })
      return this.loadCoupons(true)
    },

    // --- coupons ---
    /** Loads the member's coupons for the order as typed, unless they are loaded for it already. */
    async loadCoupons(force) {
      const member = this.data.member
      const query = member && tillForm.couponsQuery(this.data.form, member.id)
      if (!query) return
      if (!force && query.key === this.data.couponsKey && !this.data.couponsFailed) return
      if (this.data.staff.needsStore && !this.data.storeId) return
      const seq = ++this.couponsSeq
      this.setData({ couponsLoading: true, couponsFailed: false })
      const input = Object.assign({}, query.input)
      if (this.data.staff.needsStore) input.storeId = this.data.storeId
      try {
        const data = await client.request(COUPONS_FOR_ORDER, { input }, { as: 'staff' })
        if (seq !== this.couponsSeq) return
        const loaded = tillForm.couponRows(data.couponsForOrder)
        const couponIds = tillForm.keepApplicable(loaded, this.data.form.couponIds)
        this.setData({ couponsLoading: false, couponsKey: query.key, coupons: tillForm.couponRows(data.couponsForOrder, couponIds),
          form: Object.assign({}, this.data.form, { couponIds }) })
        this.refreshSummary()
      } catch (e) {
        if (seq !== this.couponsSeq) return
        this.setData({ couponsLoading: false, couponsFailed: true })
        showError(e)
      }
    },
    onOrderBlur() {
      return this.loadCoupons()
    },
    retryCoupons() {
      return this.loadCoupons(true)
    },
    toggleCoupon(e) {
      const id = e.currentTarget.dataset.id
      const couponIds = tillForm.toggleCoupon(this.data.coupons, this.data.form.couponIds, id)
      this.setData({ coupons: this.data.coupons.map(row => Object.assign({}, row, { checked: couponIds.indexOf(row.id) >= 0 })) })
      this.setForm({ couponIds }, ['coupons', 'points', 'wallet'])
    },

    // --- recording ---
    async submit() {
      if (this.data.submitting) return
      const member = this.data.member
      const checked = tillForm.validate(this.data.form, {
        memberId: member && member.id, tillProof: member && member.tillProof, balance: member ? member.balance : 0,
        walletCents: member ? member.walletCents : 0,
        coupons: this.data.coupons, couponsKey: this.data.couponsKey, pointsPerYuanRedeemed: this.data.pointsPerYuanRedeemed
      })
      const errors = Object.assign({}, checked.errors)
      if (this.data.staff.needsStore && !this.data.storeId) errors.store = '请先选择门店'
      if (Object.keys(errors).length) {
        this.setData({ errors })
        if (errors.coupons) this.loadCoupons(true)
        return
      }
      const input = Object.assign({}, checked.input)
      if (this.data.staff.needsStore) input.storeId = this.data.storeId
      this.setData({ submitting: true, errors: {} })
      try {
        const payload = await client.mutate(RECORD_PURCHASE, { input }, { as: 'staff', idempotent: true })
        handoff.put('purchase', payload)
        wx.redirectTo({ url: '/staff/result/index' })
      } catch (failure) {
        const walletMessage = tillForm.walletRefusal(failure)
        const e = walletMessage ? new ApiError(failure.code, walletMessage, { field: failure.field }) : failure
        const field = formField(e, FIELDS)
        this.setData({ submitting: false, errors: field ? { [field]: e.message } : {} })
        if (PROOF_REFUSED.indexOf(e.code) >= 0) {
          // the amount, order number and items stay; the member, their coupons and points come with the new scan
          this.couponsSeq++
          this.setData({ member: null, coupons: [], couponsKey: '', scanError: e.message,
            form: Object.assign({}, this.data.form, { couponIds: [], points: '', wallet: '' }) })
          this.refreshSummary()
        }
        if (e.code === 'COUPON_NOT_USABLE' || e.code === 'COUPON_NOT_APPLICABLE') this.loadCoupons(true)
        showError(e)
      }
    },

    // --- elsewhere ---
    goRecharge() {
      handoff.put('rechargeMember', this.data.member)
      wx.navigateTo({ url: '/staff/recharge/index' })
    },
    goRefund() {
      wx.navigateTo({ url: '/staff/refund/index' })
    },
    goPickup() {
      wx.navigateTo({ url: '/staff/pickup/index' })
    },
    goOrders() {
      wx.navigateTo({ url: '/staff/orders/index' })
    },
    goAdjust() {
      handoff.put('adjustMember', this.data.member)
      wx.navigateTo({ url: '/staff/adjust/index' })
    },
    goManager() {
      wx.navigateTo({ url: '/staff/manager/index' })
    },
    goEvents() {
      wx.navigateTo({ url: '/staff/events/index' })
    },
    async logout() {
      if (this.data.loggingOut) return
      this.setData({ loggingOut: true })
      await session.logout('staff')
      handoff.clear()
      wx.reLaunch({ url: roles.LOGIN })
    }
  }
})
