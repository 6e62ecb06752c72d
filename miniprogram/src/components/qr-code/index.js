/** <qr-code text="..." size="{{240}}">: draws text as a QR code on a 2D canvas, redrawn when text changes. */
const qr = require('../../lib/qr')

Component({
  properties: {
    text: { type: String, value: '' },
    /** Side in px. */
    size: { type: Number, value: 240 }
  },
  data: { drawnText: '' },
  observers: {
    'text, size'() {
      this.redraw()
    }
  },
  lifetimes: {
    ready() {
      this.redraw()
    }
  },
  methods: {
    redraw() {
      const text = this.data.text
      if (!text) return
      wx.createSelectorQuery().in(this).select('#qr').fields({ node: true, size: true }).exec(res => {
        const canvas = res && res[0] && res[0].node
        if (!canvas) return
        const ratio = (wx.getWindowInfo ? wx.getWindowInfo().pixelRatio : 2) || 2
        canvas.width = this.data.size * ratio
        canvas.height = this.data.size * ratio
        const ctx = canvas.getContext('2d')
        ctx.scale(ratio, ratio)
        qr.draw(ctx, text, this.data.size)
        this.setData({ drawnText: text })
      })
    }
  }
})
