/** Chinese names of the segment enums, shared by the member pages and the segment pages. */

export const STAGES = [
  { value: 'NEW', label: '新客' },
  { value: 'ACTIVE', label: '活跃' },
  { value: 'DECLINING', label: '下滑' },
  { value: 'DORMANT', label: '沉睡' },
  { value: 'CHURNED', label: '流失' }
]

/** RFM segments as the classic grid: rows 重要 / 一般, columns 价值 发展 保持 挽留. */
export const RFM_SEGMENTS = [
  { value: 'IMPORTANT_VALUE', label: '重要价值客户', row: '重要', col: '价值' },
  { value: 'IMPORTANT_DEVELOP', label: '重要发展客户', row: '重要', col: '发展' },
  { value: 'IMPORTANT_KEEP', label: '重要保持客户', row: '重要', col: '保持' },
  { value: 'IMPORTANT_RETAIN', label: '重要挽留客户', row: '重要', col: '挽留' },
  { value: 'GENERAL_VALUE', label: '一般价值客户', row: '一般', col: '价值' },
  { value: 'GENERAL_DEVELOP', label: '一般发展客户', row: '一般', col: '发展' },
  { value: 'GENERAL_KEEP', label: '一般保持客户', row: '一般', col: '保持' },
  { value: 'GENERAL_RETAIN', label: '一般挽留客户', row: '一般', col: '挽留' }
]

export const QUADRANTS = [
  { value: 'HIGH_FREQUENCY_HIGH_VALUE', label: '高频高客单' },
  { value: 'HIGH_FREQUENCY_LOW_VALUE', label: '高频低客单' },
  { value: 'LOW_FREQUENCY_HIGH_VALUE', label: '低频高客单' },
  { value: 'LOW_FREQUENCY_LOW_VALUE', label: '低频低客单' }
]

export const TAG_KINDS = { MANUAL: '手动标签', RULE: '规则标签' }

export const POINTS_KINDS = {
  EARN: '消费积分', REDEEM: '积分抵现', REFUND_REVERSE: '退款扣回', REFUND_RETURN: '退款返还', ADJUST: '人工调整',
  EXPIRE: '过期', CHECK_IN: '签到', MAKE_UP: '补签', REFERRAL: '邀请奖励', COUPON_EXCHANGE: '兑换优惠券',
  CAMPAIGN: '活动赠送', RECHARGE: '储值赠送', OPENING: '期初积分', EVENT: '活动签到', STAMP_CARD: '集章奖励',
  MALL_REDEEM: '积分商城兑换', MALL_RETURN: '商城兑换退回'
}

export function labelOf(list, value) {
  const found = list.find(x => x.value === value)
  return found ? found.label : value
}
