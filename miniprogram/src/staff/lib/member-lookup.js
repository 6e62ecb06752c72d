/**
 * The member lookup shared by the till and the adjustment page, as a Behavior: scan the code (QR
 * code or barcode) with the camera or type its digits, turn it into the member's card, then hand
 * the card to the page's own `memberFound(member)`; refused codes tell the clerk to ask the
 * member to refresh.
 */
const { showError } = require('../../api/errors')
const scan = require('./scan')
const { scanErrorMessage, tokenOf, typedCodeProblem } = require('./member-card')

module.exports = Behavior({
  data: {
    manualCode: '',
    scanning: false,
    scanError: ''
  },
  methods: {
    async scan() {
      if (this.data.scanning) return
      let token
      try {
        token = await scan.camera()
      } catch (e) {
        this.setData({ scanError: e.message })
        showError(e)
        return
      }
      if (token) await this.lookUp(token)
    },
    onManualInput(e) {
      this.setData({ manualCode: e.detail.value, scanError: '' })
    },
    lookUpManual() {
      if (this.data.scanning) return
      const token = tokenOf(this.data.manualCode)
      const problem = typedCodeProblem(token)
      if (problem) {
        this.setData({ scanError: problem })
        return
      }
      return this.lookUp(token)
    },
    async lookUp(token) {
      this.setData({ scanning: true, scanError: '' })
      let member
      try {
        member = await scan.lookUp(token)
      } catch (e) {
        this.setData({ scanning: false, scanError: scanErrorMessage(e) ? e.message : '' })
        showError(e)
        return
      }
      this.setData({ scanning: false, member, manualCode: '' })
      return this.memberFound(member)
    }
  }
})
