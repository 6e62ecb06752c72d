/**
 * <tier-progress progress="{{me.tierProgress}}" window-months="{{rules.tierWindowMonths}}"
 * reviews-before-drop="{{rules.tierReviewsBeforeDrop}}">: the growth bar to the next tier, what is
 * still needed and what keeps the tier.
 */
const { tierProgressView } = require('../../lib/card-view')

Component({
  properties: {
    /** The TierProgress from `me { tierProgress }`. */
    progress: { type: Object, value: null },
    /** programRules.tierWindowMonths; 0 until the rules are loaded. */
    windowMonths: { type: Number, value: 0 },
    /** programRules.tierReviewsBeforeDrop; 0 until the rules are loaded. */
    reviewsBeforeDrop: { type: Number, value: 0 }
  },
  data: { view: null },
  observers: {
    'progress, windowMonths, reviewsBeforeDrop'(progress, windowMonths, reviewsBeforeDrop) {
      this.setData({ view: tierProgressView(progress, windowMonths, reviewsBeforeDrop) })
    }
  }
})
