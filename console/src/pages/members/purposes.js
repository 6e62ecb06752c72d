/** What a notification or a subscribe-message template is about, in Chinese (notify's purposes). */
export const PURPOSES = {
  POINTS_EXPIRING: '积分到期提醒', COUPON_EXPIRING: '优惠券到期提醒', WELCOME: '欢迎消息', DORMANT_30: '30 天未消费唤醒',
  DORMANT_60: '60 天未消费唤醒', BIRTHDAY: '生日祝福', REPURCHASE: '复购提醒', CAMPAIGN_SMS: '营销活动短信'
}
