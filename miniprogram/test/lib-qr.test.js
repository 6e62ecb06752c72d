/** QR codes: a scannable matrix and a drawing that paints exactly its dark modules. */
const qr = require('../src/lib/qr')

test('matrixIsSquareWithFinderPatternsInThreeCorners', () => {
  const m = qr.matrix('123.1790000000.nonce.signature')
  const n = m.length
  expect(m.every(row => row.length === n)).toBe(true)
  for (const [r, c] of [[0, 0], [0, n - 7], [n - 7, 0]]) {
    expect(m[r][c]).toBe(true)
    expect(m[r + 1][c + 1]).toBe(false)
    expect(m[r + 3][c + 3]).toBe(true)
  }
})

test('drawPaintsOneSquarePerDarkModuleInsideAQuietZone', () => {
  const rects = []
  const ctx = { fillStyle: '', fillRect: (x, y, w, h) => rects.push({ style: ctx.fillStyle, x, y, w, h }) }
  const modules = qr.draw(ctx, 'hello', 290)
  const dark = qr.matrix('hello').flat().filter(Boolean).length
  expect(rects[0]).toMatchObject({ style: '#ffffff', x: 0, y: 0, w: 290, h: 290 })
  expect(rects.slice(1)).toHaveLength(dark)
  const cell = 290 / (modules + 4)
  expect(Math.min(...rects.slice(1).map(r => r.x))).toBeCloseTo(2 * cell)
})
