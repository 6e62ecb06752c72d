/**
 * Chinese names of the automation and call-list enums. A rule's `threshold` is the unit of its
 * setting (null: none); `call`: the rule hands the store a call instead of giving a pack.
 */
export const RULE = {
  DORMANT_30: { name: '30 天未消费唤醒', threshold: '天未消费' },
  DORMANT_60: { name: '60 天未消费唤醒', threshold: '天未消费' },
  PACK_FOLLOW_UP: { name: '券包未用回访', threshold: '天未使用券包且未消费', call: true },
  BIRTHDAY: { name: '生日关怀', threshold: null },
  REPURCHASE: { name: '复购提醒', threshold: '%的平时购买间隔' }
}
export const TASK_STATUS = { OPEN: '待回访', NO_ANSWER: '未接通', REACHED: '已联系', DECLINED: '拒绝', DONE: '完成' }
export const TASK_STATUS_TAG = { OPEN: 'warning', NO_ANSWER: 'info', REACHED: 'primary', DECLINED: 'danger', DONE: 'success' }
export const NOTIFICATION_STATUS = { PENDING: '待发送', SENT: '已发送', FAILED: '失败', SKIPPED: '未发送' }
export const NOTIFICATION_STATUS_TAG = { PENDING: 'warning', SENT: 'success', FAILED: 'danger', SKIPPED: 'info' }
export const CHANNEL = { SMS: '短信', WECHAT_SUBSCRIBE: '微信订阅消息', OFFICIAL_ACCOUNT: '公众号模板消息' }
/** What the SMS provider's delivery receipt said. */
export const DELIVERY = { DELIVERED: '已送达', NOT_DELIVERED: '未送达' }
export const PURPOSE = {
  POINTS_EXPIRING: '积分到期提醒', COUPON_EXPIRING: '券到期提醒', WELCOME: '欢迎', DORMANT_30: '30 天唤醒',
  DORMANT_60: '60 天唤醒', BIRTHDAY: '生日关怀', REPURCHASE: '复购提醒', CAMPAIGN_SMS: '活动短信'
}
