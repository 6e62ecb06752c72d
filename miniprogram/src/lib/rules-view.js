/**
 * The programme rules (programRules) in the member's words: tiers, earning, paying with points,
 * member day, check-in. Pure; every number comes from the backend's rules version.
 */
const format = require('./format')

const BIRTHDAY = { DAY: '生日当天', WEEK: '生日当周', MONTH: '生日当月' }

/** 1.5 → "1.5", 2 → "2". */
function factor(n) {
  return String(Math.round(Number(n) * 100) / 100)
}

/** 95 → "95折", 90 → "9折", 100 → "" (no discount). */
function discount(percent) {
  const p = Number(percent)
  if (!(p < 100)) return ''
  return (p % 10 === 0 ? String(p / 10) : String(p)) + '折'
}

function tierRows(rules) {
  return (rules.tiers || []).map(t => ({
    level: t.level,
    name: t.name,
    threshold: t.thresholdCents > 0 ? `月均消费满${format.yuan(t.thresholdCents)}` : '注册即享',
    multiplier: `${factor(t.pointsMultiplier)}倍积分`,
    discount: discount(t.priceDiscount),
    benefits: (t.benefits || []).join('、')
  }))
}

/**
 * The card's line for the member's tier, from its rules: "银卡权益：1.2倍积分 · 95折 · 生日券"
 * (a multiplier of 1 and no discount are left out; a benefit text that only restates them, such as
 * "积分 1.2 倍", is shown once); "" for an unknown tier or one without any.
 */
function tierBenefitsLine(rules, level) {
  const tier = (rules.tiers || []).find(t => t.level === level)
  if (!tier) return ''
  const parts = []
  const restated = []
  if (Number(tier.pointsMultiplier) > 1) {
    parts.push(`${factor(tier.pointsMultiplier)}倍积分`)
    restated.push(`${factor(tier.pointsMultiplier)}倍`)
  }
  if (discount(tier.priceDiscount)) {
    parts.push(discount(tier.priceDiscount))
    restated.push(discount(tier.priceDiscount))
  }
  const compact = text => String(text).replace(/\s+/g, '')
  parts.push(...(tier.benefits || []).filter(text => !restated.some(fact => compact(text).includes(fact))))
  return parts.length ? `${tier.name}权益：${parts.join(' · ')}` : ''
}

/** "每月8日" / "每月8日、18日" / "" when there is no member day. */
function memberDaysText(rules) {
  const days = rules.memberDays || []
  return days.length ? '每月' + days.map(d => `${d}日`).join('、') : ''
}

/** The card's line: today is member day, or which day it is; "" without one. */
function memberDayLine(rules, today) {
  const days = rules.memberDays || []
  if (!days.length || !(rules.memberDayFactor > 1)) return ''
  const day = Number(String(today || '').slice(8, 10))
  if (days.indexOf(day) >= 0) return `今天是会员日，消费积分${factor(rules.memberDayFactor)}倍`
  return `会员日：${memberDaysText(rules)}，消费积分${factor(rules.memberDayFactor)}倍`
}

function earningText(rules) {
  const parts = [`消费每1元得${rules.pointsPerYuan}积分，乘以等级倍数`]
  if (memberDaysText(rules) && rules.memberDayFactor > 1) {
    parts.push(`会员日（${memberDaysText(rules)}）${factor(rules.memberDayFactor)}倍`)
  }
  if (rules.birthdayFactor > 1) parts.push(`${BIRTHDAY[rules.birthdayPeriod] || '生日'}${factor(rules.birthdayFactor)}倍`)
  return parts.join('；') + '。'
}

/** "100积分抵1元" */
function redeemRate(rules) {
  return `${rules.pointsPerYuanRedeemed}积分抵1元`
}

function redeemText(rules) {
  return `${redeemRate(rules)}，下单时由店员抵扣；积分在获得当月后第${rules.expiryMonths}个月月底到期，到期前会提醒。`
}

function tierText(rules) {
  return `等级按本月及前${rules.tierWindowMonths - 1}个月的月均消费（扣除退款）计算；每月1日复核，连续${rules.tierReviewsBeforeDrop}次未达到保级要求降一级。`
}

function checkInText(rules) {
  const c = rules.checkIn || {}
  const rewards = c.rewards || []
  return `每天签到一次得积分，连续签到依次得${rewards.join('、')}积分；每月最多补签${c.makeUpsPerMonth}天，每次消耗${c.makeUpCost}积分。`
}

/** "新规则将于2027-01-01起生效" when a version is scheduled, else "". */
function upcomingText(rules) {
  return rules.upcoming ? `新规则将于${format.date(rules.upcoming.effectiveFrom)}起生效` : ''
}

module.exports = {
  factor, discount, tierRows, tierBenefitsLine, memberDaysText, memberDayLine, earningText, redeemRate, redeemText, tierText,
  checkInText, upcomingText
}
