/** What the member card shows, worked out from `me`: tier, balance, growth to the next tier, expiring points. */
const format = require('./format')

/**
 * The growth bar: names of this and the next tier, the bar's width in percent (0 to 100) and
 * the sentence under it, e.g. "再消费¥120升级银卡" or "已是最高等级黑钻". `windowMonths` is
 * programRules.tierWindowMonths ("近3个月月均消费") and `reviewsBeforeDrop`
 * programRules.tierReviewsBeforeDrop ("3次降级"); unknown (0) leaves them out.
 */
function tierProgressView(progress, windowMonths, reviewsBeforeDrop) {
  if (!progress || !progress.current) return null
  const current = progress.current.name
  const next = progress.next ? progress.next.name : null
  const average = (windowMonths > 0 ? `近${windowMonths}个月` : '') + `月均消费${format.yuan(progress.averageMonthlySpendCents)}`
  if (!next) {
    return {
      current, next: null, top: true, percent: 100,
      needText: `已是最高等级${current}`,
      spendText: average,
      keepText: keepText(progress, reviewsBeforeDrop)
    }
  }
  const percent = Math.max(0, Math.min(100, Math.round(Number(progress.progress || 0) * 100)))
  const needed = Number(progress.spendNeededCents || 0)
  return {
    current, next, top: false, percent,
    needText: needed > 0 ? `再消费${format.yuan(needed)}升级${next}` : `已达到${next}标准，即将升级`,
    spendText: `${average}，${next}需${format.yuan(progress.next.thresholdCents)}`,
    keepText: keepText(progress, reviewsBeforeDrop)
  }
}

/**
 * A warning once reviews found the member below the current tier's threshold, with how many
 * reviews in a row drop a tier when the rules are known; null otherwise.
 */
function keepText(progress, reviewsBeforeDrop) {
  const below = Number(progress.monthsBelowThreshold || 0)
  if (below <= 0 || !progress.keepRequirementCents) return null
  const drop = reviewsBeforeDrop > 0 ? `，${reviewsBeforeDrop}次降级` : ''
  return `保级需月均消费${format.yuan(progress.keepRequirementCents)}（已连续${below}次未达到${drop}）`
}

/** "120积分将于2026-12-01过期", or for several dates "300积分将于2026-12-01起陆续过期"; null when none. */
function expiringText(expiring) {
  const list = (expiring || []).filter(e => Number(e.points) > 0)
  if (!list.length) return null
  const total = list.reduce((sum, e) => sum + Number(e.points), 0)
  const first = list.map(e => e.expiresAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0]
  const when = format.date(first)
  return list.length === 1 ? `${format.points(total)}积分将于${when}过期` : `${format.points(total)}积分将于${when}起陆续过期`
}

/** The card's view data from `me`. */
function cardView(me) {
  return {
    tierName: me.tier ? me.tier.name : '',
    tierLevel: me.tier ? me.tier.level : 0,
    balance: format.points(me.pointsBalance),
    expiringText: expiringText(me.pointsExpiringSoon),
    progress: tierProgressView(me.tierProgress)
  }
}

/** The banner after a scan: "已在 徐汇店 扫码" (or "会员码已被扫码" when the store is unknown). */
function scanBanner(scan) {
  if (!scan) return ''
  return scan.storeName ? `已在 ${scan.storeName} 扫码` : '会员码已被扫码'
}

/**
 * A new member's welcome (myWelcome) as the card shows it: the brand's message and where the
 * pack went ("新人礼包「新人礼包」已放入你的券包"); null when there is nothing to show.
 */
function welcomeView(welcome) {
  if (!welcome || (!welcome.packName && !welcome.message)) return null
  return {
    message: welcome.message || '',
    packText: welcome.packName ? `新人礼包「${welcome.packName}」已放入你的券包` : ''
  }
}

module.exports = { tierProgressView, expiringText, cardView, scanBanner, welcomeView }
