/**
 * The leaderboard's choices (本店/全品牌, 本周/本月, 积分/连续签到) and how a board reads:
 * the input to ask for, scores with their unit, the period, and the member's own place.
 */
const format = require('./format')

const TOP = 20

const SCOPES = [{ value: 'STORE', label: '本店' }, { value: 'BRAND', label: '全品牌' }]
const PERIODS = [{ value: 'WEEK', label: '本周' }, { value: 'MONTH', label: '本月' }]
const METRICS = [{ value: 'POINTS_EARNED', label: '积分' }, { value: 'CHECKIN_STREAK', label: '连续签到' }]

/** The first board: the member's own store when they registered at one, else the brand. */
function initial(storeId) {
  return { scope: storeId ? 'STORE' : 'BRAND', period: 'WEEK', metric: 'POINTS_EARNED' }
}

/** The scopes the member can choose: only 全品牌 without a store. */
function scopes(storeId) {
  return storeId ? SCOPES : SCOPES.filter(s => s.value === 'BRAND')
}

/** The choices after one was tapped; a store board without a store stays brand-wide. */
function choose(choice, field, value, storeId) {
  const next = Object.assign({}, choice, { [field]: value })
  if (next.scope === 'STORE' && !storeId) next.scope = 'BRAND'
  return next
}

/** The LeaderboardInput for the choices. */
function input(choice, storeId) {
  const out = { scope: choice.scope, period: choice.period, metric: choice.metric, first: TOP }
  if (choice.scope === 'STORE') out.storeId = storeId
  return out
}

/** 1250 points → "1,250积分"; a streak of 7 → "7天". */
function scoreText(metric, score) {
  return metric === 'CHECKIN_STREAK' ? `${score}天` : `${format.points(score)}积分`
}

/** "2026-W48" → "2026年第48周"; "2026-11" → "2026年11月". */
function periodText(periodKey) {
  const week = /^(\d{4})-W(\d{1,2})$/.exec(periodKey || '')
  if (week) return `${week[1]}年第${Number(week[2])}周`
  const month = /^(\d{4})-(\d{1,2})$/.exec(periodKey || '')
  if (month) return `${month[1]}年${Number(month[2])}月`
  return periodKey || ''
}

/** A row of the board. */
function entryView(entry, metric) {
  return { rank: entry.rank, nickname: entry.nickname, avatarUrl: entry.avatarUrl || '', score: scoreText(metric, entry.score) }
}

/** "我的排名" line: "第3名 · 1,250积分", or "暂未上榜". */
function myRankText(myEntry, metric) {
  return myEntry ? `第${myEntry.rank}名 · ${scoreText(metric, myEntry.score)}` : '暂未上榜'
}

/** Everything the page shows of a board. */
function boardView(board) {
  return {
    entries: board.entries.map(e => entryView(e, board.metric)),
    mine: myRankText(board.myEntry, board.metric),
    period: periodText(board.periodKey)
  }
}

module.exports = { TOP, SCOPES, PERIODS, METRICS, initial, scopes, choose, input, scoreText, periodText, myRankText, boardView }
