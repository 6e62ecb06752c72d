/**
 * The lottery form's state and the API's inputs built from it: the settings, and the prize pool
 * (a new pool version when editing). Times go through the campaign form's zone helpers.
 */
import { local, iso } from '../campaigns/campaignInput.js'

export function emptyPrize(kind = 'POINTS') {
  return { kind, name: '', points: kind === 'POINTS' ? 10 : null, couponTemplateId: null, goodsId: null, stock: kind === 'NOTHING' ? null : 100, probabilityBp: 0 }
}

export function defaults(now = Date.now()) {
  return {
    title: '', rulesText: '', startsAt: local(now).slice(0, 16) + ':00', endsAt: local(now + 30 * 86400000).slice(0, 10) + ' 23:59:59',
    costPoints: 10, dailyLimit: 3, totalLimit: null, budgetPoints: 10000, budgetCoupons: 0,
    prizes: [emptyPrize('POINTS'), emptyPrize('NOTHING')], changePool: true, poolEffectiveFrom: ''
  }
}

/** The form for an existing lottery: its settings and the prizes of its newest pool version. */
export function fromLottery(l) {
  const latest = l.poolVersions[0]
  return {
    title: l.title, rulesText: l.rulesText, startsAt: local(l.startsAt), endsAt: local(l.endsAt), costPoints: l.costPoints,
    dailyLimit: l.dailyLimit, totalLimit: l.totalLimit, budgetPoints: l.budgetPoints, budgetCoupons: l.budgetCoupons,
    prizes: (latest ? latest.prizes : []).map(p => ({ kind: p.kind, name: p.name, points: p.points, couponTemplateId: p.couponTemplateId,
      goodsId: p.goodsId, stock: p.stock, probabilityBp: p.probabilityBp })),
    changePool: false, poolEffectiveFrom: ''
  }
}

function prizeInput(p) {
  const input = { kind: p.kind, name: p.name ? p.name.trim() : null, probabilityBp: p.kind === 'NOTHING' ? 0 : Number(p.probabilityBp) }
  if (p.kind === 'POINTS') input.points = Number(p.points)
  if (p.kind === 'COUPON') input.couponTemplateId = p.couponTemplateId
  if (p.kind === 'GOODS') input.goodsId = p.goodsId
  if (p.kind !== 'NOTHING') input.stock = Number(p.stock)
  return input
}

function settings(form) {
  return {
    title: form.title.trim(), rulesText: form.rulesText.trim(), startsAt: iso(form.startsAt), endsAt: iso(form.endsAt),
    costPoints: Number(form.costPoints), dailyLimit: Number(form.dailyLimit),
    totalLimit: form.totalLimit === null || form.totalLimit === '' ? null : Number(form.totalLimit),
    budgetPoints: Number(form.budgetPoints), budgetCoupons: Number(form.budgetCoupons)
  }
}

export function createInput(form) {
  return { ...settings(form), prizes: form.prizes.map(prizeInput) }
}

/** An update: the settings, and a new pool version only when asked for (from now, or the time chosen). */
export function updateInput(lotteryId, form) {
  const input = { lotteryId, ...settings(form) }
  if (form.changePool) {
    input.prizes = form.prizes.map(prizeInput)
    if (form.poolEffectiveFrom) input.poolEffectiveFrom = iso(form.poolEffectiveFrom)
  }
  return input
}

/** The share of 谢谢参与 (basis points): what the prizes leave of 10000. */
export function nothingShare(prizes) {
  return 10000 - prizes.filter(p => p.kind !== 'NOTHING').reduce((sum, p) => sum + (Number(p.probabilityBp) || 0), 0)
}
