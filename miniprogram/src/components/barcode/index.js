/**
 * <barcode digits="{{digits}}" module-width="{{2}}" height="{{72}}">: the digits as a Code 128
 * barcode (lib/barcode), drawn as one view per dark bar on white, whole pixels per module so the
 * bars stay sharp for POS scanners. Nothing is drawn for digits it cannot encode.
 */
const barcode = require('../../lib/barcode')

Component({
  properties: {
    digits: { type: String, value: '' },
    /** Width of one module (the narrowest bar) in px. */
    moduleWidth: { type: Number, value: 2 },
    /** Height of the bars in px. */
    height: { type: Number, value: 72 }
  },
  data: { bars: [], widthPx: 0 },
  observers: {
    'digits, moduleWidth'(digits, moduleWidth) {
      if (!/^(\d\d)+$/.test(digits || '')) {
        this.setData({ bars: [], widthPx: 0 })
        return
      }
      const drawn = barcode.bars(digits)
      this.setData({
        bars: drawn.bars.map(bar => ({ left: bar.x * moduleWidth, width: bar.width * moduleWidth })),
        widthPx: drawn.totalModules * moduleWidth
      })
    }
  }
})
