/** What the check-in page says about today and tomorrow, from a CheckInCalendar and whether a check-in is running. */
const format = require('./format')
const { dayTitle } = require('./calendar')

/** Today's button: "签到 +5", "签到中…" (disabled while the request runs) or "今天已签到" (disabled). */
function buttonView(calendar, running) {
  if (calendar && calendar.checkedInToday) return { text: '今天已签到', disabled: true, done: true }
  if (running) return { text: '签到中…', disabled: true, done: false }
  const reward = calendar ? Number(calendar.todayReward) : 0
  return { text: reward > 0 ? `签到 +${format.points(reward)}` : '签到', disabled: !calendar, done: false }
}

/** "明天签到可得 6 积分". */
function tomorrowText(calendar) {
  if (!calendar) return ''
  return `明天签到可得 ${format.points(calendar.tomorrowReward)} 积分`
}

/** "本月还可补签 2 次，每次 20 积分" or "本月补签次数已用完". */
function makeUpText(calendar) {
  if (!calendar) return ''
  if (Number(calendar.makeUpsLeft) <= 0) return '本月补签次数已用完'
  return `本月还可补签 ${calendar.makeUpsLeft} 次，每次 ${format.points(calendar.makeUpCost)} 积分`
}

/** The confirmation before a make-up, stating its cost. */
function makeUpConfirm(day, calendar) {
  return {
    title: '补签确认',
    content: `补签${dayTitle(day)}将消耗 ${format.points(calendar.makeUpCost)} 积分（本月还可补签 ${calendar.makeUpsLeft} 次），确定补签吗？`,
    confirmText: '补签',
    cancelText: '取消'
  }
}

/** The line after a check-in: "签到成功，获得 5 积分，已连续签到 3 天"; after a make-up "补签11月10日成功，已计入连续签到". */
function resultText(checkIn) {
  if (!checkIn) return ''
  if (checkIn.makeUp) return `补签${dayTitle(checkIn.day)}成功，已计入连续签到`
  return `签到成功，获得 ${format.points(checkIn.points)} 积分，已连续签到 ${checkIn.streak} 天`
}

module.exports = { buttonView, tomorrowText, makeUpText, makeUpConfirm, resultText }
