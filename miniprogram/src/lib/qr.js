/** QR codes for the member code and invite links: the module matrix, and drawing it on a 2D canvas. */
const qrcode = require('qrcode-generator')

/** The dark/light modules of a QR code for text, error correction M, smallest version that fits. */
function matrix(text) {
  const qr = qrcode(0, 'M')
  qr.addData(String(text))
  qr.make()
  const size = qr.getModuleCount()
  const rows = []
  for (let r = 0; r < size; r++) {
    const row = []
    for (let c = 0; c < size; c++) row.push(qr.isDark(r, c))
    rows.push(row)
  }
  return rows
}

/**
 * Draws text as a QR code filling a square canvas of `sidePx` CSS pixels, with a quiet zone of
 * two modules; ctx is a CanvasRenderingContext2D of a `type="2d"` canvas.
 */
function draw(ctx, text, sidePx) {
  const modules = matrix(text)
  const count = modules.length + 4
  const cell = sidePx / count
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, sidePx, sidePx)
  ctx.fillStyle = '#000000'
  modules.forEach((row, r) => row.forEach((dark, c) => {
    if (dark) ctx.fillRect((c + 2) * cell, (r + 2) * cell, Math.ceil(cell), Math.ceil(cell))
  }))
  return modules.length
}

module.exports = { matrix, draw }
