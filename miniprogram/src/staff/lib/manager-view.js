/** The manager page's view data: today's numbers formatted, and the follow-up call list. */
const format = require('../../lib/format')

const STATUS_ACTIONS = [
  { status: 'NO_ANSWER', label: '未接通' },
  { status: 'REACHED', label: '已联系' },
  { status: 'DECLINED', label: '拒绝回访' },
  { status: 'DONE', label: '已完成' }
]

const STATUS_NAMES = { OPEN: '待回访', NO_ANSWER: '未接通', REACHED: '已联系', DECLINED: '拒绝回访', DONE: '已完成' }

/** 0.375 → "37.5%", 0.5 → "50%", 0 → "0%". */
function percent(rate) {
  return `${Math.round(Number(rate || 0) * 1000) / 10}%`
}

/** TodayNumbers → the cards of the manager page; an admin's numbers are for the store they picked, or the brand. */
function numbersView(n, forAdmin = false) {
  return {
    day: n.day,
    scope: !n.storeId ? '全品牌' : (forAdmin ? '所选门店' : '本店'),
    newMembers: format.points(n.newMembers),
    orders: format.points(n.orders),
    sales: format.yuan(n.salesCents),
    buyers30d: format.points(n.buyers30d),
    repurchaseRate: percent(n.repurchaseRate30d),
    pointsLiability: format.points(n.pointsLiability),
    pointsLiabilityValue: format.yuan(n.pointsLiabilityCents)
  }
}

/**
 * A FollowUpTask node → one row of the call list (note typed by the clerk kept apart). A member with
 * a bound phone can be called: the full number is revealed (audited) only on the call button.
 */
function taskView(node) {
  const member = node.member || {}
  return {
    id: node.id,
    memberId: member.id,
    nickname: member.nickname || '未设置昵称',
    phone: member.phone || '未绑定手机',
    canCall: !!member.phone,
    calling: false,
    reason: node.reason,
    dueOn: node.dueOn,
    status: STATUS_NAMES[node.status] || node.status,
    note: '',
    busy: false
  }
}

/** The list after one more page: new rows appended, rows already shown not repeated. */
function appendTasks(rows, connection) {
  const seen = new Set(rows.map(r => r.id))
  const more = connection.edges.map(e => taskView(e.node)).filter(r => !seen.has(r.id))
  return rows.concat(more)
}

module.exports = { STATUS_ACTIONS, STATUS_NAMES, percent, numbersView, taskView, appendTasks }
