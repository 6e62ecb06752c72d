/**
 * The stored-value card (储值卡): balance (principal and bonus), the packages on sale and an online
 * recharge with WeChat Pay. 充值 starts the recharge (one idempotency key per tap), opens WeChat
 * Pay, then waits until the backend has WeChat Pay's confirmation before showing the new balance.
 */
const client = require('../../api/client')
const { ApiError, showError } = require('../../api/errors')
const { MY_WALLET, RECHARGE_PACKAGES, START_WALLET_RECHARGE } = require('../../api/documents/wallet')
const { balanceView, packageView } = require('../../lib/wallet-view')
const walletPay = require('../../lib/wallet-pay')
const format = require('../../lib/format')

Component({
  data: {
    loading: true,
    failed: false,
    wallet: null,
    packages: [],
    packagesLoading: true,
    packagesFailed: false,
    /** The package being paid for ('' when none): its button is busy and the others wait. */
    payingId: '',
    /** What the member is told while a payment is confirmed, or after it. */
    payNotice: ''
  },
  methods: {
    onLoad() {
      return this.load()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    async load() {
      const storeId = await this.loadWallet()
      if (storeId !== undefined) return this.loadPackages(storeId)
      this.setData({ packagesLoading: false })
    },
    /** Resolves the member's registration store (null when none); undefined when the card failed to load. */
    async loadWallet() {
      this.setData({ loading: !this.data.wallet, failed: false })
      try {
        const data = await client.request(MY_WALLET)
        this.setData({ loading: false, wallet: balanceView(data.me.wallet) })
        return data.me.registrationStoreId
      } catch (e) {
        this.setData({ loading: false, failed: !this.data.wallet })
        showError(e)
        return undefined
      }
    },
    /** The packages of the member's store (every store's when they registered at none). */
    async loadPackages(storeId) {
      this.setData({ packagesLoading: true, packagesFailed: false })
      try {
        const data = await client.request(RECHARGE_PACKAGES, { storeId: storeId || null })
        this.setData({ packagesLoading: false, packages: data.rechargePackages.map(packageView) })
      } catch (e) {
        this.setData({ packagesLoading: false, packagesFailed: true })
        showError(e)
      }
    },
    async recharge(e) {
      if (this.data.payingId) return
      const packageId = e.currentTarget.dataset.id
      this.setData({ payingId: packageId, payNotice: '' })
      try {
        const payload = await client.mutate(START_WALLET_RECHARGE,
          { input: { packageId, idempotencyKey: client.idempotencyKey('recharge') } }, { idempotent: true })
        const outcome = await walletPay.requestPayment(payload.payParams)
        if (outcome === 'cancelled') {
          this.setData({ payingId: '' })
          wx.showToast({ title: '已取消支付', icon: 'none' })
          return
        }
        this.setData({ payNotice: '正在确认支付结果…' })
        const paid = await walletPay.waitUntilPaid(payload.order.outTradeNo)
        if (!paid) {
          this.setData({ payingId: '', payNotice: '支付结果确认中，到账后可在储值明细中查看' })
          return
        }
        this.setData({ payingId: '', payNotice: `充值成功：${format.yuan(paid.recharge.payCents)}` +
          (paid.recharge.bonusCents ? `，赠送${format.yuan(paid.recharge.bonusCents)}` : '') })
        wx.showToast({ title: '充值成功', icon: 'success' })
        await this.loadWallet()
      } catch (error) {
        this.setData({ payingId: '', payNotice: '' })
        showError(error instanceof ApiError ? error : new ApiError('PAY_FAILED', '支付未完成，请稍后重试'))
      }
    },
    goHistory() {
      wx.navigateTo({ url: '/pages/wallet-history/index' })
    }
  }
})
