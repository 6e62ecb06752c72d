/**
 * Coupons in plain words: what a template gives ("满200减50", "8.5折 最高减¥30"), where and how
 * long it can be used, and, in the coupon centre, what the member can do with it and why not: a
 * coupon whose early access is the member's own tier says 优先领; one not open to them yet says when
 * it opens to them ("12月10日 10:00 开放").
 */
const format = require('./format')

const STATUS_TABS = [
  { status: 'USABLE', label: '可用' },
  { status: 'USED', label: '已使用' },
  { status: 'EXPIRED', label: '已过期' }
]

const CHANNEL_LIMITS = { STORE: '仅限门店使用', ONLINE: '仅限线上使用' }

/** 20000 → "200", 15050 → "150.50": an amount in yuan without the ¥ sign. */
function plainYuan(cents) {
  return format.yuan(cents).replace('¥', '')
}

/** percentOff 15 → "8.5折", 10 → "9折", 50 → "5折" (Chinese discounts name what is paid). */
function discountName(percentOff) {
  return `${(100 - percentOff) / 10}折`
}

/** What a template gives, in one line: 满200减50 / 无门槛减20 / 8.5折 最高减¥30 / 免运费 / 赠 帆布袋. */
function describe(template) {
  const threshold = Number(template.thresholdCents || 0)
  const reach = threshold > 0 ? `满${plainYuan(threshold)}` : ''
  switch (template.kind) {
    case 'AMOUNT_OFF':
      return `${reach || '无门槛'}减${plainYuan(template.amountOffCents)}`
    case 'PERCENT_OFF': {
      const cap = template.maxDiscountCents ? ` 最高减${format.yuan(template.maxDiscountCents)}` : ''
      return `${reach ? reach + '享' : ''}${discountName(template.percentOff)}${cap}`
    }
    case 'SHIPPING':
      return `${reach}免运费`
    case 'GIFT':
      return `${reach}赠 ${template.giftName || '礼品'}`
    default:
      return template.name
  }
}

/** The big figure on the left of a coupon: ¥50 / 8.5折 / 包邮 / 赠品. */
function headline(template) {
  switch (template.kind) {
    case 'AMOUNT_OFF': return format.yuan(template.amountOffCents)
    case 'PERCENT_OFF': return discountName(template.percentOff)
    case 'SHIPPING': return '包邮'
    case 'GIFT': return '赠品'
    default: return ''
  }
}

/** Where and with what a template can be used, each limit as a short sentence (none: no limits). */
function limits(template) {
  const out = []
  if (template.storeIds && template.storeIds.length) out.push(`限${template.storeIds.length}家指定门店使用`)
  if (template.categories && template.categories.length) out.push(`限${template.categories.join('、')}类商品`)
  if (CHANNEL_LIMITS[template.channel]) out.push(CHANNEL_LIMITS[template.channel])
  if (template.stackable === false) out.push('不可与其他优惠券同时使用')
  return out
}

/** A held coupon's dates: "2026-11-01 至 2026-11-30". */
function validity(coupon) {
  return `${format.date(coupon.validFrom)} 至 ${format.date(coupon.validUntil)}`
}

/** A template's dates before anyone holds it: fixed window, or N days from getting it. */
function templateValidity(template) {
  if (template.validUntil) {
    const from = template.validFrom ? `${format.date(template.validFrom)} 至 ` : '有效期至 '
    return from + format.date(template.validUntil)
  }
  if (template.validDays) return `领取后${template.validDays}天内有效`
  return ''
}

/** The view of one of the member's coupons for the coupon card. */
function couponView(coupon) {
  const t = coupon.template
  const usedAt = coupon.status === 'USED' && coupon.usedAt ? `${format.dateTime(coupon.usedAt)} 已使用` : ''
  return {
    id: coupon.id,
    name: t.name,
    headline: headline(t),
    description: describe(t),
    validity: validity(coupon),
    limits: limits(t),
    hint: coupon.status === 'USABLE' ? '到店出示会员码使用' : usedAt,
    status: coupon.status
  }
}

/**
 * Why the member cannot get a centre coupon now (available=false), from the template and how
 * many they hold: limit reached, sold out, not open to them yet (when it opens), or tier too low.
 * `tierNames` maps level → name.
 */
function unavailableReason(entry, tierNames = {}) {
  const t = entry.template
  if (entry.held >= t.perMemberLimit) {
    return t.perMemberLimit > 1 ? `已达上限（每人限${t.perMemberLimit}张）` : '已领取'
  }
  if (t.remainingStock === 0) return '已抢光'
  if (entry.opensAt) return `${format.dateTime(entry.opensAt)} 开放`
  if (t.minTierLevel > 0) return `${tierNames[t.minTierLevel] || `等级${t.minTierLevel}`}及以上会员可领`
  return '暂不可领取'
}

/** The button of a coupon the member may get: 领取 / N积分兑换, or 优先领 / N积分优先兑 in their tier's early access. */
function buttonText(how, template, early) {
  if (how === 'claim') return early ? '优先领' : '领取'
  if (how === 'exchange') return `${format.points(template.pointsPrice)}积分${early ? '优先兑' : '兑换'}`
  return ''
}

/** The line under an early-access coupon: whose it is first (金卡、黑钻会员优先), '' otherwise. */
function earlyHint(entry) {
  const e = entry.template.earlyAccess
  if (!e || !(entry.early || entry.opensAt)) return ''
  return `${e.tierNames.join('、')}会员优先`
}

/** How a centre coupon is had: 'claim' (free), 'exchange' (points) or null (neither). */
function action(template) {
  if (template.claimable) return 'claim'
  if (template.pointsPrice !== null && template.pointsPrice !== undefined) return 'exchange'
  return null
}

/** The view of a coupon-centre entry: description, price or 领取, and the reason when unavailable. */
function centreView(entry, tierNames) {
  const t = entry.template
  const how = entry.available ? action(t) : null
  return {
    id: t.id,
    name: t.name,
    headline: headline(t),
    description: describe(t),
    validity: templateValidity(t),
    limits: limits(t),
    stock: t.remainingStock === null || t.remainingStock === undefined ? '' : `剩余${t.remainingStock}张`,
    hint: earlyHint(entry),
    early: !!(entry.early && how),
    action: how,
    buttonText: buttonText(how, t, entry.early),
    reason: entry.available ? (how ? '' : '暂不可领取') : unavailableReason(entry, tierNames),
    held: entry.held
  }
}

/**
 * How long until the soonest of these entries opens to the member, in ms, when that is within
 * `withinMs` (the page then loads again at that moment); null when none does.
 */
function nextOpening(entries, now = Date.now(), withinMs = 3600 * 1000) {
  const waits = entries.filter(e => e.opensAt).map(e => new Date(e.opensAt).getTime() - now)
    .filter(ms => ms > 0 && ms <= withinMs)
  return waits.length ? Math.min(...waits) : null
}

/** The entry after the member got one more: held +1, stock -1, and no longer available at the limit or when gone. */
function afterGetting(entry) {
  const t = entry.template
  const stock = t.remainingStock === null || t.remainingStock === undefined ? t.remainingStock : Math.max(0, t.remainingStock - 1)
  const held = entry.held + 1
  return {
    template: Object.assign({}, t, { remainingStock: stock }),
    held,
    available: entry.available && held < t.perMemberLimit && stock !== 0,
    opensAt: entry.opensAt || null,
    early: !!entry.early
  }
}

module.exports = {
  STATUS_TABS, describe, headline, limits, validity, templateValidity, couponView,
  unavailableReason, buttonText, earlyHint, action, centreView, afterGetting, nextOpening
}
