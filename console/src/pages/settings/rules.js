/**
 * The programme's rule set in words: each rule as a labelled line, so the rules page, a version's
 * detail and the editor's "what changes" list all say the same thing the same way.
 */
import { money } from '../../format.js'

export const BIRTHDAY_PERIODS = { DAY: '生日当天', WEEK: '生日所在周', MONTH: '生日所在月' }
export const AFTER_LAST_DAY = { REPEAT: '从第 1 天重新开始', STAY: '按最后一天的积分' }
export const VERSION_STATUS = {
  SCHEDULED: { label: '待生效', type: 'warning' },
  IN_FORCE: { label: '生效中', type: 'success' },
  SUPERSEDED: { label: '已被取代', type: 'info' },
  CANCELLED: { label: '已撤销', type: 'danger' }
}
export const GROUPS = ['等级评估', '积分获取', '会员日与生日', '积分抵扣与过期', '签到', '邀请好友', '新会员礼']

/** 95 → '95 折', 90 → '9 折', 100 → '无折扣'. */
export function discount(percent) {
  if (percent >= 100) return '无折扣'
  return `${percent % 10 === 0 ? percent / 10 : percent} 折`
}

const times = factor => `${factor} 倍`
const multipliers = list => (list && list.length ? list.map(m => `${m.key} ×${m.factor}`).join('、') : '无')

/** Every rule as { key, group, label, value } (tiers by level, so a renamed tier still compares). */
export function ruleLines(rules) {
  const lines = []
  const add = (key, group, label, value) => lines.push({ key, group, label, value: String(value) })
  for (const t of rules.tiers) {
    add(`tier.${t.level}.name`, '等级', `第 ${t.level} 级名称`, t.name)
    add(`tier.${t.level}.threshold`, '等级', `${t.name} · 门槛（月均消费）`, money(t.thresholdCents))
    add(`tier.${t.level}.multiplier`, '等级', `${t.name} · 积分倍数`, times(t.pointsMultiplier))
    add(`tier.${t.level}.discount`, '等级', `${t.name} · 到店折扣`, discount(t.priceDiscount))
    add(`tier.${t.level}.benefits`, '等级', `${t.name} · 权益`, t.benefits.length ? t.benefits.join('、') : '无')
  }
  add('tierWindowMonths', '等级评估', '月均消费的统计月数', `${rules.tierWindowMonths} 个月`)
  add('tierReviewsBeforeDrop', '等级评估', '连续几次月度评估未达标降一级', `${rules.tierReviewsBeforeDrop} 次`)
  add('pointsPerYuan', '积分获取', '每实付 1 元获得积分', `${rules.pointsPerYuan} 积分`)
  add('categoryMultipliers', '积分获取', '品类积分倍数', multipliers(rules.categoryMultipliers))
  add('skuMultipliers', '积分获取', '单品积分倍数', multipliers(rules.skuMultipliers))
  add('memberDays', '会员日与生日', '会员日', rules.memberDays.length ? `每月 ${rules.memberDays.join('、')} 日` : '无')
  add('memberDayFactor', '会员日与生日', '会员日积分倍数', times(rules.memberDayFactor))
  add('birthdayPeriod', '会员日与生日', '生日特权期', BIRTHDAY_PERIODS[rules.birthdayPeriod] || rules.birthdayPeriod)
  add('birthdayFactor', '会员日与生日', '生日积分倍数', times(rules.birthdayFactor))
  add('pointsPerYuanRedeemed', '积分抵扣与过期', '抵扣 1 元所需积分', `${rules.pointsPerYuanRedeemed} 积分`)
  add('expiryMonths', '积分抵扣与过期', '积分有效期', `获得当月后第 ${rules.expiryMonths} 个月月底过期`)
  add('checkIn.rewards', '签到', '连续签到奖励', rules.checkIn.rewards.map((p, i) => `第 ${i + 1} 天 ${p}`).join('、'))
  add('checkIn.afterLastDay', '签到', '超过表中天数后', AFTER_LAST_DAY[rules.checkIn.afterLastDay] || rules.checkIn.afterLastDay)
  add('checkIn.makeUpCost', '签到', '补签消耗', `${rules.checkIn.makeUpCost} 积分`)
  add('checkIn.makeUpsPerMonth', '签到', '每月可补签', `${rules.checkIn.makeUpsPerMonth} 次`)
  add('checkIn.rewardExpiryMonths', '签到', '签到积分有效期', `${rules.checkIn.rewardExpiryMonths} 个月`)
  add('referral.registeredPoints', '邀请好友', '好友注册，邀请人得', `${rules.referral.registeredPoints} 积分`)
  add('referral.firstPurchasePoints', '邀请好友', '好友首次消费，邀请人得', `${rules.referral.firstPurchasePoints} 积分`)
  add('referral.welcomePoints', '邀请好友', '被邀请人注册得', `${rules.referral.welcomePoints} 积分`)
  add('referral.dailyCap', '邀请好友', '每人每天最多奖励', `${rules.referral.dailyCap} 次`)
  add('referral.lifetimeCap', '邀请好友', '每人累计最多奖励', `${rules.referral.lifetimeCap} 次`)
  add('welcomeCouponPackId', '新会员礼', '新会员券包', rules.welcomeCouponPackId ? `券包 #${rules.welcomeCouponPackId}` : '无')
  add('welcomeMessage', '新会员礼', '欢迎消息', rules.welcomeMessage || '无')
  return lines
}

/** What differs between two rule sets: [{ key, label, before, after }], in the order of ruleLines. */
export function ruleChanges(before, after) {
  const old = new Map(ruleLines(before).map(line => [line.key, line]))
  return ruleLines(after)
    .filter(line => !old.has(line.key) || old.get(line.key).value !== line.value)
    .map(line => ({ key: line.key, label: line.label, before: old.has(line.key) ? old.get(line.key).value : '—', after: line.value }))
}

/** A rule set as ProgramRulesInput (what scheduleProgramRules takes), copied so it can be edited. */
export function toRulesInput(rules) {
  const copy = JSON.parse(JSON.stringify(rules))
  return {
    tiers: copy.tiers.map(({ level, name, thresholdCents, pointsMultiplier, priceDiscount, benefits }) =>
      ({ level, name, thresholdCents, pointsMultiplier, priceDiscount, benefits })),
    tierWindowMonths: copy.tierWindowMonths,
    tierReviewsBeforeDrop: copy.tierReviewsBeforeDrop,
    pointsPerYuan: copy.pointsPerYuan,
    categoryMultipliers: copy.categoryMultipliers.map(({ key, factor }) => ({ key, factor })),
    skuMultipliers: copy.skuMultipliers.map(({ key, factor }) => ({ key, factor })),
    memberDays: copy.memberDays,
    memberDayFactor: copy.memberDayFactor,
    birthdayPeriod: copy.birthdayPeriod,
    birthdayFactor: copy.birthdayFactor,
    pointsPerYuanRedeemed: copy.pointsPerYuanRedeemed,
    expiryMonths: copy.expiryMonths,
    checkIn: { ...copy.checkIn },
    referral: { ...copy.referral },
    welcomeCouponPackId: copy.welcomeCouponPackId || null,
    welcomeMessage: copy.welcomeMessage || null
  }
}
