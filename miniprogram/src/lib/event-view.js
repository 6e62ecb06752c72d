/**
 * How the member event pages show an event and a sign-up: times in China time, places left, and what
 * the member may do now (sign up, join the waiting list, cancel) with the words for it.
 */
const format = require('./format')

const STATUS = { DRAFT: '未发布', PUBLISHED: '报名中', PAUSED: '暂停报名', CANCELLED: '已取消', FINISHED: '已结束' }

/** Where the member's sign-up stands, in words. */
function signUpText(signUp) {
  if (!signUp || signUp.status === 'CANCELLED') return ''
  if (signUp.attendedAt) return `已到场 · +${signUp.pointsAwarded || 0} 积分`
  if (signUp.status === 'WAITING') return `候补第 ${signUp.waitingPosition} 位`
  return '已报名'
}

/** An event as a list row or the event page shows it. */
function eventView(event, now = Date.now()) {
  const signUp = event.mySignUp || null
  const live = signUp && signUp.status !== 'CANCELLED'
  const finished = event.status === 'FINISHED' || event.status === 'CANCELLED'
  const cancelBy = live && signUp.status === 'CONFIRMED' ? signUp.cancelDeadline : event.startsAt
  return {
    id: event.id,
    title: event.title,
    description: event.description || '',
    pictureUrl: event.pictureUrl || '',
    store: event.store ? event.store.name : '',
    time: `${format.dateTime(event.startsAt)} - ${format.dateTime(event.endsAt).slice(-5)}`,
    points: event.points,
    status: event.status,
    statusText: STATUS[event.status] || '',
    placesText: event.placesLeft > 0 ? `剩余 ${event.placesLeft} 个名额` : '名额已满，可报名候补',
    signUpText: signUpText(signUp),
    waiting: !!live && signUp.status === 'WAITING',
    canSignUp: !live && event.signUpOpen && !finished,
    signUpLabel: event.placesLeft > 0 ? '立即报名' : '报名候补',
    canCancel: !!live && !signUp.attendedAt && !finished && new Date(cancelBy).getTime() >= now,
    cancelDeadline: live ? format.dateTime(cancelBy) : format.dateTime(event.cancelDeadline),
    closedText: finished ? STATUS[event.status] : !live && !event.signUpOpen ? (event.status === 'PAUSED' ? '暂停报名' : '不在报名时间') : ''
  }
}

/** A sign-up in 我的活动: the event, where it stands, and whether its ticket (the member code) is shown. */
function mySignUpView(signUp, now = Date.now()) {
  const event = eventView(Object.assign({}, signUp.event, { mySignUp: signUp }), now)
  return Object.assign(event, {
    signUpId: signUp.id,
    signUpStatus: signUp.status,
    stateText: signUp.status === 'CANCELLED' ? '已取消报名' : event.status === 'CANCELLED' ? '活动已取消' : event.signUpText,
    hasTicket: signUp.status === 'CONFIRMED' && !signUp.attendedAt && ['PUBLISHED', 'PAUSED'].includes(signUp.event.status)
  })
}

module.exports = { STATUS, signUpText, eventView, mySignUpView }
