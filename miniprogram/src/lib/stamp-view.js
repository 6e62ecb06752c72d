/** What the stamp-card page and the card page show of stamp cards and tier benefits. */
const format = require('./format')

/** The most stamps drawn on one card (the backend allows 30). */
const MAX_DRAWN = 30

/** One stamp card: its stamps drawn (filled first), progress, reward, rule and when the period ends. */
function stampCardView(card) {
  const needed = Math.min(card.stampsNeeded, MAX_DRAWN)
  const stamps = Array.from({ length: needed }, (_, i) => ({ key: i, filled: i < card.stamps }))
  return {
    id: card.cardId,
    name: card.name,
    stamps,
    progress: `${card.stamps}/${card.stampsNeeded}`,
    left: card.stamps >= card.stampsNeeded ? '' : `再集 ${card.stampsNeeded - card.stamps} 个章可得`,
    reward: card.reward,
    rule: card.rule,
    // the period ends at the start of endsAt: its last day is the one before
    period: card.endsAt ? `本期集章截至 ${format.date(new Date(card.endsAt).getTime() - 1000)}`
      : `${card.period}，首次集章后开始计时`,
    paused: card.paused,
    completed: card.completedCount > 0 ? `已集满 ${card.completedCount} 次` : ''
  }
}

const BENEFIT_STATES = {
  ISSUED: { text: '已发放', tone: 'ok' },
  USED: { text: '已使用', tone: 'muted' },
  EXPIRED: { text: '已过期', tone: 'muted' },
  NOT_YET: { text: '待发放', tone: 'waiting' }
}

/** One monthly tier benefit with where it stands this month. */
function benefitView(benefit) {
  const state = BENEFIT_STATES[benefit.state] || BENEFIT_STATES.NOT_YET
  return {
    id: benefit.couponTemplateId,
    name: `${benefit.name} ×${benefit.quantity}`,
    state: state.text,
    tone: state.tone,
    until: benefit.validUntil && benefit.state === 'ISSUED' ? `${format.date(benefit.validUntil)} 前有效` : ''
  }
}

module.exports = { stampCardView, benefitView }
