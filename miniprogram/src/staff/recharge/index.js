/**
 * Recharge at the till (储值充值), paid in cash or by card: the clerk picks one of the store's
 * packages and how the member paid; the member confirms by showing their member code, which the
 * clerk scans on 扫码确认充值 (the scan is the member's consent: no code, no recharge). The receipt
 * number makes a retry count once. The result names whose card was credited and its new balance.
 */
const client = require('../../api/client')
const { ApiError, showError } = require('../../api/errors')
const { STAFF_RECHARGE_PACKAGES, STAFF_RECHARGE_AT_TILL } = require('../../api/documents/wallet')
const { packageView } = require('../../lib/wallet-view')
const format = require('../../lib/format')
const roles = require('../lib/roles')
const storeChoice = require('../lib/store-choice')
const handoff = require('../lib/handoff')
const numbers = require('../lib/numbers')
const scan = require('../lib/scan')
const { scanErrorMessage } = require('../lib/member-card')

const MAX_RECEIPT = 64

Component({
  data: {
    needsStore: false,
    storeId: '',
    /** The member the till had scanned, if any (who the clerk expects to recharge). */
    member: null,
    packages: [],
    packagesLoading: false,
    packagesFailed: false,
    packageId: '',
    paidBy: 'CASH',
    receiptNo: '',
    errors: {},
    submitting: false,
    result: null
  },
  methods: {
    onLoad() {
      const staff = roles.signedInStaff()
      if (!staff) return
      this.staffStoreId = staff.storeId || null
      const needsStore = roles.needsStoreChoice(staff.role)
      this.setData({ needsStore, storeId: needsStore ? storeChoice.get() || '' : '', member: handoff.take('rechargeMember'),
        receiptNo: numbers.rechargeNo() })
      return this.loadPackages()
    },
    /** The packages sold at this store (an admin's chosen store). */
    async loadPackages() {
      const storeId = this.data.needsStore ? this.data.storeId : this.staffStoreId
      if (this.data.needsStore && !storeId) return
      this.setData({ packagesLoading: true, packagesFailed: false })
      try {
        const data = await client.request(STAFF_RECHARGE_PACKAGES, { storeId }, { as: 'staff' })
        const packages = data.rechargePackages.map(packageView)
        const keep = packages.some(p => p.id === this.data.packageId)
        this.setData({ packagesLoading: false, packages, packageId: keep ? this.data.packageId : '' })
      } catch (e) {
        this.setData({ packagesLoading: false, packagesFailed: true })
        showError(e)
      }
    },
    onStoreChange(e) {
      storeChoice.set(e.detail.storeId)
      this.setData({ storeId: e.detail.storeId, errors: {} })
      return this.loadPackages()
    },
    choosePackage(e) {
      this.setData({ packageId: e.currentTarget.dataset.id, errors: Object.assign({}, this.data.errors, { package: '' }) })
    },
    choosePaidBy(e) {
      this.setData({ paidBy: e.currentTarget.dataset.paidBy })
    },
    onReceiptInput(e) {
      this.setData({ receiptNo: e.detail.value, errors: Object.assign({}, this.data.errors, { receipt: '' }) })
    },
    /** Checks the form, scans the member's code, then recharges once. */
    async submit() {
      if (this.data.submitting) return
      const errors = {}
      const receiptNo = this.data.receiptNo.trim()
      if (this.data.needsStore && !this.data.storeId) errors.store = '请先选择门店'
      if (!this.data.packageId) errors.package = '请选择充值套餐'
      if (!receiptNo) errors.receipt = '请填写小票号'
      else if (receiptNo.length > MAX_RECEIPT) errors.receipt = `小票号最多 ${MAX_RECEIPT} 个字符`
      if (Object.keys(errors).length) {
        this.setData({ errors })
        return
      }
      this.setData({ submitting: true, errors: {} })
      let token
      try {
        token = await scan.camera()
      } catch (e) {
        this.setData({ submitting: false })
        showError(e)
        return
      }
      if (!token) {
        this.setData({ submitting: false })
        return
      }
      const input = { memberCodeToken: token, packageId: this.data.packageId, receiptNo, paidBy: this.data.paidBy }
      if (this.data.needsStore) input.storeId = this.data.storeId
      try {
        const payload = await client.mutate(STAFF_RECHARGE_AT_TILL, { input }, { as: 'staff', idempotent: true })
        const recharge = payload.recharge
        const balanceCents = recharge.member.wallet.balanceCents
        handoff.put('rechargedWallet', { id: recharge.member.id, balanceCents })
        this.setData({ submitting: false, result: {
          replayed: !!payload.replayed,
          receiptNo: recharge.reference,
          memberName: recharge.member.nickname || '未设置昵称',
          memberPhone: recharge.member.phone || '未绑定手机',
          pay: format.yuan(recharge.payCents),
          bonus: format.yuan(recharge.bonusCents),
          balance: format.yuan(balanceCents)
        } })
      } catch (e) {
        const codeMessage = scanErrorMessage(e)
        const shown = codeMessage ? new ApiError(e.code, codeMessage) : e
        this.setData({ submitting: false, errors: { submit: shown.message } })
        showError(shown)
      }
    },
    another() {
      this.setData({ result: null, errors: {}, packageId: '', paidBy: 'CASH', receiptNo: numbers.rechargeNo() })
    },
    backToTill() {
      wx.navigateBack({ delta: 1 })
    }
  }
})
