/**
 * <recommend-list title="为你推荐" list="{{recommendations}}" empty-text="…" bindretry="…">: products
 * to suggest, each with why (常与生日蛋糕一起购买 / 本店热销), with loading, empty and failed states.
 * `list` is { state: 'loading' | 'failed' | 'ready', items } from lib/recommend.
 */
Component({
  options: { addGlobalClass: true },
  properties: {
    title: { type: String, value: '' },
    list: { type: Object, value: { state: 'loading', items: [] } },
    emptyText: { type: String, value: '暂无推荐' }
  },
  methods: {
    retry() {
      this.triggerEvent('retry')
    }
  }
})
