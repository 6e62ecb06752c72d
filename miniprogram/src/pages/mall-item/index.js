/**
 * One item of the points mall: its terms, where to collect it (or the delivery address), how many
 * (a stepper from 1 to what the member may have at once: their limit left, the units left, at the
 * chosen store for goods stocked per store), and 立即兑换 after a confirmation that states the
 * points and any cash paid at the store for all of them. The idempotency key is kept until an answer comes, so a retry after a lost answer can
 * never redeem twice; the version the member saw goes along, so a price changed meanwhile is refused.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { MALL_ITEM, REDEEM_MALL_GOODS } = require('../../api/documents/mall')
const mall = require('../../lib/mall')
const format = require('../../lib/format')

const { confirm } = require('../../lib/confirm')

Component({
  data: {
    loading: true,
    failed: false,
    missing: false,
    item: null,
    description: '',
    delivery: false,
    stores: [],
    storeIndex: -1,
    address: { recipient: '', phone: '', region: '', detail: '' },
    errors: {},
    balance: '',
    running: false,
    quantity: 1,
    maxQuantity: 1,
    total: ''
  },
  methods: {
    onLoad(query) {
      this.id = query.id
      this.key = null
      return this.load()
    },
    async load() {
      this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(MALL_ITEM, { id: this.id })
        if (!data.mallItem) {
          this.setData({ loading: false, missing: true })
          return
        }
        const tierNames = {}
        data.tiers.forEach(t => { tierNames[t.level] = t.name })
        this.goods = data.mallItem
        this.pointsBalance = data.me.pointsBalance
        const stores = data.mallItem.pickupStores.map(s => ({ id: s.storeId, label: `${s.storeName}（剩余${s.remaining}件）`, remaining: s.remaining }))
        this.setData({ loading: false, missing: false, item: mall.goodsView(data.mallItem, tierNames),
          description: data.mallItem.description || '', delivery: data.mallItem.fulfilment === 'DELIVERY',
          stores, storeIndex: stores.length === 1 ? 0 : this.data.storeIndex, balance: format.points(data.me.pointsBalance) })
        this.setQuantity(this.data.quantity)
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    },
    onStore(e) {
      this.setData({ storeIndex: Number(e.detail.value), errors: Object.assign({}, this.data.errors, { store: '' }) })
      this.setQuantity(this.data.quantity)
    },
    /** The most the member may ask for now: what the item allows them, and the units at the chosen store. */
    mostAtOnce() {
      const item = this.data.item
      if (!item || !item.redeemable) return 1
      const store = this.data.stores[this.data.storeIndex]
      return Math.max(1, store && this.goods.stockScope === 'STORE' ? Math.min(item.maxQuantity, store.remaining) : item.maxQuantity)
    },
    /** Sets the quantity within 1 and the most allowed, with the total it costs. */
    setQuantity(wanted) {
      const most = this.mostAtOnce()
      const quantity = Math.min(Math.max(1, Number(wanted) || 1), most)
      this.setData({ quantity, maxQuantity: most, total: this.goods ? mall.total(this.goods, quantity) : '' })
    },
    less() {
      this.setQuantity(this.data.quantity - 1)
    },
    more() {
      this.setQuantity(this.data.quantity + 1)
    },
    onAddress(e) {
      const field = e.currentTarget.dataset.field
      this.setData({ [`address.${field}`]: e.detail.value, errors: Object.assign({}, this.data.errors, { [field]: '' }) })
    },
    async redeem() {
      if (this.data.running || !this.data.item || !this.data.item.redeemable) return
      const quantity = this.data.quantity
      const input = { goodsId: this.goods.id, expectedVersion: this.goods.version, quantity }
      let where
      if (this.data.delivery) {
        const errors = mall.addressErrors(this.data.address)
        if (Object.keys(errors).length) {
          this.setData({ errors })
          return
        }
        input.address = this.data.address
        where = `寄往 ${this.data.address.region}`
      } else {
        const store = this.data.stores[this.data.storeIndex]
        if (!store) {
          this.setData({ errors: { store: '请选择提货门店' } })
          return
        }
        input.storeId = store.id
        where = `在「${store.label.replace(/（.*$/, '')}」提货`
      }
      this.setData({ running: true })
      try {
        const cash = Number(this.goods.cashCents) > 0 ? `，提货时另付${format.yuan(Number(this.goods.cashCents) * quantity)}` : ''
        const ok = await confirm({
          title: '确认兑换',
          content: `用${format.points(Number(this.goods.pointsPrice) * quantity)}积分兑换「${this.goods.name}」${quantity > 1 ? `×${quantity}` : ''}${cash}，${where}？当前积分${format.points(this.pointsBalance)}。`,
          confirmText: '兑换'
        })
        if (!ok) return
        if (!this.key) this.key = client.idempotencyKey('mall')
        input.idempotencyKey = this.key
        await client.mutate(REDEEM_MALL_GOODS, { input }, { idempotent: true })
        this.key = null
        wx.showToast({ title: '兑换成功', icon: 'success' })
        wx.redirectTo({ url: '/pages/mall-redemptions/index' })
      } catch (e) {
        showError(e)
        // a business answer settles this intent; without an answer the key stays for the retry
        if (e.userErrors && e.userErrors.length) {
          this.key = null
          this.load()
        }
      } finally {
        this.setData({ running: false })
      }
    }
  }
})
