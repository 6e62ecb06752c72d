/** How the coupon pages word a template: its kind, what it gives, its validity, stock and early access. */
import { money, date, ZONE } from '../../format.js'

export const KINDS = [
  { value: 'AMOUNT_OFF', label: '满减券' },
  { value: 'PERCENT_OFF', label: '折扣券' },
  { value: 'SHIPPING', label: '免运费券' },
  { value: 'GIFT', label: '礼品券' }
]
export const CHANNELS = [
  { value: 'BOTH', label: '门店和线上' },
  { value: 'STORE', label: '仅门店' },
  { value: 'ONLINE', label: '仅线上' }
]

export function kindName(kind) {
  return (KINDS.find(k => k.value === kind) || {}).label || kind
}

export function channelName(channel) {
  return (CHANNELS.find(c => c.value === channel) || {}).label || channel
}

/** 满200减50, 8.5折（最多减¥30.00）, 免运费, 赠：帆布袋 */
export function benefit(t) {
  const threshold = t.thresholdCents > 0 ? `满${money(t.thresholdCents).replace('¥', '')}` : '无门槛'
  if (t.kind === 'AMOUNT_OFF') return `${threshold}减${money(t.amountOffCents).replace('¥', '')}`
  if (t.kind === 'PERCENT_OFF') {
    const rate = (100 - t.percentOff) / 10
    const cap = t.maxDiscountCents ? `（最多减${money(t.maxDiscountCents)}）` : ''
    return `${threshold} ${rate}折${cap}`
  }
  if (t.kind === 'SHIPPING') return `${threshold} 免运费`
  return `${threshold} 赠：${t.giftName || '礼品'}`
}

export function validity(t) {
  if (t.validDays) return `领取后 ${t.validDays} 天内有效`
  if (t.validFrom || t.validUntil) return `${t.validFrom ? date(t.validFrom) : '即日起'} 至 ${t.validUntil ? date(t.validUntil) : '不限'}`
  return '不限'
}

export function stock(t) {
  if (t.totalStock === null || t.totalStock === undefined) return '不限量'
  const left = t.usage ? t.usage.remainingStock : t.remainingStock
  return `剩 ${left ?? '—'} / 共 ${t.totalStock}`
}

export function statusName(status) {
  return status === 'ARCHIVED' ? '已下架' : '可发放'
}

/** A key for one issuing: repeating it (a retry of the same click) gives the member nothing twice. */
export function newIdempotencyKey(prefix) {
  const random = globalThis.crypto && globalThis.crypto.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`
  return `${prefix}-${random}`.slice(0, 60)
}

/** 12月10日 10:00 in the brand's zone (with the year when it is not this year's). */
export function shortTime(iso, now = new Date()) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  }).formatToParts(new Date(iso)).map(p => [p.type, p.value]))
  const thisYear = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, year: 'numeric' }).format(now)
  const year = parts.year === thisYear ? '' : `${parts.year}年`
  return `${year}${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`
}

/**
 * Where a template's early access stands (优先领), '' without one:
 * 金卡、黑钻 12月8日 10:00 起优先 · 12月10日 10:00 全员开放 (before the early start),
 * 金卡、黑钻优先 · 12月10日 10:00 全员开放 (early), 12月10日 10:00 起全员开放 (everyone).
 */
export function earlyAccessText(t, now = new Date()) {
  const e = t.earlyAccess
  if (!e) return ''
  const tiers = e.tierNames.join('、')
  const general = shortTime(e.generalFrom, now)
  if (t.claimPhase === 'NOT_OPEN') return `${tiers} ${shortTime(e.earlyFrom, now)} 起优先 · ${general} 全员开放`
  if (t.claimPhase === 'EARLY') return `${tiers}优先 · ${general} 全员开放`
  return `${general} 起全员开放`
}

/** The tag's colour for the phase: waiting, early tiers only, everyone. */
export function phaseTagType(phase) {
  return phase === 'EARLY' ? 'warning' : phase === 'NOT_OPEN' ? 'info' : 'success'
}
