/** <store-picker value="{{storeId}}" allow-brand bind:storechange>: an admin picks the store staff pages act on. */
const client = require('../../../api/client')
const { showError } = require('../../../api/errors')
const { STORES } = require('../../../api/documents/staff')

const BRAND = { id: '', name: '全品牌' }

Component({
  properties: {
    /** The chosen store's id; '' for none (or the whole brand when allowBrand). */
    value: { type: String, value: '' },
    /** Offers "全品牌" first (numbers for the whole brand). */
    allowBrand: { type: Boolean, value: false }
  },
  data: { loading: true, failed: false, stores: [], names: [], index: -1, label: '' },
  observers: {
    'value, stores'(value, stores) {
      const index = stores.findIndex(s => s.id === value)
      this.setData({ index, label: index >= 0 ? stores[index].name : '请选择门店' })
    }
  },
  lifetimes: {
    attached() {
      this.load()
    }
  },
  methods: {
    async load() {
      this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(STORES, {}, { as: 'staff' })
        const stores = (this.data.allowBrand ? [BRAND] : []).concat(data.stores.edges.map(({ node: s }) => ({ id: s.id, name: s.name })))
        this.setData({ loading: false, stores, names: stores.map(s => s.name) })
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    },
    onPick(e) {
      const store = this.data.stores[Number(e.detail.value)]
      if (store) this.triggerEvent('storechange', { storeId: store.id, name: store.name })
    }
  }
})
