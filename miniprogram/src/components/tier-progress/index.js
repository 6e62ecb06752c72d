/**
 * <tier-progress progress="{{me.tierProgress}}" window-months="{{rules.tierWindowMonths}}">: the
 * growth bar to the next tier and what is still needed.
 */
const { tierProgressView } = require('../../lib/card-view')

Component({
  properties: {
    /** The TierProgress from `me { tierProgress }`. */
    progress: { type: Object, value: null },
    /** programRules.tierWindowMonths; 0 until the rules are loaded. */
    windowMonths: { type: Number, value: 0 }
  },
  data: { view: null },
  observers: {
    'progress, windowMonths'(progress, windowMonths) {
      this.setData({ view: tierProgressView(progress, windowMonths) })
    }
  }
})
