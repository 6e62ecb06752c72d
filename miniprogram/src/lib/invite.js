/**
 * Inviting friends in plain words: the share path that carries the invite code, the rules, and
 * each invitation's progress and rewards. Sharing itself earns nothing (WeChat's rules).
 */
const format = require('./format')

/** The page an invitation opens: the friend's welcome (the share card and the mini-program code alike). */
const WELCOME_PAGE = 'pages/welcome/index'

const STATUS_LABELS = { JOINED: '已进入', REGISTERED: '已注册', PURCHASED: '已消费' }

const REWARD_LABELS = { REGISTERED: '注册奖励', FIRST_PURCHASE: '首购奖励', WELCOME: '欢迎礼' }

/** The rules as members read them, with the numbers the backend applies (`inviteRules`). */
function rules(r) {
  return [
    `好友通过你的邀请打开小程序，并用手机号完成注册：你得${r.registeredPoints}积分，好友得${r.welcomePoints}积分欢迎礼。`,
    `好友第一次消费：你再得${r.firstPurchasePoints}积分。`,
    `每位好友每项奖励只发一次；每天最多奖励${r.dailyCap}位好友，累计最多${r.lifetimeCap}位，超出后邀请照常记录，但不再发放奖励。`,
    '分享本身不奖励：只有好友真正注册、消费后才有奖励。',
    '好友需是第一次打开小程序的新朋友；不能邀请自己，同一手机号只算一位好友。'
  ]
}

/** The page a friend opens, with the invite code, e.g. /pages/welcome/index?inviter=AB12CD. */
function sharePath(code) {
  return `/${WELCOME_PAGE}?inviter=${encodeURIComponent(code)}`
}

/** The share card for onShareAppMessage. */
function shareMessage(code) {
  return { title: '邀你成为会员，注册即送积分', path: code ? sharePath(code) : `/${WELCOME_PAGE}` }
}

/** The full address of an image the backend serves (a mini-program code's imagePath). */
function imageUrl(apiUrl, imagePath) {
  return imagePath ? apiUrl + imagePath : ''
}

/** What the invited friend sees on the welcome page (InviteWelcome). */
function welcomeView(welcome) {
  return {
    inviter: `${welcome.inviterNickname} 邀请你成为会员`,
    gifts: [
      welcome.welcomePoints > 0 ? `用手机号完成注册，即得${format.points(welcome.welcomePoints)}积分欢迎礼` : '',
      welcome.welcomeGift ? `新会员礼包：${welcome.welcomeGift}` : ''
    ].filter(Boolean)
  }
}

/** "注册奖励 +50积分", or "首购奖励 已达上限" when a cap stopped it. */
function rewardLine(reward) {
  const label = REWARD_LABELS[reward.kind] || '奖励'
  return reward.granted ? `${label} +${format.points(reward.points)}积分` : `${label} 已达上限`
}

/** One invitation as listed: masked nickname, how far they got, when, and what it earned. */
function invitationView(node) {
  return {
    nickname: node.nickname,
    status: node.status,
    statusLabel: STATUS_LABELS[node.status] || node.status,
    joinedAt: format.date(node.joinedAt),
    rewards: node.rewards.map(rewardLine),
    noReward: node.rewards.length === 0 ? '尚无奖励' : ''
  }
}

/** The totals line items. */
function statsView(stats) {
  return {
    joined: stats.joined,
    registered: stats.registered,
    purchased: stats.purchased,
    pointsEarned: format.points(stats.pointsEarned)
  }
}

module.exports = { WELCOME_PAGE, rules, STATUS_LABELS, sharePath, shareMessage, imageUrl, welcomeView, rewardLine, invitationView, statsView }
