/** Scanning a member's code at the till: the camera, then scanMemberCode → the member's card. */
const client = require('../../api/client')
const { ApiError } = require('../../api/errors')
const { SCAN_MEMBER_CODE } = require('../../api/documents/staff')
const { cardView, scanErrorMessage, tokenOf } = require('./member-card')

/**
 * Opens the camera for the member code, its QR code or its barcode (the code's digits); resolves
 * the text, or null when the clerk cancels.
 */
function camera() {
  return new Promise((resolve, reject) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode', 'barCode'],
      success: res => resolve(tokenOf(res.result)),
      fail: res => (/cancel/.test((res && res.errMsg) || '') ? resolve(null)
        : reject(new ApiError('SCAN_FAILED', '扫码失败，请重试或手动输入会员码')))
    })
  })
}

/** Looks the code up; resolves the card view (with the scan's till proof), rejects with ApiError (CODE_EXPIRED etc. reworded for the clerk). */
async function lookUp(token) {
  try {
    const payload = await client.mutate(SCAN_MEMBER_CODE, { input: { token } }, { as: 'staff' })
    return cardView(payload.card, payload.tillProof)
  } catch (e) {
    const message = scanErrorMessage(e)
    throw message ? new ApiError(e.code, message, { field: e.field }) : e
  }
}

module.exports = { camera, lookUp }
