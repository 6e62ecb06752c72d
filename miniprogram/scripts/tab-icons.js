#!/usr/bin/env node
/**
 * Draws the tab bar's icons (会员卡, 签到, 优惠券, 我的) as 81x81 PNGs, grey and gold (the tab bar's
 * color and selectedColor in src/app.json), into src/images/tab/<name>.png and
 * <name>-active.png. Each icon is a few outlined shapes; a pixel's coverage is sampled 4x4 for
 * smooth edges, and the PNG is written with zlib: no network, no packages, the same bytes on
 * every run. Run `node scripts/tab-icons.js` from miniprogram/ after changing a shape or colour;
 * test/tab-bar.test.js checks the committed files match.
 */
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const SIZE = 81
const SAMPLES = 4
const STROKE = 5
const SRC = path.join(__dirname, '../src')
const OUT_DIR = path.join(SRC, 'images/tab')
const TAB_BAR = JSON.parse(fs.readFileSync(path.join(SRC, 'app.json'), 'utf8')).tabBar
/** The tab bar's own text colours: grey, and gold when selected. */
const COLORS = { normal: TAB_BAR.color, active: TAB_BAR.selectedColor }

// ---- shapes: functions (x, y) → inside? ----

const inRoundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
const inCircle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
/** A line from (ax, ay) to (bx, by), `width` wide with round ends. */
const onSegment = (ax, ay, bx, by, width) => (x, y) => {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2
}
const union = (...shapes) => (x, y) => shapes.some(s => s(x, y))
const minus = (shape, ...holes) => (x, y) => shape(x, y) && !holes.some(h => h(x, y))
/** The outline of a rounded rectangle, STROKE wide, inside its bounds. */
const roundRectOutline = (x0, y0, x1, y1, r) => minus(inRoundRect(x0, y0, x1, y1, r),
  inRoundRect(x0 + STROKE, y0 + STROKE, x1 - STROKE, y1 - STROKE, Math.max(0, r - STROKE)))

/** The member card: a card with a stripe and a name line. */
const card = union(
  roundRectOutline(8, 18, 73, 63, 8),
  onSegment(10, 31, 71, 31, STROKE),
  onSegment(18, 50, 36, 50, STROKE)
)

/** Check-in: a calendar page with two rings and a tick. */
const checkin = union(
  roundRectOutline(11, 16, 70, 70, 8),
  onSegment(27, 10, 27, 22, STROKE),
  onSegment(54, 10, 54, 22, STROKE),
  onSegment(13, 30, 68, 30, STROKE),
  onSegment(27, 50, 36, 59, STROKE),
  onSegment(36, 59, 55, 40, STROKE)
)

/** Coupons: a ticket notched on both sides, with a dashed tear line. */
const coupon = union(
  minus(inRoundRect(6, 20, 75, 61, 6),
    inRoundRect(6 + STROKE, 20 + STROKE, 75 - STROKE, 61 - STROKE, 2),
    inCircle(6, 40.5, 8), inCircle(75, 40.5, 8)),
  minus(union(inCircle(6, 40.5, 8 + STROKE), inCircle(75, 40.5, 8 + STROKE)),
    inCircle(6, 40.5, 8), inCircle(75, 40.5, 8), (x, y) => x < 6 || x > 75),
  ...[26, 36, 46, 56].map(y => onSegment(52, y - 2, 52, y + 2, STROKE - 1))
)

/** Mine: a head and shoulders. */
const mine = union(
  minus(inCircle(40.5, 28, 14), inCircle(40.5, 28, 14 - STROKE)),
  minus(inCircle(40.5, 76, 28), inCircle(40.5, 76, 28 - STROKE), (x, y) => y > 72),
  onSegment(12.5 + STROKE / 2, 72, 68.5 - STROKE / 2, 72, STROKE)
)

/** The tab bar's icons, in app.json's order: file name and shape. */
const ICONS = [
  { page: 'pages/card/index', name: 'card', shape: card },
  { page: 'pages/checkin/index', name: 'checkin', shape: checkin },
  { page: 'pages/coupons/index', name: 'coupon', shape: coupon },
  { page: 'pages/mine/index', name: 'mine', shape: mine }
]

// ---- raster and PNG ----

function rgb(hex) {
  return [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16))
}

/** RGBA rows, each led by PNG filter byte 0: the colour with the shape's coverage as alpha. */
function raster(shape, color) {
  const [r, g, b] = rgb(color)
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1)
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++
        }
      }
      const at = row + 1 + x * 4
      rows[at] = r
      rows[at + 1] = g
      rows[at + 2] = b
      rows[at + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES))
    }
  }
  return rows
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A PNG of SIZE x SIZE, 8-bit RGBA, of the given filtered rows. */
function png(rows) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** Every icon file: its name in src/images/tab/ and its rows (the pixels, before compression). */
function iconFiles() {
  return ICONS.flatMap(icon => [
    { file: `${icon.name}.png`, rows: raster(icon.shape, COLORS.normal) },
    { file: `${icon.name}-active.png`, rows: raster(icon.shape, COLORS.active) }
  ])
}

if (require.main === module) {
  fs.mkdirSync(OUT_DIR, { recursive: true })
  for (const { file, rows } of iconFiles()) {
    const bytes = png(rows)
    fs.writeFileSync(path.join(OUT_DIR, file), bytes)
    console.log(`${path.relative(process.cwd(), path.join(OUT_DIR, file))} ${bytes.length} bytes`)
  }
}

module.exports = { SIZE, COLORS, ICONS, iconFiles, png }
