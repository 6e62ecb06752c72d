/** Order and refund numbers the till proposes: prefix, China time to the second, 4 random digits. */

const CHINA_OFFSET_MS = 8 * 3600 * 1000
const pad = (n, width = 2) => String(n).padStart(width, '0')

/** e.g. "T20261123101530-0427" for an order, "R…" for a refund. */
function generate(prefix, now = Date.now(), random = Math.random) {
  const d = new Date(now + CHINA_OFFSET_MS)
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  return `${prefix}${stamp}-${pad(Math.floor(random() * 10000), 4)}`
}

const orderNo = (now, random) => generate('T', now, random)
const refundNo = (now, random) => generate('R', now, random)
/** The receipt number of a recharge at the till, e.g. "C20261123101530-0427". */
const rechargeNo = (now, random) => generate('C', now, random)

module.exports = { orderNo, refundNo, rechargeNo }
