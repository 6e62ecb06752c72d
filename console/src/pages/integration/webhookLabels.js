/** Chinese words of the webhook pages. */
export const STATUS = {
  ACTIVE: { label: '启用', tag: 'success' },
  PAUSED: { label: '已暂停', tag: 'info' },
  DISABLED: { label: '已停用', tag: 'danger' }
}

export const DELIVERY_STATUS = {
  PENDING: { label: '等待重试', tag: 'warning' },
  DELIVERED: { label: '已送达', tag: 'success' },
  FAILED: { label: '失败', tag: 'danger' }
}

/** Event labels when the API's list is not loaded yet. */
export const EVENT_LABELS = {
  MEMBER_REGISTERED: '会员注册',
  PURCHASE_RECORDED: '消费登记',
  PURCHASE_REFUNDED: '消费退款',
  POINTS_CHANGED: '积分变动',
  TIER_CHANGED: '等级变化',
  COUPON_ISSUED: '发券',
  COUPON_REDEEMED: '核销优惠券',
  WALLET_CHANGED: '储值余额变动',
  CAMPAIGN_ENDED: '活动结束'
}
