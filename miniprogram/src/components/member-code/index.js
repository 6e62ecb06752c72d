/**
 * <member-code digits="{{code.digits}}">: the member code's digits for POS scanners and for typing
 * at the till, as WeChat Pay shows its payment code: a Code 128 barcode, and the digits themselves
 * (grouped 4-4-4-4-2) only after a tap on 查看数字, so that people nearby cannot read them off.
 */
const barcode = require('../../lib/barcode')

/** Modules across the barcode of a member code's 18 digits, quiet zones included. */
const MODULES = barcode.bars('0'.repeat(18)).totalModules
/** Room the card leaves around the barcode, in px. */
const MARGIN_PX = 64

Component({
  properties: {
    digits: { type: String, value: '' }
  },
  data: { shown: false, grouped: '', moduleWidth: 2 },
  lifetimes: {
    /** The widest whole-pixel module (1 to 3 px) that fits the screen. */
    attached() {
      const windowWidth = wx.getWindowInfo ? wx.getWindowInfo().windowWidth : 375
      this.setData({ moduleWidth: Math.max(1, Math.min(3, Math.floor((windowWidth - MARGIN_PX) / MODULES))) })
    }
  },
  observers: {
    digits(digits) {
      this.setData({ grouped: (digits || '').replace(/(\d{4})(?=\d)/g, '$1 ') })
    }
  },
  methods: {
    toggle() {
      this.setData({ shown: !this.data.shown })
    }
  }
})
