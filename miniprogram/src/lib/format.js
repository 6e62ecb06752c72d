/** Display formats shared by pages: money in yuan, points, dates in China time. */

const CHINA_OFFSET_MS = 8 * 3600 * 1000

/** 12345 → "¥123.45"; whole yuan drop the decimals: 20000 → "¥200". */
function yuan(cents) {
  const value = Number(cents || 0)
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  const whole = Math.floor(abs / 100)
  const rest = abs % 100
  return `${sign}¥${whole}${rest ? '.' + String(rest).padStart(2, '0') : ''}`
}

/** "¥123.45" or "123.45" → 12345 cents; null when it is not an amount with at most 2 decimals. */
function parseYuan(text) {
  const match = /^\s*¥?\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(String(text || ''))
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] || '').padEnd(2, '0'))
}

/** 12345 → "12,345"; signed when asked: +120 / -80. */
function points(value, signed = false) {
  const n = Number(value || 0)
  const text = Math.abs(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  if (n < 0) return '-' + text
  return (signed ? '+' : '') + text
}

/** The China-time parts of an instant given as ISO text or Date. */
function chinaParts(instant) {
  const d = new Date(new Date(instant).getTime() + CHINA_OFFSET_MS)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() }
}

const pad = n => String(n).padStart(2, '0')

/** "2026-11-23T02:15:00Z" → "2026-11-23" (China date). */
function date(instant) {
  const p = chinaParts(instant)
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`
}

/** "2026-11-23T02:15:00Z" → "11月23日 10:15" (China time). */
function dateTime(instant) {
  const p = chinaParts(instant)
  return `${p.m}月${p.d}日 ${pad(p.h)}:${pad(p.min)}`
}

/** Today's date in China as "2026-11-23". */
function today(now = Date.now()) {
  return date(now)
}

module.exports = { yuan, parseYuan, points, date, dateTime, today }
