/** Chinese names of the campaign enums, shared by the campaign pages. */
export const STATUS = { DRAFT: '草稿', SCHEDULED: '待开始', RUNNING: '进行中', PAUSED: '已暂停', ENDED: '已结束' }
export const STATUS_TAG = { DRAFT: 'info', SCHEDULED: 'warning', RUNNING: 'success', PAUSED: 'warning', ENDED: 'info' }
export const STATUSES = Object.keys(STATUS)

export const AUDIENCE = {
  EVERYONE: '全部会员', TIERS: '按等级', MEMBERS: '指定会员', TAGS: '按标签', STAGES: '按生命周期',
  SEGMENTS: '按 RFM 分群', TOP_SPENDERS: '消费排名前列', FILTER: '按筛选条件'
}
export const KIND = { STANDARD: '普通活动', MEMBER_DAY: '会员日', BIRTHDAY: '生日礼' }
export const BENEFIT = { COUPON_PACK: '券包', POINTS: '积分', MULTIPLIER: '积分倍率' }
export const RECURRENCE = { NONE: '一次性', MONTHLY: '每月' }
export const STAGE = { NEW: '新客', ACTIVE: '活跃', DECLINING: '衰退', DORMANT: '沉睡', CHURNED: '流失' }
export const SEGMENT = {
  IMPORTANT_VALUE: '重要价值客户', IMPORTANT_DEVELOP: '重要发展客户', IMPORTANT_KEEP: '重要保持客户',
  IMPORTANT_RETAIN: '重要挽留客户', GENERAL_VALUE: '一般价值客户', GENERAL_DEVELOP: '一般发展客户',
  GENERAL_KEEP: '一般保持客户', GENERAL_RETAIN: '一般挽留客户'
}

/** What the budget counts, by benefit. */
export const BUDGET_UNIT = { COUPON_PACK: '个券包', POINTS: '积分', MULTIPLIER: '名会员' }
