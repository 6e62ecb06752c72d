/** What the lottery pages show: the odds table, the draw's result, a line of the member's draws. */
const format = require('./format')

/** One row of the odds table (WeChat's rules ask that every prize and its probability are shown). */
function oddsView(odds, index) {
  return {
    key: String(index),
    name: odds.name,
    chance: odds.probabilityText,
    soldOut: odds.kind !== 'NOTHING' && !odds.inStock,
    goods: odds.kind === 'GOODS'
  }
}

/** What the member won, in a sentence; a goods prize says where to collect it. */
function resultText(draw) {
  if (draw.prizeKind === 'NOTHING') return draw.fellToNothing ? '谢谢参与（该奖品已抽完）' : '谢谢参与，下次好运'
  if (draw.prizeKind === 'POINTS') return `恭喜获得 ${format.points(draw.pointsWon)} 积分`
  if (draw.prizeKind === 'GOODS') return `恭喜获得「${draw.prizeName}」！凭提货码到任一门店领取，提货码在积分商城「我的兑换」中`
  return `恭喜获得「${draw.prizeName}」，已放入我的优惠券`
}

/** A goods prize was won: the result offers the way to its pickup code. */
function wonGoods(draw) {
  return draw.prizeKind === 'GOODS' && !!draw.mallRedemptionId
}

/** The lottery page's header numbers. */
function lotteryView(lottery, balance) {
  return {
    id: lottery.id,
    title: lottery.title,
    rules: lottery.rulesText,
    cost: lottery.costPoints ? `${format.points(lottery.costPoints)} 积分/次` : '免费抽奖',
    left: `今日还可抽 ${lottery.drawsLeftToday} 次`,
    period: `${format.date(lottery.startsAt)} 至 ${format.date(lottery.endsAt)}`,
    paused: lottery.status === 'PAUSED',
    canDraw: lottery.status === 'RUNNING' && lottery.drawsLeftToday > 0 && balance >= lottery.costPoints,
    odds: lottery.odds.map(oddsView)
  }
}

/** Why the button is off, when it is. */
function blockedReason(lottery, balance) {
  if (lottery.status === 'PAUSED') return '活动暂停中'
  if (lottery.status === 'ENDED') return '活动已结束'
  if (lottery.status !== 'RUNNING') return '活动未在进行中'
  if (lottery.drawsLeftToday <= 0) return '今日次数已用完'
  if (balance < lottery.costPoints) return '积分不足'
  return ''
}

/** A line of "my draws". */
function drawRow(draw) {
  return {
    id: draw.id,
    title: draw.lotteryTitle,
    prize: draw.prizeKind === 'NOTHING' ? '谢谢参与' : draw.prizeName,
    won: draw.prizeKind !== 'NOTHING',
    cost: draw.costPoints ? `-${format.points(draw.costPoints)} 积分` : '免费',
    time: format.dateTime(draw.createdAt)
  }
}

module.exports = { oddsView, resultText, wonGoods, lotteryView, blockedReason, drawRow }
