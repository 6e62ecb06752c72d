/** <tier-progress progress="{{me.tierProgress}}">: the growth bar to the next tier and what is still needed. */
const { tierProgressView } = require('../../lib/card-view')

Component({
  properties: {
    /** The TierProgress from `me { tierProgress }`. */
    progress: { type: Object, value: null }
  },
  data: { view: null },
  observers: {
    progress(progress) {
      this.setData({ view: tierProgressView(progress) })
    }
  }
})
