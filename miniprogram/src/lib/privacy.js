/**
 * The privacy page's wording: what each consent means, the readable summary of the data export,
 * and the cooling-off notice of a pending account closure.
 */

const SECTION_LABELS = {
  profile: '个人资料',
  consents: '授权记录',
  subscribeMessageConsents: '消息订阅',
  tier: '会员等级',
  tierHistory: '等级变化',
  tierReviews: '等级评定',
  tierBenefits: '等级权益',
  pointsBalance: '积分余额',
  pointsLedger: '积分明细',
  pointsBuckets: '积分批次',
  coupons: '优惠券',
  storedValueRecharges: '储值充值',
  storedValueHistory: '储值明细',
  storedValueOrders: '储值支付订单',
  orders: '订单',
  checkIns: '签到',
  stampCards: '集章卡',
  mallRedemptions: '积分商城兑换',
  eventSignUps: '会员活动报名',
  lotteryDraws: '抽奖记录',
  invitations: '邀请记录',
  shares: '分享记录',
  campaigns: '参与的活动',
  tags: '会员标签',
  segment: '会员分群',
  lifecycleHistory: '生命周期变化',
  automatedActions: '自动关怀',
  staffFollowUps: '店员回访',
  notifications: '消息'
}

/** "订单 3 条" lines for the sections that hold something, in the export's order. */
function exportSummary(sections) {
  return sections.filter(s => s.count > 0)
    .map(s => ({ name: s.name, label: SECTION_LABELS[s.name] || s.name, count: s.count, text: `${SECTION_LABELS[s.name] || s.name} ${s.count} 条` }))
}

/** The consent section as shown: whether to ask for the notice, the marketing switch, any pending closure. */
function consentView(consents) {
  return {
    askNotice: !consents.noticeAccepted,
    noticeVersion: consents.currentNoticeVersion,
    marketing: !!consents.marketing,
    closing: consents.closesAt ? closingNotice(consents.closesAt) : ''
  }
}

/** "账号将于 2026-12-01 注销，期间可选择“撤销注销并登录”保留账号" for a pending closure. */
function closingNotice(closesAt) {
  return `账号将于 ${String(closesAt).slice(0, 10)} 注销，期间可选择“撤销注销并登录”保留账号`
}

const CLOSE_WARNING = '注销后，昵称、头像、手机号、生日等个人信息将被删除且无法恢复，剩余积分、优惠券将无法使用；' +
  '7 天内可选择“撤销注销并登录”保留账号，期间不会自动登录。确定注销吗？'

module.exports = { SECTION_LABELS, exportSummary, consentView, closingNotice, CLOSE_WARNING }
